import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { SUMMARY_HEADERS } from '../../src/cli/summaryWorkbook';
import { parseCsv } from './csvParse';
import { DECLARATION_XLSX, QINGPU_XLSX, loadWorkbook, run, runJson, sha256, tempDir } from './helpers';

const QINGPU_XLS = path.join(__dirname, 'batch', 'qingpu-2024-self-eval.xls');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** The files a reviewer receives: forms in three formats, a form without a form, a broken file, a PDF. */
function received(): string {
  const inbox = path.join(dir, '来件');
  mkdirSync(inbox);
  copyFileSync(QINGPU_XLSX, path.join(inbox, '青浦 副本10.xlsx'));
  copyFileSync(QINGPU_XLS, path.join(inbox, '青浦 副本2.xls'));
  copyFileSync(DECLARATION_XLSX, path.join(inbox, '宝山申报表.xlsx'));
  writeFileSync(path.join(inbox, '名单.csv'), '姓名,单位\n张三,总工会\n');
  writeFileSync(path.join(inbox, '损坏.xlsx'), 'PK\u0003\u0004 truncated');
  writeFileSync(path.join(inbox, '说明.pdf'), '%PDF-1.4');
  return inbox;
}

/** Rows of the 汇总表 as header → value, values as exceljs reads them back. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1) as string[];
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return rows;
}

test('--summary: one row per form across all files, one per file without a form; header frozen and filtered; links to copies', async () => {
  const inbox = received();
  const before = readdirSync(inbox).map((f) => sha256(path.join(inbox, f)));
  const out = path.join(dir, '结果');
  const summary = path.join(dir, '汇总表.xlsx');
  const { code, stdout, report } = await runJson([inbox, '--out-dir', out, '--summary', summary]);
  expect(code).toBe(2);
  expect(readdirSync(inbox).map((f) => sha256(path.join(inbox, f)))).toEqual(before);

  const wb = await loadWorkbook(summary);
  const ws = wb.getWorksheet('汇总表')!;
  expect((ws.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual([...SUMMARY_HEADERS]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.autoFilter).toBeTruthy();
  const rows = rowsOf(ws);

  // Row by row, in the order the files were taken (natural order), against the JSON report.
  const expected: [string, string | null, string | null][] = [];
  for (const file of report.files) {
    if (file.forms.length === 0) expected.push([path.basename(file.path), null, null]);
    for (const form of file.forms) expected.push([path.basename(file.path), form.sheet, form.project]);
  }
  expect(rows.map((r) => [path.basename(String(r['文件'])), r['工作表'], r['项目名称']])).toEqual(expected);
  expect(rows).toHaveLength(1 + 5 + 5 + 3 + 1 + 1);

  for (const file of report.files) {
    for (const form of file.forms) {
      const row = rows.find((r) => r['文件'] === file.path && r['表格区域'] === form.range)!;
      const findings = file.findings.filter((f) => f.form === form.id);
      const n = (s: string) => findings.filter((f) => f.severity === s).length;
      expect(row).toMatchObject({
        工作表: form.sheet,
        项目名称: form.project,
        主管部门: form.department,
        实施单位: form.unit,
        错误: n('error'),
        警告: n('warning'),
        提示: n('info'),
      });
      const number = (x: string | null | undefined) => (x === null || x === undefined ? null : Number(x));
      if (form.fund) {
        expect(row['全年预算数']).toBe(number(form.fund.budget));
        expect(row['全年执行数']).toBe(number(form.fund.actual));
        expect(row['执行率(%)核算']).toBe(number(form.fund.rate.computed));
        expect(row['资金得分核算']).toBe(number(form.fund.score.computed));
      }
      expect(row['总分']).toBe(number(form.total.printed));
      expect(row['总分核算']).toBe(number(form.total.computed));
      expect(row['等级']).toBe(form.grade.printed);
      // The link opens the form's annotated copy, relative to the 汇总表.
      const link = row['带标注的副本'] as ExcelJS.CellHyperlinkValue;
      expect(existsSync(path.resolve(dir, link.hyperlink))).toBe(true);
      expect(link.hyperlink).toMatch(/^结果\/.*\.检查结果\.xlsx$/);
    }
  }
  const qingpu4 = rows.find((r) => String(r['文件']).endsWith('副本10.xlsx') && r['工作表'] === '表4')!;
  expect(qingpu4).toMatchObject({ 项目名称: '青浦区劳模创新工作室创建', 资金得分: 8.72, 资金得分核算: 8.27, 总分: 96.52, 总分核算: 96.07, 错误: 2 });

  const note = (name: string) => rows.find((r) => String(r['文件']).endsWith(name))!['说明'];
  expect(note('名单.csv')).toBe('没有找到绩效自评表或申报表');
  expect(note('损坏.xlsx')).toMatch(/^无法读取：/);
  expect(note('说明.pdf')).toBe('已跳过：PDF 文件无法检查：请向报送单位索取 Excel 或 WPS 原表');
  expect(stdout).not.toContain('汇总表：');
});

test('the table names the 汇总表; its last line counts files with errors, unreadable, without a form', async () => {
  const inbox = received();
  const summary = path.join(dir, '汇总表.xlsx');
  const { code, stdout } = await run([inbox, '--summary', summary]);
  expect(code).toBe(2);
  expect(stdout).toContain(`汇总表：${summary}`);
  expect(stdout.trimEnd().split('\n').pop()).toBe(
    '合计：6 个文件，13 张表；错误 8 个，警告 7 个，提示 0 个；有错误的文件 2 个，无法读取的文件 1 个，没有表格的文件 1 个，跳过的文件 1 个',
  );
});

test('--summary never overwrites an input and never leaves half a file', async () => {
  const input = path.join(dir, '自评表.xlsx');
  copyFileSync(QINGPU_XLSX, input);
  const hash = sha256(input);
  const { code, stderr } = await run([input, '--summary', input]);
  expect(code).toBe(2);
  expect(stderr).toContain('不会覆盖被检查的文件');
  expect(sha256(input)).toBe(hash);
  expect((await run([input, '--summary', path.join(dir, '汇总表.txt')])).stderr).toContain('汇总表应保存为 .xlsx 文件');
  const { code: unwritable, stderr: why } = await run([input, '--summary', path.join(dir, '没有这个文件夹', '汇总表.xlsx')]);
  expect(unwritable).toBe(2);
  expect(why).toContain('无法写出汇总表');
  expect(readdirSync(dir)).toEqual(['自评表.xlsx']);
});

test('CSV: Chinese headers and severities by default, English with --lang en; unreadable and skipped files as rows', async () => {
  const inbox = received();
  const zh = parseCsv((await run([inbox, '--format', 'csv'])).stdout.slice(1));
  const en = parseCsv((await run([inbox, '--format', 'csv', '--lang', 'en'])).stdout.slice(1));
  expect(zh[0]).toEqual(['文件', '工作表', '单元格', '表格', '项目名称', '严重程度', '代码', '说明', '应为', '实际']);
  expect(en[0]).toEqual(['file', 'sheet', 'cell', 'form', 'project', 'severity', 'code', 'message', 'expected', 'actual']);
  expect(zh).toHaveLength(en.length);
  expect(new Set(zh.slice(1).map((r) => r[5]))).toEqual(new Set(['错误', '警告', '无法读取', '已跳过']));
  expect(new Set(en.slice(1).map((r) => r[5]))).toEqual(new Set(['error', 'warning', 'unreadable', 'skipped']));
  const broken = zh.find((r) => r[0].endsWith('损坏.xlsx'))!;
  expect(broken[5]).toBe('无法读取');
  expect(broken[7]).not.toBe('');
  expect(zh.find((r) => r[0].endsWith('说明.pdf'))![7]).toContain('PDF 文件无法检查');
  expect(zh.find((r) => r[0].endsWith('名单.csv'))!.slice(5, 7)).toEqual(['警告', 'NO_FORM_FOUND']);
  expect((await run([inbox, '--lang', 'fr'])).stderr).toContain('未知的语言：fr');
});
