import { HyperFormula } from 'hyperformula';
import { Grid, isCellError, parseAddress } from '../../src/core/grid';
import { readNumberText } from '../../src/core/values';

/**
 * A real formula engine for the tests: HyperFormula (GPL, tests only, never shipped) stands
 * in for Excel and WPS when the formulas PerfCheck writes are evaluated beside a form's cells.
 */

/**
 * A sheet as a spreadsheet holds it. The TSV transcriptions hold text: a number in it
 * (`1,000,000.00`, `84.13%`) is put as the number a person typing it gets.
 */
function sheetOf(grid: Grid): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  grid.cells.forEach((row, r) => {
    const out: (string | number | boolean | null)[] = (rows[grid.top + r] = []);
    row?.forEach((cell, c) => {
      const v = cell?.value ?? null;
      if (v === null || isCellError(v)) out[grid.left + c] = null;
      else if (typeof v !== 'string') out[grid.left + c] = v;
      else {
        const n = readNumberText(v);
        if (n.kind === 'number') out[grid.left + c] = (n.percent ? n.value.div(100) : n.value).toNumber();
        else out[grid.left + c] = /^[=+@-]/.test(v) ? `'${v}` : v;
      }
    });
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/** Evaluates `writes` (formulas without `=`) on the grids; returns a reader of any cell's value. */
export function evaluate(grids: Grid[], writes: { sheet: string; cell: string; value: string }[]) {
  const hf = HyperFormula.buildFromSheets(Object.fromEntries(grids.map((g) => [g.sheet, sheetOf(g)])), {
    licenseKey: 'gpl-v3',
  });
  for (const w of writes) {
    const { row, col } = parseAddress(w.cell);
    hf.setCellContents({ sheet: hf.getSheetId(w.sheet)!, row, col }, `=${w.value}`);
  }
  return (sheet: string, a1: string) => {
    const { row, col } = parseAddress(a1);
    return hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
  };
}
