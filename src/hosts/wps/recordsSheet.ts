import { HostError } from '../host';
import { CellState } from './cellState';
import { CellContent } from './cellContent';
import { XL_SHEET_VERY_HIDDEN } from './etConstants';
import { columnName } from '../../core/grid';
import { call, child, EtObject, invoke, prop, setProp } from './etObject';
import { findSheet, rangeAt, worksheets } from './workbook';

/**
 * What PerfCheck must be able to put back, kept in the workbook itself on a very hidden
 * sheet so that it works after save and reopen, on any computer. One row a record, in
 * the order recorded; the first row is a header. Three kinds share the sheet:
 * - a mark (标注): the original fill and comment of a marked cell, in columns A–G,
 *   exactly as the released version wrote them (its sheets still read as marks);
 * - a change (改正): the original content and number format of a changed cell;
 * - a rule (规则): a conditional format PerfCheck added.
 * Changes and rules leave A–G empty and use H–M, so the released version, which skips
 * rows without a sheet name in A, never mistakes them for marks.
 */
export const RECORDS_SHEET = '__perfcheck';

const HEADER = ['工作表', '单元格', '图案', '颜色', '颜色索引', '有批注', '批注', '记录', '改动工作表', '单元格或区域', '原值类型', '原值或公式', '数字格式或填充'];
const CHANGE = '改正';
const RULE = '规则';

export interface CellRecord extends CellState {
  kind: 'mark';
  sheet: string;
  cell: string;
}

export interface ChangeRecord {
  kind: 'change';
  sheet: string;
  cell: string;
  original: CellContent;
}

export interface RuleRecord {
  kind: 'rule';
  sheet: string;
  range: string;
  /** Without the leading `=`, relative to the range's top-left cell. */
  formula: string;
  /** The fill colour as ET has it (BGR). */
  colour: number;
}

export type SnapshotRecord = CellRecord | ChangeRecord | RuleRecord;

export function recordKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

export const isMark = (r: SnapshotRecord): r is CellRecord => r.kind === 'mark';

/** The records in the order written, with one bulk Value2 read; none when the sheet does not exist. */
export function readRecords(wb: EtObject): SnapshotRecord[] {
  const sheet = findSheet(wb, RECORDS_SHEET);
  if (!sheet) return [];
  const values = prop(child(sheet, 'UsedRange'), 'Value2');
  if (!Array.isArray(values)) return [];
  return (values as unknown[][])
    .slice(1)
    .filter(Array.isArray)
    .map(recordOf)
    .filter((r): r is SnapshotRecord => r !== null);
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function recordOf(row: unknown[]): SnapshotRecord | null {
  const [sheet, cell, pattern, colour, colorIndex, hasComment, comment, kind, where, at, type, value, format] = row.map(text);
  if (sheet !== '') {
    return { kind: 'mark', sheet, cell, pattern: Number(pattern), colour: Number(colour), colorIndex: Number(colorIndex), comment: hasComment === '1' ? comment : null };
  }
  if (kind === CHANGE && isContentType(type)) {
    return { kind: 'change', sheet: where, cell: at, original: { type, value, numberFormat: format } };
  }
  if (kind === RULE) return { kind: 'rule', sheet: where, range: at, formula: value, colour: Number(format) };
  // A row a later version wrote, or an empty one: nothing this version can restore.
  return null;
}

function isContentType(t: string): t is CellContent['type'] {
  return t === 'blank' || t === 'number' || t === 'text' || t === 'boolean' || t === 'formula';
}

function rowOf(r: SnapshotRecord): string[] {
  const blank = ['', '', '', '', '', '', ''];
  if (r.kind === 'change') return [...blank, CHANGE, r.sheet, r.cell, r.original.type, r.original.value, r.original.numberFormat];
  if (r.kind === 'rule') return [...blank, RULE, r.sheet, r.range, '', r.formula, String(r.colour)];
  return [r.sheet, r.cell, String(r.pattern), String(r.colour), String(r.colorIndex), r.comment === null ? '0' : '1', r.comment ?? '', '', '', '', '', '', ''];
}

/**
 * Replaces the records with these, in one bulk write; with none, the sheet is removed.
 * The cells are formatted as text first so that a comment, a value or a formula such as
 * `001` or `=x` is stored as typed, not turned into a number or a formula.
 */
export function writeRecords(app: unknown, wb: EtObject, records: SnapshotRecord[]): void {
  const existing = findSheet(wb, RECORDS_SHEET);
  if (records.length === 0) {
    if (existing) removeSheet(app, existing);
    return;
  }
  const sheet = existing ?? addRecordsSheet(app, wb);
  call(child(sheet, 'Cells'), 'ClearContents');
  const rows = [HEADER, ...records.map(rowOf)];
  const range = rangeAt(sheet, `A1:${columnName(HEADER.length - 1)}${rows.length}`);
  setProp(range, 'NumberFormat', '@');
  setProp(range, 'Value2', rows);
}

/** Whether the records sheet could not be created: the workbook's structure is protected. */
export function cannotAddRecordsSheet(wb: EtObject): boolean {
  return !findSheet(wb, RECORDS_SHEET) && prop(wb, 'ProtectStructure') === true;
}

/** Adds the records sheet after the last sheet, very hidden, leaving the user's sheet active. */
function addRecordsSheet(app: unknown, wb: EtObject): EtObject {
  const active = prop(app, 'ActiveSheet');
  const all = worksheets(wb);
  let sheet: EtObject;
  try {
    sheet = invoke<EtObject>(child(wb, 'Worksheets'), 'Add', undefined, all[all.length - 1]);
  } catch {
    throw new HostError('protected', '工作簿结构受保护，PerfCheck 无法保存修改前的原样记录，因此没有做任何修改。请撤销工作簿保护后再试。');
  }
  setProp(sheet, 'Name', RECORDS_SHEET);
  setProp(sheet, 'Visible', XL_SHEET_VERY_HIDDEN);
  if (typeof active === 'object' && active !== null) call(active, 'Activate');
  return sheet;
}

/** Deletes the sheet without WPS asking the user to confirm. */
function removeSheet(app: unknown, sheet: EtObject): void {
  const alerts = prop(app, 'DisplayAlerts');
  setProp(app, 'DisplayAlerts', false);
  try {
    call(sheet, 'Delete');
  } catch {
    // Some builds refuse to delete a very hidden sheet: empty it, so no record is left.
    call(child(sheet, 'Cells'), 'ClearContents');
  } finally {
    setProp(app, 'DisplayAlerts', alerts);
  }
}
