import type ExcelJS from 'exceljs';
import { Cell, Grid, isCellError } from '../core/grid';

/**
 * A workbook holding grids that came from no workbook (TSV text): one sheet per grid,
 * each cell where the grid says it sits, so that findings' A1 addresses point at the
 * same cells in the annotated copy.
 */
export function gridWorkbook(grids: Grid[], Excel: typeof ExcelJS): ExcelJS.Workbook {
  const wb = new Excel.Workbook();
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.sheet);
    grid.cells.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell || cell.value === null) return;
        const target = ws.getCell(grid.top + r + 1, grid.left + c + 1);
        target.value = excelValue(cell);
        if (cell.format && cell.format !== 'General') target.numFmt = cell.format;
      });
    });
  }
  return wb;
}

function excelValue(cell: Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (isCellError(v)) return { error: v.error as ExcelJS.CellErrorValue['error'] };
  return v;
}
