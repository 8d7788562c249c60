import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkFile } from '../../src/cli/checkFile';
import { SUMMARY_HEADERS } from '../../src/cli/summaryWorkbook';
import { DEFAULT_LIMITS } from '../../src/io/limits';
import {
  BatchInput,
  BatchResult,
  copiesZip,
  readBatchFile,
  sortInputs,
  sortRows,
  summaryBytes,
  summaryRows,
} from '../../src/taskpane/batch';
import { checkGrids, CheckOutcome } from '../../src/taskpane/checkGrids';
import { FORMS_DIR } from '../core/fixtures';

const BATCH_FIXTURES = join(__dirname, '..', 'cli', 'batch');

function input(name: string, path: string): BatchInput {
  const data = readFileSync(path);
  return { name, size: data.length, bytes: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.length) as ArrayBuffer };
}

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** The page's path for one file: its reader, then the engine as the worker runs it. */
async function checkedOnPage(i: BatchInput): Promise<BatchResult> {
  const { grids, warnings } = await readBatchFile(i.name, await i.bytes());
  const steps = checkGrids(grids, 'auto', i.name);
  let step = steps.next();
  while (!step.done) step = steps.next();
  const outcome: CheckOutcome = step.value;
  return { input: i, report: outcome.report, outcome, warnings };
}

const FILES: [string, string][] = [
  ['qingpu-2024-self-eval.xlsx', join(FORMS_DIR, 'qingpu-2024-self-eval.xlsx')],
  ['baoshan-2024-target-declaration.xlsx', join(FORMS_DIR, 'baoshan-2024-target-declaration.xlsx')],
  ['baoshan-2022-self-eval.tsv', join(FORMS_DIR, 'baoshan-2022-self-eval.tsv')],
  ['qingpu-2024-self-eval.xls', join(BATCH_FIXTURES, 'qingpu-2024-self-eval.xls')],
  ['qingpu-2024-self-eval-表4.csv', join(BATCH_FIXTURES, 'qingpu-2024-self-eval-表4.csv')],
];

