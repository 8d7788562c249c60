import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import iconv from 'iconv-lite';
import * as path from 'path';
import { BAOSHAN_TSV, QINGPU_XLSX, run, runJson, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

test('folders are walked in name order; lock files, our own copies and other types are listed as skipped', async () => {
  mkdirSync(path.join(dir, 'b-sub'));
  copyFileSync(QINGPU_XLSX, path.join(dir, 'a.xlsx'));
  copyFileSync(BAOSHAN_TSV, path.join(dir, 'b-sub', 'c.tsv'));
  copyFileSync(QINGPU_XLSX, path.join(dir, 'a.检查结果.xlsx'));
  // An Office lock file is a few bytes of binary: reading it as a workbook would fail.
  writeFileSync(path.join(dir, '~$a.xlsx'), Buffer.from([0x0a, 0x00, 0x41]));
  writeFileSync(path.join(dir, 'notes.md'), '# 说明');
  const { code, report } = await runJson([dir, path.join(dir, 'a.xlsx')]);
  expect(report.files.map((f) => [path.relative(dir, f.path), f.skipped ?? null])).toEqual([
    ['~$a.xlsx', 'Office 打开文件时留下的临时锁文件，不是表格'],
    ['a.检查结果.xlsx', 'PerfCheck 写出的带标注副本'],
    ['a.xlsx', null],
    [path.join('b-sub', 'c.tsv'), null],
    ['notes.md', expect.stringContaining('不是可检查的文件类型')],
  ]);
  expect(report.files.filter((f) => f.skipped === undefined).every((f) => f.forms.length > 0)).toBe(true);
  expect(code).toBe(1);
});

test('a GB18030 TSV is read as GB18030 and gives the same findings as the UTF-8 one', async () => {
  const utf8 = readFileSync(BAOSHAN_TSV, 'utf8');
  const gb = path.join(dir, 'baoshan-2022-self-eval.tsv');
  writeFileSync(gb, iconv.encode(utf8, 'gb18030'));
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(gb))).toThrow();
  const { report } = await runJson([BAOSHAN_TSV, gb]);
  const [a, b] = report.files;
  expect(b.forms.map((f) => f.project)).toEqual(a.forms.map((f) => f.project));
  expect(b.findings).toEqual(a.findings);
  expect(b.forms).toHaveLength(19);
});

describe('progress bar', () => {
  async function fiveFiles(): Promise<string[]> {
    return ['1', '2', '3', '4', '5'].map((n) => {
      const p = path.join(dir, `${n}.tsv`);
      copyFileSync(BAOSHAN_TSV, p);
      return p;
    });
  }

  test('on a terminal with more than 3 files: drawn on stderr, never on stdout', async () => {
    const { stdout, stderr } = await run(await fiveFiles(), true);
    expect(stderr).toContain('检查中 [####----------------] 1/5 2.tsv');
    expect(stderr).toContain('检查中 [####################] 5/5');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(stdout).not.toContain('检查中');
  });

  test('nothing when stderr is not a terminal, or for 3 files or fewer', async () => {
    const files = await fiveFiles();
    expect((await run(files, false)).stderr).toBe('');
    expect((await run(files.slice(0, 3), true)).stderr).toBe('');
  });
});
