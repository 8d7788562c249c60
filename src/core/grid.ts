/**
 * The grid model every host hands to the engine: a rectangle of cells read from one
 * sheet, with each cell's raw value, its displayed text and its number format.
 */

/** An Excel error value such as #DIV/0! or #N/A. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface Cell {
  /** The stored value: a number for typed numbers, a string for text. */
  value: CellValue;
  /** The text as the sheet displays it (number format applied). */
  text: string;
  /** The number format, e.g. `0.00%` or `#,##0.00`; `General` or absent for text. */
  format?: string;
  /**
   * Set on a formula saved without its result (a file written by a program, not by Excel
   * or WPS): the formula, e.g. `SUM(H13:H30)`. Such a cell's value is unknown, never
   * blank: it holds the error UNCALCULATED and shows the formula.
   */
  formula?: string;
}

/** The value of a formula cell whose result was never calculated (see Cell.formula). */
export const UNCALCULATED = '#UNCALCULATED';

/** The cell for a formula saved without a result. */
export function uncalculatedCell(formula: string, format?: string): Cell {
  return { value: { error: UNCALCULATED }, text: `=${formula}`, format, formula };
}

export interface Grid {
  /** The sheet's name. */
  sheet: string;
  /** Zero-based sheet row and column of `cells[0][0]` (a used range may not start at A1). */
  top: number;
  left: number;
  /** Row-major cells; rows may be ragged, missing cells are empty. */
  cells: (Cell | null | undefined)[][];
}

export const EMPTY_CELL: Cell = Object.freeze({ value: null, text: '' }) as Cell;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function cellAt(grid: Grid, row: number, col: number): Cell {
  return grid.cells[row]?.[col] ?? EMPTY_CELL;
}

/** The displayed text of a cell, trimmed. */
export function textAt(grid: Grid, row: number, col: number): string {
  return cellAt(grid, row, col).text.trim();
}

/** A non-empty cell of a row: its grid-relative column and trimmed displayed text. */
export interface FilledCell {
  col: number;
  text: string;
}

// Every reading pass walks the filled cells only, so that work follows the content,
// not the sheet's extent (one stray value in XFD1048576 must not cost rows × columns).
const filledByGrid = new WeakMap<Grid, { rows: FilledCell[][]; nonEmpty: number[] }>();

function indexOf(grid: Grid) {
  let index = filledByGrid.get(grid);
  if (index === undefined) {
    const rows: FilledCell[][] = [];
    const nonEmpty: number[] = [];
    grid.cells.forEach((row, r) => {
      const cells: FilledCell[] = [];
      // forEach skips the holes of sparse rows.
      row?.forEach((cell, col) => {
        const text = cell?.text.trim() ?? '';
        if (text !== '') cells.push({ col, text });
      });
      if (cells.length > 0) {
        rows[r] = cells;
        nonEmpty.push(r);
      }
    });
    index = { rows, nonEmpty };
    filledByGrid.set(grid, index);
  }
  return index;
}

const NONE: readonly FilledCell[] = Object.freeze([]);

/** The non-empty cells of a row, left to right. */
export function filledCells(grid: Grid, row: number): readonly FilledCell[] {
  return indexOf(grid).rows[row] ?? NONE;
}

/** The rows in [from, to] that have a non-empty cell, top to bottom. */
export function filledRows(grid: Grid, from = 0, to = Infinity): number[] {
  const rows = indexOf(grid).nonEmpty;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < rows.length && rows[i] <= to; i++) out.push(rows[i]);
  return out;
}

export function rowCount(grid: Grid): number {
  return grid.cells.length;
}

export function colCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.cells) if (row && row.length > n) n = row.length;
  return n;
}

/** Column letters for a zero-based column index: 0 → A, 26 → AA. */
export function columnName(col: number): string {
  let name = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    name = String.fromCharCode(65 + m) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Zero-based column index for column letters: A → 0. */
export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a grid position (grid-relative row and column). */
export function addressOf(grid: Grid, row: number, col: number): string {
  // A position left of or above the sheet would give an address without a column or
  // row (`73`): an address is always [A-Z]+[0-9]+.
  return `${columnName(Math.max(0, grid.left + col))}${Math.max(0, grid.top + row) + 1}`;
}

/** Parses `B12` into zero-based sheet row and column. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`不是有效的单元格地址: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A1 range for grid-relative bounds, inclusive. */
export function rangeOf(grid: Grid, top: number, left: number, bottom: number, right: number): string {
  return `${addressOf(grid, top, left)}:${addressOf(grid, bottom, right)}`;
}

/** Builds a grid of text cells, e.g. from a TSV file or a test table. */
export function textGrid(sheet: string, rows: string[][], top = 0, left = 0): Grid {
  return {
    sheet,
    top,
    left,
    cells: rows.map((row) => row.map((t) => (t === '' ? null : { value: t, text: t }))),
  };
}
