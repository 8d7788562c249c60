/**
 * Reviewer's batch benchmark (`npm run bench:batch`): 200 workbooks in one folder, as a
 * reviewer receives them (.xlsx from examples/, .xls and .csv made by LibreOffice from a
 * published form, test/cli/batch/), checked by the compiled command (`node
 * bin/perfcheck.js`, built first) as a real process: once with the table output only,
 * once also writing every annotated copy and the 汇总表. Prints files and forms per
 * second, wall time and the exit status of each run.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const ROOT = path.join(__dirname, '..');
const SOURCES: { file: string; count: number }[] = [
  { file: path.join(ROOT, 'examples', '青浦区2024绩效自评表.xlsx'), count: 80 },
  { file: path.join(ROOT, 'examples', '宝山区2022绩效自评表.xlsx'), count: 40 },
  { file: path.join(ROOT, 'test', 'cli', 'batch', 'qingpu-2024-self-eval.xls'), count: 40 },
  { file: path.join(ROOT, 'test', 'cli', 'batch', 'qingpu-2024-self-eval-表4.csv'), count: 40 },
];

function perfcheck(label: string, files: number, args: string[]): void {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'perfcheck.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const last = r.stdout.trimEnd().split('\n').pop() ?? '';
  const forms = Number(/(\d+) 张表/.exec(last)?.[1] ?? 0);
  console.log(
    `${label}: ${files} files, ${forms} forms in ${seconds.toFixed(1)} s = ` +
      `${(files / seconds).toFixed(1)} files/s, ${(forms / seconds).toFixed(0)} forms/s (exit ${r.status})`,
  );
  console.log(`  ${last}`);
  if (r.stderr.trim() !== '') console.log(`  stderr: ${r.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
}

function run(): void {
  const build = spawnSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:cli failed');
  const dir = mkdtempSync(path.join(tmpdir(), 'perfcheck-batch-'));
  try {
    const inbox = path.join(dir, '来件');
    mkdirSync(inbox);
    let n = 0;
    for (const { file, count } of SOURCES) {
      const ext = path.extname(file);
      for (let i = 1; i <= count; i++) copyFileSync(file, path.join(inbox, `自评表 副本${++n}${ext}`));
    }
    const files = readdirSync(inbox).length;
    perfcheck('table output', files, [inbox]);
    const out = path.join(dir, '结果');
    perfcheck('with --out-dir and --summary', files, [inbox, '--out-dir', out, '--summary', path.join(out, '汇总表.xlsx')]);
    console.log(`  wrote ${readdirSync(out).length} files into the output folder`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run();
