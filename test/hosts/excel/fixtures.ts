import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { Grid } from '../../../src/core/grid';
import { readXlsx } from '../../../src/io/xlsx';

import { FORMS_DIR } from '../../core/fixtures';

export { FORMS_DIR };

/** The 青浦 2024 workbook: five sheets 表1–表5, one form each, typed numbers. */
export async function qingpuGrids(): Promise<Grid[]> {
  return readXlsx(readFileSync(`${FORMS_DIR}/qingpu-2024-self-eval.xlsx`), ExcelJS);
}

/**
 * One sheet with `count` forms stacked vertically, copied from the fixture forms in turn
 * with two blank rows between them, as reviewers receive them.
 */
export function stackedSheet(forms: Grid[], count: number, name = '汇总'): Grid {
  const cells: Grid['cells'] = [];
  for (let i = 0; i < count; i++) {
    const form = forms[i % forms.length];
    cells.push(...form.cells.map((row) => [...(row ?? [])]), [], []);
  }
  return { sheet: name, top: 0, left: 0, cells };
}
