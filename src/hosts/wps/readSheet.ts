import { Cell, CellValue, columnName, Grid } from '../../core/grid';
import { formatNumber } from '../../core/numberFormat';
import { runsOf, unionsOf } from './columnRuns';
import { cellValueOf } from './etErrors';
import { child, EtObject, numberProp, prop } from './etObject';
import { rangeAt, sheetName } from './workbook';

/**
 * A worksheet's used range as a grid. Values come in one bulk `Value2` read. Formats are
 * what costs calls: WPS documents `Range.NumberFormat` as one string when every cell of
 * the range has the same format and Null when they differ (et-jsapi-declare types it as
 * a string; no build is documented to give one format per cell). So formats are asked
 * of the largest ranges that can share one: the whole used range, then the number cells
 * of each column as one union range (`Range("E6:E9,E15:E20")`; text cells need no
 * format), halving a union (then a run of cells) only while it is still mixed. Calls
 * grow with the columns and with the blocks of differing formats, not with the cells.
 * The displayed text of a number is made from its value and format (core/numberFormat).
 */
export function readSheet(sheet: EtObject): Grid {
  const used = child(sheet, 'UsedRange');
  const top = numberProp(used, 'Row') - 1;
  const left = numberProp(used, 'Column') - 1;
  const rows = numberProp(child(used, 'Rows'), 'Count');
  const cols = numberProp(child(used, 'Columns'), 'Count');
  const values = matrix(prop(used, 'Value2'), rows, cols).map((row) => row.map(cellValueOf));
  const formats = numberFormats(sheet, used, values, { top, left, rows, cols });
  const cells = values.map((row, r) => row.map((value, c) => cellOf(value, formats[r][c])));
  while (cells.length > 0 && cells[cells.length - 1].every((c) => c === null)) cells.pop();
  return { sheet: sheetName(sheet), top, left, cells };
}

function cellOf(value: CellValue, format: string | undefined): Cell | null {
  return value === null ? null : { value, text: shownText(value, format), format };
}

/** What a cell shows, as the check reads it: a number in its format. */
export function shownText(value: CellValue, format: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, format);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.error;
}

interface Area {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Rows [first, last] of a column, 0-based within the used range. */
type Run = [number, number];

/** Each number cell's format (undefined for the other cells, which need none). */
function numberFormats(sheet: EtObject, used: EtObject, values: CellValue[][], area: Area): (string | undefined)[][] {
  const whole = prop(used, 'NumberFormat');
  if (typeof whole === 'string') return fill(area.rows, area.cols, () => formatString(whole));
  // Not documented, but harmless to accept: a build that answers per cell.
  if (isMatrix(whole)) return matrix(whole, area.rows, area.cols).map((row) => row.map(formatString));

  const formats = fill<string | undefined>(area.rows, area.cols, () => undefined);
  for (let col = 0; col < area.cols; col++) {
    const letter = columnName(area.left + col);
    const address = (runs: Run[]) =>
      runs.map(([from, to]) => (from === to ? `${letter}${area.top + from + 1}` : `${letter}${area.top + from + 1}:${letter}${area.top + to + 1}`)).join(',');
    /** The format the runs share: one call when they share one, else halves of them. */
    const read = (runs: Run[], format: unknown = prop(rangeAt(sheet, address(runs)), 'NumberFormat')): void => {
      if (typeof format === 'string' || (runs.length === 1 && runs[0][0] === runs[0][1])) {
        for (const [from, to] of runs) for (let r = from; r <= to; r++) formats[r][col] = formatString(format);
        return;
      }
      const halves: Run[][] =
        runs.length > 1
          ? [runs.slice(0, runs.length >> 1), runs.slice(runs.length >> 1)]
          : [[[runs[0][0], (runs[0][0] + runs[0][1]) >> 1]], [[((runs[0][0] + runs[0][1]) >> 1) + 1, runs[0][1]]]];
      for (const half of halves) read(half);
    };
    for (const union of unionsOf(numberRuns(values, col), address)) {
      const format = prop(rangeAt(sheet, address(union)), 'NumberFormat');
      const groups = groupRows(union, (r) => decimalsOf(values[r][col] as number));
      if (typeof format === 'string' || groups.length === 1) {
        read(union, format);
        continue;
      }
      // Mixed: try the cells that look alike first (a form shows 10, 8.5 and 41.20 in
      // one column with 0, 0.0 and 0.00); a wrong guess costs halvings, never a wrong format.
      for (const rows of groups) for (const part of unionsOf(runsOf(rows), address)) read(part);
    }
  }
  return formats;
}

/** How many decimals a value has (capped at 3): a guess at which format shows it. */
function decimalsOf(value: number): number {
  const m = /\.(\d+)/.exec(value.toPrecision(15).replace(/0+$/, ''));
  return Math.min(m ? m[1].length : 0, 3);
}

/** The rows of the runs, grouped by a key, each group in row order. */
function groupRows(runs: Run[], key: (row: number) => number): number[][] {
  const groups = new Map<number, number[]>();
  for (const [from, to] of runs) {
    for (let r = from; r <= to; r++) {
      const k = key(r);
      const group = groups.get(k);
      if (group) group.push(r);
      else groups.set(k, [r]);
    }
  }
  return [...groups.values()];
}

/** Runs of consecutive number cells in a column. */
function numberRuns(values: CellValue[][], col: number): Run[] {
  return runsOf(values.flatMap((row, r) => (typeof row[col] === 'number' ? [r] : [])));
}

function formatString(f: unknown): string | undefined {
  return typeof f === 'string' && f !== '' ? f : undefined;
}

function isMatrix(v: unknown): v is unknown[][] {
  return Array.isArray(v) && v.length > 0 && Array.isArray(v[0]);
}

/** Value2 and friends: a 2-D array for a multi-cell range, a scalar for a single cell. */
function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  const m: unknown[][] = isMatrix(v) ? v : Array.isArray(v) ? [v] : [[v]];
  return fill(rows, cols, (r, c) => m[r]?.[c]);
}

function fill<T>(rows: number, cols: number, at: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => at(r, c)));
}
