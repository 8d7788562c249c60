/// <reference types="office-js" />
import { internalLink, REPORT_HEADER, REPORT_SHEET, ReportRow } from '../../core/annotations';
import { HostError } from '../host';
import { ExcelApi } from './excelApi';

/**
 * Writes the 检查结果 sheet in two syncs: one to learn whether it exists and may be
 * written, one to write header, rows and a link to each finding's cell.
 */
export async function writeReport(api: ExcelApi, rows: ReportRow[]): Promise<void> {
  await api.run(async (context) => {
    const wb = context.workbook;
    const existing = wb.worksheets.getItemOrNullObject(REPORT_SHEET);
    existing.load('protection/protected');
    const structure = wb.protection.load('protected');
    await context.sync();
    if (!existing.isNullObject && existing.protection.protected)
      throw new HostError('protected', `工作表“${REPORT_SHEET}”受保护，无法改写。请撤消保护或删除该表后重试。`);
    if (existing.isNullObject && structure.protected)
      throw new HostError('protected', `工作簿结构受保护，无法新建“${REPORT_SHEET}”工作表。请撤消“保护工作簿”后重试。`);

    const sheet = existing.isNullObject ? wb.worksheets.add(REPORT_SHEET) : existing;
    sheet.getRange().clear();
    const values: (string | number)[][] = [
      [...REPORT_HEADER],
      ...rows.map((r) => [r.index, r.severity, r.code, r.meaning, r.sheet, r.cell, r.project, r.message, r.expected, r.actual]),
    ];
    const table = sheet.getRangeByIndexes(0, 0, values.length, REPORT_HEADER.length);
    table.numberFormat = values.map((row) => row.map((_, c) => (c === 0 ? 'General' : '@')));
    table.values = values;
    sheet.getRangeByIndexes(0, 0, 1, REPORT_HEADER.length).format.font.bold = true;
    const cellColumn = REPORT_HEADER.indexOf('单元格');
    rows.forEach((r, i) => {
      sheet.getRangeByIndexes(i + 1, cellColumn, 1, 1).hyperlink = { documentReference: internalLink(r.sheet, r.cell), textToDisplay: r.cell };
    });
    sheet.freezePanes.freezeRows(1);
    table.format.autofitColumns();
    sheet.activate();
    await context.sync();
  });
}
