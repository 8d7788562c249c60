import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, writeFileSync } from 'fs';
import iconv from 'iconv-lite';
import * as path from 'path';
import { parseCsv } from '../../src/core/csvGrid';
import { JsonFile } from '../../src/core/report';
import { QINGPU_XLSX, runJson, tempDir } from './helpers';

const BATCH = path.join(__dirname, 'batch');
const QINGPU_XLS = path.join(BATCH, 'qingpu-2024-self-eval.xls');
const sheetCsv = (sheet: string) => path.join(BATCH, `qingpu-2024-self-eval-${sheet}.csv`);

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** A finding without its file's sheet naming, for comparing one sheet's CSV with the workbook. */
const onSheet = (file: JsonFile, sheet: string) =>
  file.findings
    .filter((f) => f.sheet === sheet)
    .map(({ code, severity, cell, message, expected, actual }) => ({ code, severity, cell, message, expected, actual }));

test('an .xls written by LibreOffice gives the same forms and findings as its .xlsx', async () => {
  const { report } = await runJson([QINGPU_XLSX, QINGPU_XLS]);
  const [xlsx, xls] = report.files;
  expect(xls.error).toBeUndefined();
  expect(xls.forms).toHaveLength(5);
  expect(xls.forms).toEqual(xlsx.forms);
  expect(xls.findings).toEqual(xlsx.findings);
  expect(xls.findings.map((f) => `${f.sheet}!${f.cell}`)).toContain('表4!H6');
});

test('each sheet saved as CSV (quoted, UTF-8 or GB18030) gives the findings the workbook gives on that sheet', async () => {
  const { report } = await runJson([QINGPU_XLSX]);
  const workbook = report.files[0];
  for (const sheet of ['表1', '表2', '表3', '表4', '表5']) {
    const gb = path.join(dir, `${sheet}-gb18030.csv`);
    writeFileSync(gb, iconv.encode(readFileSync(sheetCsv(sheet), 'utf8'), 'gb18030'));
    const { report: csvs } = await runJson([sheetCsv(sheet), gb]);
    for (const file of csvs.files) {
      expect(file.error).toBeUndefined();
      expect(file.forms.map((f) => f.project)).toEqual(workbook.forms.filter((f) => f.sheet === sheet).map((f) => f.project));
      expect(onSheet(file, file.forms[0].sheet)).toEqual(onSheet(workbook, sheet));
    }
  }
});

test('CSV fields in quotes keep their commas, quotes and line breaks (RFC 4180)', () => {
  const grid = parseCsv('\uFEFF"项目名称","a,b",3\n"说""明""","两\n行",\n,"",x', 'S');
  expect(grid.cells.map((r) => r.map((c) => c?.text ?? ''))).toEqual([
    ['项目名称', 'a,b', '3'],
    ['说"明"', '两\n行', ''],
    ['', '', 'x'],
  ]);
});

test('a WPS .et (OLE file whose header names the Excel CLSID, as WPS writes it) is read like the .xls', async () => {
  const bytes = Buffer.from(readFileSync(QINGPU_XLS));
  // SheetJS issue #1419: files saved by WPS carry CLSID 00020820-0000-0000-C000-000000000046 in the header.
  Buffer.from('2008020000000000c000000000000046', 'hex').copy(bytes, 8);
  const et = path.join(dir, '青浦.et');
  writeFileSync(et, bytes);
  const { report } = await runJson([QINGPU_XLS, et]);
  expect(report.files[1].error).toBeUndefined();
  expect(report.files[1].findings).toEqual(report.files[0].findings);
});

test('an .et that cannot be read says how to save it as .xlsx in WPS', async () => {
  const et = path.join(dir, '加密.et');
  writeFileSync(et, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]));
  const { code, report } = await runJson([et]);
  expect(code).toBe(2);
  expect(report.files[0].error).toMatch(/文件 → 另存为.*Excel 工作簿\(\*\.xlsx\)/);
});

