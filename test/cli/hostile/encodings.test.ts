import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import iconv from 'iconv-lite';
import * as path from 'path';
import { BAOSHAN_TSV, run, runJson, tempDir } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const utf8 = readFileSync(BAOSHAN_TSV, 'utf8');

/** The 宝山 text saved another way, under the same file name (the sheet is named after it) in its own folder. */
function saved(folder: string, bytes: Buffer): string {
  mkdirSync(path.join(dir, folder));
  const file = path.join(dir, folder, path.basename(BAOSHAN_TSV));
  writeFileSync(file, bytes);
  return file;
}

test('UTF-16 LE/BE with BOM, GB18030 with and without BOM, CR-only lines: the same forms and findings as UTF-8', async () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.replace(/\n/g, '\r\n'), 'utf16le')]);
  const be = Buffer.from(le).swap16();
  const gb = iconv.encode(utf8, 'gb18030');
  const files = [
    saved('utf16le', le),
    saved('utf16be', be),
    saved('gb18030', gb),
    saved('gb18030-bom', Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), gb])),
    saved('cr', Buffer.from(utf8.replace(/\n/g, '\r'), 'utf8')),
  ];
  const { code, stderr, report } = await runJson([BAOSHAN_TSV, ...files]);
  const [reference, ...others] = report.files;
  expect(reference.forms).toHaveLength(19);
  for (const other of others) {
    expect(other.error).toBeUndefined();
    expect(other.forms).toEqual(reference.forms);
    expect(other.findings).toEqual(reference.findings);
  }
  expect(code).toBe(1);
  expect(stderr).toBe('');
});

test('UTF-8 with one stray byte: read as UTF-8, the forms still found, a warning naming the file and line', async () => {
  const bytes = Buffer.from(utf8, 'utf8');
  const at = bytes.indexOf(Buffer.from('项目名称', 'utf8'));
  const damaged = saved('stray', Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]));
  const line = utf8.slice(0, utf8.indexOf('项目名称')).split('\n').length;
  const json = await runJson([damaged]);
  const file = json.report.files[0] as (typeof json.report.files)[0] & { warnings?: string[] };
  expect(file.error).toBeUndefined();
  expect(file.forms).toHaveLength(19);
  const warning = `文件按 UTF-8 读取，但有 1 处字节不符合该编码，第一处在第 ${line} 行，已替换为“\uFFFD”；请核对这些单元格`;
  expect(file.warnings).toEqual([warning]);
  expect(json.stderr).toBe(`注意：${damaged}：${warning}\n`);
  const table = await run([damaged]);
  expect(table.stdout).toContain(`文件：${damaged}\n  注意：${warning}\n`);
  expect(table.code).toBe(1);
});

test('a text file in no known encoding is an error (exit 2), not a clean file with no forms', async () => {
  const noise = saved('noise', Buffer.from([0xff, 0x00, 0xff, 0x81, 0x7f, 0xfe, 0x20, 0xff]));
  const { code, stderr, report } = await runJson([noise]);
  expect(code).toBe(2);
  expect(report.files[0].error).toMatch(/^无法识别文本编码/);
  expect(stderr).toMatch(new RegExp(`^无法检查 ${noise.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：无法识别文本编码`));
});
