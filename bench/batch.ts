/**
 * Reviewer's batch benchmark (`npm run bench:batch`): 200 workbooks in one folder, as a
 * reviewer receives them (.xlsx from examples/, .xls and .csv made by LibreOffice from a
 * published form, test/cli/batch/), checked by the compiled command (`node
 * bin/perfcheck.js`, built first) as a real process: once with the table output only,
 * once also writing every annotated copy and the 汇总表. Prints files and forms per
 * second, wall time and the exit status of each run.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { reviewerInbox } from './reviewerInbox';

const ROOT = path.join(__dirname, '..');

function perfcheck(label: string, files: number, args: string[]): void {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'perfcheck.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
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
    const { inbox, files } = reviewerInbox(dir);
    perfcheck('table output', files, [inbox]);
    const out = path.join(dir, '结果');
    perfcheck('with --out-dir and --summary', files, [
      inbox,
      '--out-dir',
      out,
      '--summary',
      path.join(out, '汇总表.xlsx'),
    ]);
    console.log(`  wrote ${readdirSync(out).length} files into the output folder`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run();
