import type ExcelJS from 'exceljs';

/**
 * Cell-by-cell comparison of workbooks reopened with exceljs: how the tests show that a
 * corrected copy (the command line's `--fix`, the preview's 下载改正后的副本) changed the
 * cells it says and nothing else.
 */

/** A cell note's text, whether exceljs gives it as a string or as rich text runs. */
export const noteOf = (note: unknown): string =>
  note === undefined ? '' : typeof note === 'string' ? note : (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');

/** Every cell of `a`'s sheets whose value or number format differs in `b`, as sheet!cell. */
export function differences(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of a.worksheets) {
    const other = b.getWorksheet(ws.name);
    if (!other) {
      out.push(`${ws.name} missing`);
      continue;
    }
    const rows = Math.max(ws.rowCount, other.rowCount);
    const cols = Math.max(ws.columnCount, other.columnCount);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const x = ws.getCell(r, c);
        const y = other.getCell(r, c);
        if (JSON.stringify(x.value) !== JSON.stringify(y.value) || (x.numFmt ?? '') !== (y.numFmt ?? '')) out.push(`${ws.name}!${x.address}`);
      }
    }
  }
  return out;
}
