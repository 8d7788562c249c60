import { CellWrite } from '../../core/cellWrite';
import { askByBlocks, columnRuns, runAddress, unionAddresses } from './columnRuns';
import { call, EtObject, prop, setProp } from './etObject';
import { cellValueOf, etErrorName } from './etErrors';
import { CellValue, parseAddress } from '../../core/grid';
import { rangeAt } from './workbook';

/**
 * What 改正 changes on a cell and 撤销改正 must put back exactly: its content (a formula
 * as the formula; a constant as the constant, a text that looks like a number staying
 * text) and its number format.
 */
export interface CellContent {
  type: 'blank' | 'number' | 'text' | 'boolean' | 'formula';
  /** The number as JavaScript prints it (exact for a double), the text, TRUE/FALSE, or the formula with its `=`. */
  value: string;
  numberFormat: string;
}

/** A cell as read: its content, and its value (a formula's result) as the check saw it. */
export interface CellRead {
  content: CellContent;
  value: CellValue;
}

/**
 * A column's cells are read in spans of at most this many rows, so that the arrays read
 * stay small whatever rows the cells are on.
 */
const MAX_SPAN = 4096;

/**
 * The content of the cells (A1 addresses of one sheet), read a block at a time. Down
 * each column, the span from the first to the last cell gives its `Value2` and its
 * `Formula` in one call each (a multi-cell range gives a 2-D array, one element a cell:
 * "you can put the formula into a Visual Basic array", learn.microsoft.com/office/vba/
 * api/excel.range.formula; Range.Value2 likewise; the span's other cells are not used).
 * `HasFormula` tells a formula (et-jsapi-declare lib.et.d.ts `Range.HasFormula: boolean
 * | null`: true when every cell holds one, false when none does, Null otherwise): asked
 * of the span, and only where it is mixed, of the cells whose `Formula` starts with `=`
 * (a text `'=x` reads so too; other cells are constants). `NumberFormat` is one string
 * for a range whose cells share it and Null otherwise (see readSheet). Both are asked of
 * the largest unions of the cells first, halving only while mixed (askByBlocks), so the
 * calls grow with the columns and the blocks, not the cells.
 */
export function readContents(sheet: EtObject, cells: string[]): Map<string, CellRead> {
  const contents = new Map<string, CellRead>();
  // Each row's addresses as given (`H6`, `$H$6`: one cell, answered under each).
  const columns = new Map<number, Map<number, string[]>>();
  for (const cell of new Set(cells)) {
    const { row, col } = parseAddress(cell);
    const rows = columns.get(col) ?? new Map<number, string[]>();
    rows.set(row, [...(rows.get(row) ?? []), cell]);
    columns.set(col, rows);
  }
  for (const [col, cellAt] of columns) {
    for (const span of spans([...cellAt.keys()].sort((a, b) => a - b))) {
      const top = span[0];
      const n = span[span.length - 1] - top + 1;
      const range = rangeAt(sheet, runAddress(col, top, top + n - 1));
      const values = column(sheet, col, top, range, 'Value2', span);
      const formulas = column(sheet, col, top, range, 'Formula', span).map((f) => (f === undefined || f === null ? '' : String(f)));

      const hasFormula = prop(range, 'HasFormula');
      const isFormula = new Map<number, boolean>();
      if (typeof hasFormula !== 'boolean') {
        const maybe = span.filter((row) => formulas[row - top].startsWith('='));
        askByBlocks(sheet, col, maybe, (at, oneCell) => {
          const answer = prop(at, 'HasFormula');
          return typeof answer === 'boolean' ? answer : oneCell ? false : undefined;
        }, (row, answer) => isFormula.set(row, answer));
      }
      const formats = new Map<number, string>();
      askByBlocks(sheet, col, span, (at, oneCell) => {
        const format = prop(at, 'NumberFormat');
        return oneCell ? String(format ?? 'General') : typeof format === 'string' ? format : undefined;
      }, (row, format) => formats.set(row, format));

      for (const row of span) {
        const formula = hasFormula === true || isFormula.get(row) === true;
        const value = values[row - top];
        const read = { content: contentOf(value, formulas[row - top], formula, formats.get(row)!), value: cellValueOf(value) };
        for (const cell of cellAt.get(row)!) contents.set(cell, read);
      }
    }
  }
  return contents;
}

/** Sorted rows → groups, each within MAX_SPAN rows of its first. */
function spans(rows: number[]): number[][] {
  const out: number[][] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && row - last[0] < MAX_SPAN) last.push(row);
    else out.push([row]);
  }
  return out;
}

/** What one cell holds, from its `Value2`, its `Formula` text and whether it is a formula. */
function contentOf(v: unknown, formula: string, isFormula: boolean, numberFormat: string): CellContent {
  if (isFormula) return { type: 'formula', value: formula, numberFormat };
  if (v === undefined || v === null || v === '') return { type: 'blank', value: '', numberFormat };
  if (typeof v === 'boolean') return { type: 'boolean', value: v ? 'TRUE' : 'FALSE', numberFormat };
  // An error constant (#N/A typed into a cell) comes over as a COM error number; its formula text puts it back.
  if (typeof v === 'number' && etErrorName(v)) return { type: 'formula', value: formula, numberFormat };
  if (typeof v === 'number') return { type: 'number', value: String(v), numberFormat };
  return { type: 'text', value: String(v), numberFormat };
}

/**
 * `Value2` or `Formula` of a span of one column (rows `top`.. of `range`), one entry a
 * row: a 2-D array of one-element rows, a scalar for one cell. A build that answers a
 * multi-cell range otherwise (et-jsapi-declare types `Formula` as one string) is asked
 * cell by cell for the rows wanted, rather than guessed at: an original misread is an
 * original lost.
 */
