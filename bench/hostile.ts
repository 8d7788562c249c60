/**
 * Hostile-files benchmark (`npm run bench:hostile`): the hostile and broken files of
 * issue 11 (made by test/cli/hostile/hostileFiles.ts, plus a 400 MB and a lying 1.1 GB
 * zip bomb) beside a good workbook, checked in one run as a reviewer would. Prints the
 * run's wall time, the process's peak resident memory (worker threads included) and
 * each file's outcome. Target (issue 11): under 60 s and 1.5 GB, exit 2. Then two runs
 * that end a worker: one file over a 256 MB memory cap, and a sheet with one value in
 * XFD1048576 under a 30 s time limit (slow while form location scans whole rows).
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { main } from '../src/cli/main';
import { copyGoodWorkbook, writeBomb, writeHostileFiles } from '../test/cli/hostile/hostileFiles';
import { sheetXml, textCell, workbookParts } from '../test/cli/hostile/workbookXml';
import { zip } from '../test/cli/hostile/zipWriter';

const GOOD = path.join(__dirname, '..', 'examples', '青浦区2024绩效自评表.xlsx');
const MB = 1024 * 1024;

async function perfcheck(label: string, args: string[]): Promise<void> {
  let stderr = '';
  const started = performance.now();
  const code = await main([...args, '--format', 'json'], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, isTTY: false });
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\n${label}: exit ${code}, ${seconds.toFixed(1)} s, peak RSS so far ${peak.toFixed(0)} MB`);
  for (const line of stderr.trimEnd().split('\n')) console.log(`  ${line}`);
}

async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfcheck-bench-'));
  try {
    const folder = path.join(dir, '来件');
    mkdirSync(folder);
    copyGoodWorkbook(GOOD, folder);
    const { named } = await writeHostileFiles(folder, dir);
    await writeBomb(path.join(folder, '11-四百兆炸弹.xlsx'), 400 * MB, false);
    await writeBomb(path.join(folder, '12-谎报1.1G.xlsx'), 1100 * MB, true);
    await perfcheck('hostile folder', [folder, ...named.map((h) => h.file)]);

    const rows: string[] = [];
    for (let r = 1; r <= 40000; r++) rows.push(`<row r="${r}">${['A', 'B', 'C', 'D', 'E'].map((c) => textCell(`${c}${r}`, `明细${r}-${c}`)).join('')}</row>`);
    const many = path.join(dir, '二十万单元格.xlsx');
    writeFileSync(many, zip(workbookParts([{ name: '明细', xml: sheetXml(rows.join('')) }])));
    await perfcheck('200,000 cells, default limits', [many, GOOD]);
    await perfcheck('200,000 cells, --max-memory 64', [many, GOOD, '--max-memory', '64']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(GOOD);
    wb.worksheets[0].getCell('XFD1048576').value = 1;
    const far = path.join(dir, 'XFD1048576.xlsx');
    await wb.xlsx.writeFile(far);
    await perfcheck('one value in XFD1048576, --time-limit 30', [far, GOOD, '--time-limit', '30']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void run();
