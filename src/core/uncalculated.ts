import type { FormResult } from './engine';
import { FINDING_CODES, Finding } from './findings';
import { addressOf, Grid, parseAddress } from './grid';

/**
 * Formulas saved without their results (Cell.formula): their values are unknown, so no
 * check may use them, and the reviewer is told which cells they are and how to get the
 * results. Each such cell inside a form gets one FORMULA_NOT_CALCULATED finding, which
 * replaces whatever else was said about that cell (a value it could not read, a mismatch
 * with a value it does not have). The readers already leave such a cell out of the
 * arithmetic: it holds an error value, not a number, and it is not blank.
 */
export function reportUncalculated(grids: Grid[], results: FormResult[]): FormResult[] {
  const bySheet = new Map<string, Map<string, string>>();
  for (const grid of grids) {
    const cells = new Map<string, string>();
    grid.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.formula !== undefined) cells.set(addressOf(grid, r, c), cell.formula);
      }),
    );
    if (cells.size > 0) bySheet.set(grid.sheet, cells);
  }
  if (bySheet.size === 0) return results;
  return results.map((result) => {
    const { form } = result;
    const cells = bySheet.get(form.sheet);
    if (!cells) return result;
    const [from, to] = form.range.split(':').map(parseAddress);
    const inForm = [...cells].filter(([address]) => {
      const { row, col } = parseAddress(address);
      return row >= from.row && row <= to.row && col >= from.col && col <= to.col;
    });
    if (inForm.length === 0) return result;
    const uncalculated = new Set(inForm.map(([address]) => address));
    const findings: Finding[] = inForm.map(([cell, formula]) => ({
      code: 'FORMULA_NOT_CALCULATED',
      severity: FINDING_CODES.FORMULA_NOT_CALCULATED.severity,
      sheet: form.sheet,
      cell,
      form: form.id,
      message: `公式“=${formula}”没有保存计算结果（文件可能由其他程序生成），此单元格无法核对；请在 Excel 或 WPS 中打开此文件并保存一次，再重新检查`,
      expected: null,
      actual: `=${formula}`,
    }));
    return { ...result, findings: [...findings, ...result.findings.filter((f) => !uncalculated.has(f.cell))] };
  });
}