function column(sheet: EtObject, col: number, top: number, range: EtObject, member: 'Value2' | 'Formula', wanted: number[]): unknown[] {
  const n = wanted[wanted.length - 1] - top + 1;
  const v = prop(range, member);
  if (n === 1) return [v];
  if (Array.isArray(v) && v.length === n && v.every((row) => Array.isArray(row) && row.length === 1)) return v.map((row) => (row as unknown[])[0]);
  const each: unknown[] = new Array(n);
  for (const row of wanted) each[row - top] = prop(rangeAt(sheet, runAddress(col, row, row)), member);
  return each;
}

/**
 * What a cell is to become: a number format to set first (null: keep the cell's own) and
 * its content, put in through `Formula` (a formula), `Value2` (a constant) or cleared.
 */
export interface CellTarget {
  cell: string;
  numberFormat: string | null;
  content: { through: 'Formula' | 'Value2'; value: unknown } | { through: 'clear' };
}

/**
 * Puts the targets (cells of one sheet, one target each) into the cells. Number formats
 * go first (a text cell, `@`, must already be text when its value goes in): the cells of
 * a column getting the same format share one write, over unions of their runs
 * (`Range("G6:G7,G21").NumberFormat = …` sets every cell of every area,
 * learn.microsoft.com/office/vba/api/excel.range.numberformat). Then the contents, down
 * each column a run at a time: neighbours whose content goes in through the same member
 * share one call, a 2-D array for a run, as the object model takes it (the cells between
 * runs are never written). `written` is told of each run once its content is in, so
 * that after a failure the caller knows what is done.
 */
export function writeTargets(sheet: EtObject, targets: CellTarget[], written: (cells: string[]) => void = () => undefined): void {
  const formats = new Map<string, Map<number, number[]>>();
  for (const t of targets) {
    if (t.numberFormat === null) continue;
    const { row, col } = parseAddress(t.cell);
    const columns = formats.get(t.numberFormat) ?? new Map<number, number[]>();
    columns.set(col, [...(columns.get(col) ?? []), row]);
    formats.set(t.numberFormat, columns);
  }
  for (const [format, columns] of formats) {
    for (const [col, rows] of columns) {
      for (const address of unionAddresses(col, rows.sort((a, b) => a - b))) setProp(rangeAt(sheet, address), 'NumberFormat', format);
    }
  }
  const through = (t: CellTarget) => t.content.through;
  for (const run of columnRuns(targets, (t) => t.cell, (a, b) => through(a) === through(b))) {
    const n = run.items.length;
    const range = rangeAt(sheet, runAddress(run.col, run.top, run.top + n - 1));
    const content = run.items[0].content;
    if (content.through === 'clear') call(range, 'ClearContents');
    else {
      const values = run.items.map((t) => (t.content.through === 'clear' ? null : t.content.value));
      setProp(range, content.through, n === 1 ? values[0] : values.map((v) => [v]));
    }
    written(run.items.map((t) => t.cell));
  }
}

/** The target that puts a recorded content and number format back exactly. */
export function restoreTarget(cell: string, content: CellContent): CellTarget {
  const put = (through: 'Formula' | 'Value2', value: unknown): CellTarget => ({ cell, numberFormat: content.numberFormat, content: { through, value } });
  if (content.type === 'blank') return { cell, numberFormat: content.numberFormat, content: { through: 'clear' } };
  if (content.type === 'formula') return put('Formula', content.value);
  if (content.type === 'number') return put('Value2', Number(content.value));
  if (content.type === 'boolean') return put('Value2', content.value === 'TRUE');
  return put('Value2', asTyped(content.value));
}

/**
 * The target for one of the core's cell writes to a cell whose number format was `format`.
 * A formula put into a cell formatted as text (`@`) would stay text, shown as typed and
 * never calculated, as when a person types it there, so such a cell gets the General
 * format first; the format is recorded with the original and comes back with 撤销改正.
 * Given several writes to one cell (in order), the last one's content and the format the
 * writes one after another would leave.
 */
export function writeTarget(writes: CellWrite[], format: string): CellTarget {
  let numberFormat: string | null = null;
  for (const w of writes) {
    if (w.numberFormat !== null) numberFormat = w.numberFormat;
    else if (w.kind === 'formula' && format === '@') numberFormat = 'General';
  }
  const last = writes[writes.length - 1];
  const content =
    last.kind === 'number'
      ? { through: 'Value2' as const, value: Number(last.value) }
      : last.kind === 'formula'
        ? { through: 'Formula' as const, value: `=${last.value}` }
        : { through: 'Value2' as const, value: asTyped(last.value) };
  return { cell: last.cell, numberFormat, content };
}

/**
 * A string put into `Value2` is taken as if typed: `=x` becomes a formula, `001` the
 * number 1, `2024-1-1` or `12:00` or `50%` a number in a date, time or percent format.
 * An apostrophe in front keeps it text without changing the cell's format (the
 * apostrophe is not part of the value: Range.PrefixCharacter). Only texts that could be
 * read as something else get one, so that other texts go back exactly as they were.
 */
function asTyped(text: string): string {
  const couldBeRead = /^[=+\-@']/.test(text) || /^(true|false)$/i.test(text) || /^[\s\d.,:%/()$¥￥eE年月日时分秒午上下AMPamp-]*\d[\s\d.,:%/()$¥￥eE年月日时分秒午上下AMPamp-]*$/.test(text);
  return couldBeRead ? `'${text}` : text;
}
