/// <reference types="office-js" />
import { internalLink, REPORT_HEADER, REPORT_SHEET, ReportRow } from '../../core/annotations';
import { HostError } from '../host';
import { ExcelApi } from './excelApi';
import { CALL_BYTES, ChangeLog, jsonBytes, WriteBatch } from './payload';

/** Report rows are written in chunks of this many (ten short text columns each). */
const REPORT_WRITE_ROWS = 200;

/**
 * Writes the 检查结果 sheet: one sync learns whether it exists and may be written, then
 * header, rows and a link to each finding's cell go in payload-sized syncs (one per
 * ~4 MB: thousands of findings do not fit one request).
 */
export async function writeReport(api: ExcelApi, rows: ReportRow[], log: ChangeLog): Promise<void> {
  await api.run(async (context) => {
    const wb = context.workbook;
    const existing = wb.worksheets.getItemOrNullObject(REPORT_SHEET);
    existing.load('protection/protected');
    const structure = wb.protection.load('protected');
    await context.sync();
    if (!existing.isNullObject && existing.protection.protected)
      throw new HostError('protected', `工作表“${REPORT_SHEET}”受保护，无法改写，PerfCheck 没有做任何修改。请撤消保护或删除该表后重试。`);
    if (existing.isNullObject && structure.protected)
      throw new HostError('protected', `工作簿结构受保护，无法新建“${REPORT_SHEET}”工作表，PerfCheck 没有做任何修改。请撤消“保护工作簿”后重试。`);

    const batch = new WriteBatch(context, log, 'cells');
    const sheet = existing.isNullObject ? wb.worksheets.add(REPORT_SHEET) : existing;
    const values: (string | number)[][] = [
      [...REPORT_HEADER],
      ...rows.map((r) => [r.index, r.severity, r.code, r.meaning, r.sheet, r.cell, r.project, r.message, r.expected, r.actual]),
    ];
    await batch.add(() => {
      sheet.getRange().clear();
      sheet.getRangeByIndexes(0, 0, 1, REPORT_HEADER.length).format.font.bold = true;
      sheet.freezePanes.freezeRows(1);
      return 8 * CALL_BYTES;
    });
    for (let i = 0; i < values.length; i += REPORT_WRITE_ROWS) {
      const chunk = values.slice(i, i + REPORT_WRITE_ROWS);
      await batch.add(() => {
        const range = sheet.getRangeByIndexes(i, 0, chunk.length, REPORT_HEADER.length);
        const formats = chunk.map((row) => row.map((_, c) => (c === 0 ? 'General' : '@')));
        range.numberFormat = formats;
        range.values = chunk;
        return 3 * CALL_BYTES + jsonBytes(formats) + jsonBytes(chunk);
      });
    }
    const cellColumn = REPORT_HEADER.indexOf('单元格');
    for (const [i, r] of rows.entries()) {
      await batch.add(() => {
        const link = { documentReference: internalLink(r.sheet, r.cell), textToDisplay: r.cell };
        sheet.getRangeByIndexes(i + 1, cellColumn, 1, 1).hyperlink = link;
        return 2 * CALL_BYTES + jsonBytes(link);
      });
    }
    await batch.add(() => {
      sheet.getRangeByIndexes(0, 0, values.length, REPORT_HEADER.length).format.autofitColumns();
      sheet.activate();
      return 4 * CALL_BYTES;
    });
    await batch.flush();
  });
}