describe("the preview page's batch", () => {
  test.each(FILES)('%s: the same forms and findings as the command line reports', async (name, path) => {
    const page = await checkedOnPage(input(name, path));
    const kind = name.endsWith('.xlsx') ? 'xlsx' : name.endsWith('.xls') ? 'legacy' : name.endsWith('.csv') ? 'csv' : 'text';
    const cli = await checkFile({ path, kind, profile: 'auto', limits: { ...DEFAULT_LIMITS }, annotate: false, explain: false });
    if (!cli.ok) throw new Error(cli.error);
    expect(page.report.forms.length).toBeGreaterThan(0);
    expect(page.report.forms).toEqual(cli.file.forms);
    expect(page.report.findings).toEqual(cli.file.findings);
  });

  test('files are taken in natural order; lock files, copies, PDFs and Word files are skipped with their reason', () => {
    const names = ['来件/副本10.xlsx', '来件/副本2.xlsx', '来件/~$副本2.xlsx', '来件/副本2.检查结果.xlsx', '来件/说明.pdf', '来件/函.docx', '来件/清单.csv'];
    const { toCheck, skipped } = sortInputs(names.map((name) => ({ name, size: 0, bytes: async () => new ArrayBuffer(0) })));
    expect(toCheck.map((i) => i.name)).toEqual(['来件/副本2.xlsx', '来件/副本10.xlsx', '来件/清单.csv']);
    expect(new Map(skipped.map((s) => [s.input.name, s.report.skipped]))).toEqual(
      new Map([
        ['来件/~$副本2.xlsx', 'Office 打开文件时留下的临时锁文件，不是表格'],
        ['来件/副本2.检查结果.xlsx', 'PerfCheck 写出的带标注副本'],
        ['来件/说明.pdf', 'PDF 文件无法检查：请向报送单位索取 Excel 或 WPS 原表'],
        ['来件/函.docx', 'Word 文档无法检查：请向报送单位索取 Excel 或 WPS 原表'],
      ]),
    );
  });

  test('files that cannot be read say why in Chinese', async () => {
    await expect(readBatchFile('空.xlsx', new ArrayBuffer(0))).rejects.toThrow('文件是空的');
    await expect(readBatchFile('改名.xlsx', bytesOf('项目名称\t某项目'))).rejects.toThrow('不是有效的 .xlsx 工作簿');
    await expect(readBatchFile('坏.xlsx', bytesOf('PK\u0003\u0004 broken'))).rejects.toThrow('工作簿已损坏或不完整');
    await expect(readBatchFile('乱码.csv', new Uint8Array([0xff, 0x80, 0x81, 0xfe, 0x80]).buffer)).rejects.toThrow('无法识别文本编码');
  });

  test('the summary table and the downloaded 汇总表 have the same rows, unreadable and skipped files included', async () => {
    const results = await Promise.all(FILES.slice(0, 3).map(([name, path]) => checkedOnPage(input(name, path))));
    results.push({
      input: { name: '坏.xlsx', size: 0, bytes: async () => new ArrayBuffer(0) },
      report: { path: '坏.xlsx', error: '文件是空的（0 字节），不是 Excel 或 WPS 工作簿', forms: [], findings: [] },
      outcome: null,
      warnings: [],
    });
    results.push(...sortInputs([{ name: '说明.pdf', size: 0, bytes: async () => new ArrayBuffer(0) }]).skipped);
    const rows = summaryRows(results);
    expect(rows.length).toBe(results.slice(0, 3).reduce((n, r) => n + r.report.forms.length, 0) + 2);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await summaryBytes(results)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总表')!;
    const col = (h: (typeof SUMMARY_HEADERS)[number]) => SUMMARY_HEADERS.indexOf(h) + 1;
    expect(ws.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(col('文件')).text).toBe(r.file);
      expect(row.getCell(col('项目名称')).text).toBe(r.project);
      expect(row.getCell(col('错误')).value).toBe(r.errors);
      expect(row.getCell(col('警告')).value).toBe(r.warnings);
      expect(row.getCell(col('说明')).text).toBe(r.note);
    });
    expect(rows.at(-2)!.note).toBe('无法读取：文件是空的（0 字节），不是 Excel 或 WPS 工作簿');
    expect(rows.at(-1)!.note).toBe('已跳过：PDF 文件无法检查：请向报送单位索取 Excel 或 WPS 原表');
  });

  test('sorting: numbers as numbers, blanks last, equal rows in their first order', async () => {
    const results = await Promise.all(FILES.slice(0, 3).map(([name, path]) => checkedOnPage(input(name, path))));
    const rows = summaryRows(results);
    const byTotal = sortRows(rows, 'total', false).map((r) => r.total);
    const numbers = byTotal.filter((t) => t !== null).map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(byTotal.slice(numbers.length).every((t) => t === null)).toBe(true);
    const byErrors = sortRows(rows, 'errors', true);
    expect(byErrors.map((r) => r.errors)).toEqual(rows.map((r) => r.errors).sort((a, b) => b - a));
    const zero = rows.filter((r) => r.errors === 0).map((r) => r.key);
    expect(byErrors.filter((r) => r.errors === 0).map((r) => r.key)).toEqual(zero);
  });

  test('the zip holds one annotated copy per checked file, names kept apart, each with its findings marked', async () => {
    const results = await Promise.all(
      [FILES[0], FILES[3], FILES[4]].map(([name, path]) => checkedOnPage(input(`来件/${name}`, path))),
    );
    const progress: number[] = [];
    const zip = await JSZip.loadAsync(await copiesZip(results, (done) => progress.push(done)));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      ['来件/qingpu-2024-self-eval.检查结果.xlsx', '来件/qingpu-2024-self-eval (2).检查结果.xlsx', '来件/qingpu-2024-self-eval-表4.检查结果.xlsx']
        .concat(['来件/'])
        .sort(),
    );
    expect(progress.at(-1)).toBe(3);
    for (const [i, r] of results.entries()) {
      const name = i === 0 ? '来件/qingpu-2024-self-eval.检查结果.xlsx' : i === 1 ? '来件/qingpu-2024-self-eval (2).检查结果.xlsx' : '来件/qingpu-2024-self-eval-表4.检查结果.xlsx';
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await zip.file(name)!.async('uint8array')) as unknown as ArrayBuffer);
      const report = wb.getWorksheet('检查结果')!;
      expect(report.rowCount - 1).toBe(r.report.findings.length);
    }
  });
});