test('a folder: every file checked or named with the reason it was skipped, in natural order', async () => {
  const put = (name: string, from?: string) => {
    const p = path.join(dir, name);
    if (from) copyFileSync(from, p);
    else writeFileSync(p, '%PDF-1.4 not a form');
    return p;
  };
  put('自评表 副本10.xlsx', QINGPU_XLSX);
  put('自评表 副本2.xls', QINGPU_XLS);
  put('自评表 副本3.csv', sheetCsv('表4'));
  put('说明.pdf');
  put('报告.docx');
  put('~$自评表 副本10.xlsx');
  put('青浦.et', QINGPU_XLS);
  const { code, report } = await runJson([dir]);
  const listed = report.files.map((f) => [path.basename(f.path), f.skipped ?? f.error ?? `${f.forms.length} 张表`]);
  expect(listed).toEqual([
    ['~$自评表 副本10.xlsx', 'Office 打开文件时留下的临时锁文件，不是表格'],
    ['报告.docx', 'Word 文档无法检查：请向报送单位索取 Excel 或 WPS 原表'],
    ['青浦.et', '5 张表'],
    ['说明.pdf', 'PDF 文件无法检查：请向报送单位索取 Excel 或 WPS 原表'],
    ['自评表 副本2.xls', '5 张表'],
    ['自评表 副本3.csv', '1 张表'],
    ['自评表 副本10.xlsx', '5 张表'],
  ]);
  expect(report.summary).toMatchObject({ files: 7, skipped: 3, unreadable: 0, withoutForm: 0, filesWithErrors: 4 });
  // Skipped files are reported, not failures: the exit status is the findings'.
  expect(code).toBe(1);
});

describe('formulas saved without results (a workbook written by exceljs)', () => {
  async function programWritten(): Promise<{ original: string; written: string }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(QINGPU_XLSX);
    for (const ws of [...wb.worksheets]) if (ws.name !== '表4') wb.removeWorksheet(ws.id);
    const original = path.join(dir, 'original.xlsx');
    await wb.xlsx.writeFile(original);
    const ws = wb.getWorksheet('表4')!;
    ws.getCell('G6').value = { formula: 'ROUND(E6/D6*100,2)' } as ExcelJS.CellFormulaValue;
    ws.getCell('H6').value = { formula: 'ROUND(G6/100*F6,2)' } as ExcelJS.CellFormulaValue;
    ws.getCell('G20').value = { formula: 'SUM(G13:G19)+H6' } as ExcelJS.CellFormulaValue;
    ws.getCell('B21').value = { formula: 'IF(G20>=90,"优","良")' } as ExcelJS.CellFormulaValue;
    const written = path.join(dir, 'written.xlsx');
    await wb.xlsx.writeFile(written);
    return { original, written };
  }

  test('each is reported at its cell, with how to fix it; no false 为空, no 分值 taken for the 总分', async () => {
    const { original, written } = await programWritten();
    const { report } = await runJson([original, written]);
    const [before, after] = report.files;
    const formulaCells = ['G6', 'H6', 'G20', 'B21'];
    expect(after.findings.filter((f) => f.code === 'FORMULA_NOT_CALCULATED').map((f) => f.cell)).toEqual(formulaCells);
    for (const f of after.findings.filter((x) => x.code === 'FORMULA_NOT_CALCULATED')) {
      expect(f).toMatchObject({ severity: 'error', sheet: '表4', form: after.forms[0].id });
      expect(f.message).toContain('请在 Excel 或 WPS 中打开此文件并保存一次');
    }
    expect(after.findings.find((f) => f.code === 'EMPTY_FIELD')).toBeUndefined();
    // The 分值 total (F20 = 100) beside an unread 总分 must not stand in for it.
    expect(after.findings.find((f) => f.cell === 'F20')).toBeUndefined();
    expect(after.forms[0].total.printed).toBeNull();
    expect(after.forms[0].fund).toMatchObject({ rate: { printed: null, computed: '82.72' }, score: { printed: null } });
    // Findings about cells that hold values are what they were.
    const elsewhere = (file: JsonFile) => file.findings.filter((f) => !formulaCells.includes(f.cell));
    expect(elsewhere(after)).toEqual(elsewhere(before));
  });
});
