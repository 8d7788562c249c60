import type ExcelJS from 'exceljs';
import { Cell, CellValue, Grid, uncalculatedCell } from '../core/grid';
import { formatNumber } from '../core/numberFormat';

/**
 * Workbook files → grids, for the command line (Node) and the browser preview. Like a
 * spreadsheet's own values API, only the top-left cell of a merged range holds a value.
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array, Excel: typeof ExcelJS): Promise<Grid[]> {
  const wb = new Excel.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb.worksheets.map(worksheetGrid);
}

export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: (Cell | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      if (c.isMerged && c.master.address !== c.address) return;
      const cell = cellOf(c);
      if (cell) cells[colNumber - 1] = cell;
    });
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { sheet: ws.name, top: 0, left: 0, cells: rows };
}

function cellOf(c: ExcelJS.Cell): Cell | null {
  const format = c.numFmt || undefined;
  const formula = formulaWithoutResult(c);
  if (formula !== null) return uncalculatedCell(formula, format);
  const value = plainValue(c.value);
  if (value === null) return null;
  if (typeof value === 'number') return { value, text: formatNumber(value, format), format };
  if (typeof value === 'string') return value === '' ? null : { value, text: value, format };
  if (typeof value === 'boolean') return { value, text: value ? 'TRUE' : 'FALSE', format };
  return { value, text: value.error, format };
}

/**
 * A formula saved without its result: no `<v>` in the file (exceljs and other libraries
 * write formulas that way and leave calculation to Excel). Read as blank, it would raise
 * false 为空 findings, so the engine reports it instead (FORMULA_NOT_CALCULATED).
 */
function formulaWithoutResult(c: ExcelJS.Cell): string | null {
  const v = c.value;
  if (typeof v !== 'object' || v === null || v instanceof Date) return null;
  if (!('formula' in v) && !('sharedFormula' in v)) return null;
  const { result } = v as ExcelJS.CellFormulaValue;
  if (result !== undefined && result !== null) return null;
  // exceljs translates a shared formula to this cell's own references.
  return c.formula || (v as ExcelJS.CellSharedFormulaValue).sharedFormula;
}

/** exceljs wraps formulas, rich text, links and errors in objects; keep what a cell shows. */
function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : plainValue(result as ExcelJS.CellValue);
    }
    if ('text' in v) return plainValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return String(v);
}
