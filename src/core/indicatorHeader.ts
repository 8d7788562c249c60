import { FilledCell, Grid, filledCells, filledRows } from './grid';
import { IndicatorColumn, indicatorColumnOf, isTableCaption } from './labels';
import { FormRegion } from './locate';

export type IndicatorColumns = Partial<Record<IndicatorColumn, number>>;

/** The indicator table's header: its last row and the column of each label. */
export interface IndicatorHeader {
  row: number;
  cols: IndicatorColumns;
}

const STRUCTURAL: IndicatorColumn[] = ['level1', 'level2', 'level3', 'target', 'actual'];

/**
 * Finds the indicator table's header, on one row or on two: `年度指标值` spanning
 * `指标性质 | 指标值 | 度量单位`, or `绩效指标` spanning `一级指标 | 二级指标 | 三级指标`,
 * on the row below. On two rows each column takes the lower row's label where it has
 * one. A header names at least three of 一级/二级/三级/年度指标值/实际完成值.
 */
export function findIndicatorHeader(grid: Grid, region: FormRegion): IndicatorHeader | null {
  const rows = filledRows(grid, region.top, region.bottom);
  for (let i = 0; i < rows.length; i++) {
    const upper = labelsOf(filledCells(grid, rows[i]), region);
    if (upper === null) continue;
    const lower = i + 1 < rows.length ? labelsOf(filledCells(grid, rows[i + 1]), region) : null;
    if (lower !== null && lower.size >= 2 && upper.size >= 2) {
      const merged = new Map(upper);
      for (const [col, label] of lower) merged.set(col, label);
      const cols = columnsOf(merged);
      if (structural(cols) >= 3 && structural(cols) > structural(columnsOf(upper))) return { row: rows[i + 1], cols };
    }
    const cols = columnsOf(upper);
    if (structural(cols) >= 3) return { row: rows[i], cols };
  }
  return null;
}

/**
 * A header row's labels by column, or null when the row holds anything that is not a
 * label (a number, a name): then it is no header.
 */
function labelsOf(cells: readonly FilledCell[], region: FormRegion): Map<number, IndicatorColumn> | null {
  const out = new Map<number, IndicatorColumn>();
  let others = 0;
  for (const c of cells) {
    if (c.col < region.left || c.col > region.right) continue;
    const col = indicatorColumnOf(c.text);
    if (col !== null) out.set(c.col, col);
    else if (!isTableCaption(c.text)) others++;
  }
  return out.size >= 2 && others <= 1 ? out : out.size >= 3 ? out : null;
}

function columnsOf(labels: Map<number, IndicatorColumn>): IndicatorColumns {
  const cols: IndicatorColumns = {};
  for (const [c, col] of [...labels].sort((a, b) => a[0] - b[0])) if (cols[col] === undefined) cols[col] = c;
  return cols;
}

function structural(cols: IndicatorColumns): number {
  return STRUCTURAL.filter((k) => cols[k] !== undefined).length;
}
