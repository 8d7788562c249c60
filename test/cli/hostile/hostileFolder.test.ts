import { mkdirSync, readdirSync } from 'fs';
import * as path from 'path';
import { QINGPU_XLSX, runJson, tempDir } from '../helpers';
import { copyGoodWorkbook, writeHostileFiles } from './hostileFiles';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

test('a folder of hostile files beside a good workbook: the good findings, one Chinese error line per hostile file, exit 2', async () => {
  const folder = path.join(dir, '来件');
  mkdirSync(folder);
  const good = copyGoodWorkbook(QINGPU_XLSX, folder);
  const { inFolder, named } = await writeHostileFiles(folder, dir);
  const hostile = [...inFolder, ...named];

  const alone = await runJson([good]);
  const { code, stderr, report } = await runJson([folder, ...named.map((h) => h.file)]);

  expect(code).toBe(2);
  expect(report.files.map((f) => f.path)).toEqual([good, ...hostile.map((h) => h.file)]);
  const [checked, ...refused] = report.files;
  expect(checked.error).toBeUndefined();
  expect(checked.findings).toEqual(alone.report.files[0].findings);
  expect(checked.forms).toHaveLength(5);
  refused.forEach((file, i) => {
    expect({ file: file.path, error: file.error }).toEqual({ file: hostile[i].file, error: expect.stringMatching(hostile[i].reason) });
  });
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(hostile.length);
  hostile.forEach((h, i) => {
    expect(lines[i]).toContain(h.file);
    expect(lines[i]).toMatch(h.reason);
  });

  // With --out-dir: a copy for the good workbook only, nothing half-written for the others.
  const out = path.join(dir, '结果');
  const withCopies = await runJson([folder, ...named.map((h) => h.file), '--out-dir', out]);
  expect(withCopies.code).toBe(2);
  expect(withCopies.report.files[0].findings).toEqual(checked.findings);
  expect(readdirSync(out)).toEqual(['01-正常.检查结果.xlsx']);
}, 180000);
