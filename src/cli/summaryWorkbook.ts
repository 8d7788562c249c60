import type ExcelJS from 'exceljs';
import * as path from 'path';
import { JsonForm, JsonReport } from '../core/report';
import { ReportedFile } from './checkFile';
import { keepLayout } from './printable';

/** The 汇总表's columns: header, width, and what goes in a form's row. */
interface Column {
  header: string;
  width: number;
  value: (form: JsonForm) => ExcelJS.CellValue;
}

const amount = (x: string | null | undefined): number | null => (x === null || x === undefined ? null : Number(x));

// Amounts and scores are shown as numbers so that the reviewer can sort and filter them;
// they are the decimal strings of the report, only displayed, never computed with.
const FORM_COLUMNS: Column[] = [
  { header: '项目名称', width: 36, value: (f) => text(f.project) },
  { header: '主管部门', width: 24, value: (f) => text(f.department) },
  { header: '实施单位', width: 24, value: (f) => text(f.unit) },
  { header: '全年预算数', width: 12, value: (f) => amount(f.fund?.budget) },
  { header: '全年执行数', width: 12, value: (f) => amount(f.fund?.actual) },
  { header: '执行率(%)', width: 10, value: (f) => amount(f.fund?.rate.printed ?? f.fund?.rate.computed) },
  { header: '执行率(%)核算', width: 12, value: (f) => amount(f.fund?.rate.computed) },
  { header: '资金得分', width: 10, value: (f) => amount(f.fund?.score.printed ?? f.fund?.score.computed) },
  { header: '资金得分核算', width: 12, value: (f) => amount(f.fund?.score.computed) },
  { header: '总分', width: 8, value: (f) => amount(f.total.printed) },
  { header: '总分核算', width: 10, value: (f) => amount(f.total.computed) },
  { header: '等级', width: 8, value: (f) => text(f.grade.printed) },
  { header: '等级核算', width: 10, value: (f) => text(f.grade.computed) },
];

/** Every header, in order: the ones a test or a reviewer's macro looks columns up by. */
export const SUMMARY_HEADERS = [
  '文件',
  '工作表',
  '表格区域',
  '表格类型',
  ...FORM_COLUMNS.map((c) => c.header),
  '错误',
  '警告',
  '提示',
  '说明',
  '带标注的副本',
] as const;

/**
 * The reviewer's 汇总表: one row per form across all files, and one row for each file
 * that could not be read, had no form, or was skipped, with the reason under 说明. The
 * header is frozen and filtered. When annotated copies were written, the last column
 * links to each form's copy by a path relative to the 汇总表, so the folder can be moved
 * or sent as a whole. Text from workbooks is written as text, never as a formula.
 */
export function summaryWorkbook(
  report: JsonReport,
  copies: Map<string, string>,
  summaryPath: string,
  Excel: typeof ExcelJS,
): ExcelJS.Workbook {
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet('汇总表', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = SUMMARY_HEADERS.map((header) => ({
    header,
    width: FORM_COLUMNS.find((c) => c.header === header)?.width ?? (header === '文件' || header === '说明' ? 40 : 10),
  }));
  ws.getRow(1).font = { bold: true };
  for (const file of report.files as ReportedFile[]) {
    const copy = copies.get(file.path);
    const link: ExcelJS.CellValue = copy
      ? {
          text: path.basename(copy),
          hyperlink: path
            .relative(path.dirname(path.resolve(summaryPath)), path.resolve(copy))
            .split(path.sep)
            .join('/'),
        }
      : null;
    const fileName = keepLayout(file.path);
    if (file.forms.length === 0) {
      const note =
        file.skipped !== undefined
          ? `已跳过：${file.skipped}`
          : file.error !== undefined
            ? `无法读取：${file.error}`
            : `没有找到绩效自评表或申报表`;
      const row = ws.addRow(rowFor(fileName, null, counts(file.findings), text(note), link));
      row.font = { color: { argb: file.skipped !== undefined ? 'FF808080' : 'FFC00000' } };
      continue;
    }
    for (const form of file.forms) {
      const findings = file.findings.filter((f) => f.form === form.id);
      const warnings = file.warnings?.length ? text(file.warnings.join('；')) : null;
      ws.addRow(rowFor(fileName, form, counts(findings), warnings, link));
    }
  }
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, ws.rowCount), column: SUMMARY_HEADERS.length },
  };
  return wb;
}

function rowFor(
  file: string,
  form: JsonForm | null,
  [errors, warnings, infos]: number[],
  note: string | null,
  link: ExcelJS.CellValue,
): ExcelJS.CellValue[] {
  return [
    file,
    form ? text(form.sheet) : null,
    form?.range ?? null,
    form ? (form.kind === 'declaration' ? '绩效目标申报表' : '绩效自评表') : null,
    ...FORM_COLUMNS.map((c) => (form ? c.value(form) : null)),
    errors,
    warnings,
    infos,
    note,
    link,
  ];
}

function counts(findings: { severity: string }[]): number[] {
  return ['error', 'warning', 'info'].map((s) => findings.filter((f) => f.severity === s).length);
}

/** Workbook text as a cell's text: no control characters (XML forbids most of them). */
function text(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : keepLayout(value);
}
