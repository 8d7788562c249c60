import { spawnSync } from 'child_process';
import * as path from 'path';
import { QINGPU_XLSX } from './helpers';

const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function perfcheck(args: string[]) {
  return spawnSync(TSX, [path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('perfcheck as a real process', () => {
  test('exit status 1 with findings, report on stdout, nothing on stderr', () => {
    const r = perfcheck([QINGPU_XLSX]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[错误] 表4!H6  资金得分应为 8.27');
    expect(r.stderr).toBe('');
  });

  test('exit status 2 and 找不到文件 on stderr for a missing path; json stays one document', () => {
    const r = perfcheck(['没有.xlsx', QINGPU_XLSX, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到文件：没有.xlsx');
    expect(JSON.parse(r.stdout).summary.files).toBe(2);
  });

  test('npm run check-example compiles the command, checks examples/ and succeeds although errors are found', () => {
    const r = spawnSync('npm', ['run', '-s', 'check-example'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('文件：examples/青浦区2024绩效自评表.xlsx');
    expect(r.stdout).toContain('文件：examples/宝山区2022绩效自评表.xlsx');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[lines.length - 2]).toMatch(/^说明：退出状态 1 表示检查发现了错误/);
    expect(lines[lines.length - 1]).toMatch(/^合计：3 个文件，.*有错误的文件 2 个，无法读取的文件 0 个，没有表格的文件 0 个，跳过的文件 1 个$/);
    expect(r.stdout).toContain('文件：examples/README.md');
    // The launcher itself reports the findings with status 1.
    const direct = spawnSync(process.execPath, [path.join(ROOT, 'bin/perfcheck.js'), 'examples/'], { cwd: ROOT, encoding: 'utf8' });
    expect(direct.status).toBe(1);
    // Node flags a worker thread refuses (V8 heap size) do not stop the per-file workers.
    const flagged = spawnSync(process.execPath, ['--max-old-space-size=2048', path.join(ROOT, 'bin/perfcheck.js'), 'examples/'], { cwd: ROOT, encoding: 'utf8' });
    expect(flagged.stderr).toBe('');
    expect(flagged.status).toBe(1);
  }, 120000);
});
