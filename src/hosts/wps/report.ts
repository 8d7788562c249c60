import { internalLink, REPORT_HEADER, REPORT_SHEET, ReportRow } from '../../core/annotations';
import { columnName } from '../../core/grid';
import { HostError } from '../host';
import { call, child, EtObject, invoke, prop, setProp } from './etObject';
import { findSheet, isProtected, protectedError, rangeAt, worksheets } from './workbook';

/** The column of REPORT_HEADER that holds the finding's cell, where its link goes. */
const CELL_COLUMN = REPORT_HEADER.indexOf('单元格');

/**
 * Writes the 检查结果 sheet: the header and every row in one bulk write, then a link
 * on each row's 单元格 to the finding's cell. A sheet of that name that PerfCheck did not
 * write is the user's and is never overwritten.
 */
export function writeReport(wb: EtObject, rows: ReportRow[]): void {
  const existing = findSheet(wb, REPORT_SHEET);
  if (existing && isProtected(existing)) throw protectedError(REPORT_SHEET, '写入检查结果');
  if (existing && !isOurReport(existing)) {
    throw new HostError(
      'unknown',
      `工作簿里已有一个名为“${REPORT_SHEET}”的工作表，但不是 PerfCheck 生成的。为免覆盖您的内容，请先把它改名，再生成检查结果。`,
    );
  }
  const sheet = existing ?? addReportSheet(wb);
  try {
    call(child(sheet, 'Cells'), 'Clear');
    const data = [[...REPORT_HEADER], ...rows.map(rowValues)];
    const last = columnName(REPORT_HEADER.length - 1);
    // Text format keeps values such as 8.27 or 0.8413 exactly as the finding states them.
    setProp(rangeAt(sheet, `B1:${last}${data.length}`), 'NumberFormat', '@');
    setProp(rangeAt(sheet, `A1:${last}${data.length}`), 'Value2', data);
    const links = child(sheet, 'Hyperlinks');
    rows.forEach((r, i) => {
      const anchor = rangeAt(sheet, `${columnName(CELL_COLUMN)}${i + 2}`);
      invoke(links, 'Add', anchor, '', internalLink(r.sheet, r.cell), `转到 ${r.sheet}!${r.cell}`, r.cell);
    });
    call(sheet, 'Activate');
  } catch (e) {
    if (!existing) call(sheet, 'Delete');
    throw new HostError('unknown', `写入检查结果时出错，没有生成“${REPORT_SHEET}”。（${e instanceof Error ? e.message : String(e)}）`);
  }
}

function rowValues(r: ReportRow): (string | number)[] {
  return [r.index, r.severity, r.code, r.meaning, r.sheet, r.cell, r.project, r.message, r.expected, r.actual];
}

/** A sheet is PerfCheck's report when its first row is exactly the report header. */
function isOurReport(sheet: EtObject): boolean {
  const header = prop(rangeAt(sheet, `A1:${columnName(REPORT_HEADER.length - 1)}1`), 'Value2');
  const first = Array.isArray(header) ? header[0] : null;
  if (Array.isArray(first) && REPORT_HEADER.every((h, i) => first[i] === h)) return true;
  return Array.isArray(first) && first.every((v) => v === null || v === undefined || v === '') && isEmpty(sheet);
}

function isEmpty(sheet: EtObject): boolean {
  const v = prop(child(sheet, 'UsedRange'), 'Value2');
  return v === null || v === undefined || v === '';
}

function addReportSheet(wb: EtObject): EtObject {
  const all = worksheets(wb);
  let sheet: EtObject;
  try {
    sheet = invoke<EtObject>(child(wb, 'Worksheets'), 'Add', undefined, all[all.length - 1]);
  } catch {
    throw new HostError('protected', `工作簿结构受保护，无法添加“${REPORT_SHEET}”工作表。请撤销工作簿保护后再试。`);
  }
  setProp(sheet, 'Name', REPORT_SHEET);
  return sheet;
}
