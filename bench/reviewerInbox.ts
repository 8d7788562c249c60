import { copyFileSync, mkdirSync, readdirSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

/**
 * What a reviewer receives, for the batch benchmarks (bench:batch through the command
 * line, bench:page through the preview page): 200 workbooks in one folder, .xlsx from
 * examples/ and .xls/.csv that LibreOffice made from a published form (test/cli/batch/).
 */
const SOURCES: { file: string; count: number }[] = [
  { file: path.join(ROOT, 'examples', '青浦区2024绩效自评表.xlsx'), count: 80 },
  { file: path.join(ROOT, 'examples', '宝山区2022绩效自评表.xlsx'), count: 40 },
  { file: path.join(ROOT, 'test', 'cli', 'batch', 'qingpu-2024-self-eval.xls'), count: 40 },
  { file: path.join(ROOT, 'test', 'cli', 'batch', 'qingpu-2024-self-eval-表4.csv'), count: 40 },
];

/** Fills `dir/来件` with the 200 files; returns the folder and how many files it holds. */
export function reviewerInbox(dir: string): { inbox: string; files: number } {
  const inbox = path.join(dir, '来件');
  mkdirSync(inbox);
  let n = 0;
  for (const { file, count } of SOURCES) {
    for (let i = 1; i <= count; i++) copyFileSync(file, path.join(inbox, `自评表 副本${++n}${path.extname(file)}`));
  }
  return { inbox, files: readdirSync(inbox).length };
}
