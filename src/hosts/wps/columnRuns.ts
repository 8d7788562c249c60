import { columnName, parseAddress } from '../../core/grid';
import { EtObject } from './etObject';
import { rangeAt } from './workbook';

/**
 * A string passed to the object model may be cut or refused past 255 characters
 * (support.microsoft.com KB 213841, "Passed strings longer than 255 characters are
 * truncated"), so a column's cells are asked in unions of at most this length.
 */
export const MAX_ADDRESS = 255;

/**
 * Cells of one column on consecutive rows, and unions of such runs: the blocks the object
 * model reads or writes in one call, so that calls grow with the blocks, not the cells.
 */
export interface ColumnRun<T> {
  /** 0-based column and first row. */
  col: number;
  top: number;
  /** The items top to bottom, one a row. */
  items: T[];
}

/**
 * The items (at most one per cell) in runs down each column, sorted by column then row.
 * `together` says whether two neighbouring items may share a run.
 */
export function columnRuns<T>(items: T[], cellOf: (item: T) => string, together: (above: T, below: T) => boolean = () => true): ColumnRun<T>[] {
  const placed = items.map((item) => ({ item, at: parseAddress(cellOf(item)) })).sort((a, b) => a.at.col - b.at.col || a.at.row - b.at.row);
  const runs: ColumnRun<T>[] = [];
  for (const { item, at } of placed) {
    const last = runs[runs.length - 1];
    if (last && last.col === at.col && last.top + last.items.length === at.row && together(last.items[last.items.length - 1], item)) last.items.push(item);
    else runs.push({ col: at.col, top: at.row, items: [item] });
  }
  return runs;
}

/** The A1 address of a run of rows (0-based, inclusive) in a column. */
export function runAddress(col: number, from: number, to: number): string {
  const letter = columnName(col);
  return from === to ? `${letter}${from + 1}` : `${letter}${from + 1}:${letter}${to + 1}`;
}

/** Rows [first, last], 0-based, of one column. */
type Rows = [number, number];

/**
 * One answer for each of the rows of a column (sorted, distinct, 0-based), asking
 * `ask` of the largest ranges first: the rows' runs joined into unions whose address
 * fits one `Range(address)` call (`Range("G6:G7,G21")`, at most MAX_ADDRESS
 * characters), then halves of a union (then of a run) only while the object model
 * answers it as mixed (`undefined`). `ask` must answer for a single cell.
 */
export function askByBlocks<A>(sheet: EtObject, col: number, rows: number[], ask: (range: EtObject, oneCell: boolean) => A | undefined, put: (row: number, answer: A) => void): void {
  const address = (runs: Rows[]) => runs.map(([from, to]) => runAddress(col, from, to)).join(',');
  const read = (runs: Rows[]): void => {
    const oneCell = runs.length === 1 && runs[0][0] === runs[0][1];
    const answer = ask(rangeAt(sheet, address(runs)), oneCell);
    if (answer !== undefined) {
      for (const [from, to] of runs) for (let r = from; r <= to; r++) put(r, answer);
      return;
    }
    if (oneCell) throw new Error('WPS 对象模型没有回答单个单元格的属性');
    const [from, to] = runs[0];
    const mid = (from + to) >> 1;
    const halves: Rows[][] = runs.length > 1 ? [runs.slice(0, runs.length >> 1), runs.slice(runs.length >> 1)] : [[[from, mid]], [[mid + 1, to]]];
    for (const half of halves) read(half);
  };
  for (const union of unionsOf(runsOf(rows), address)) read(union);
}

/** The addresses of unions covering the rows (sorted, distinct, 0-based) of a column, each fitting one `Range(address)` call. */
export function unionAddresses(col: number, rows: number[]): string[] {
  const address = (runs: Rows[]) => runs.map(([from, to]) => runAddress(col, from, to)).join(',');
  return unionsOf(runsOf(rows), address).map(address);
}

/** Sorted rows → runs of consecutive rows. */
export function runsOf(rows: number[]): Rows[] {
  const runs: Rows[] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** The runs grouped into unions whose address fits in one `Range(address)` call. */
export function unionsOf(runs: Rows[], address: (runs: Rows[]) => string): Rows[][] {
  const out: Rows[][] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && address([...last, run]).length <= MAX_ADDRESS) last.push(run);
    else out.push([run]);
  }
  return out;
}
