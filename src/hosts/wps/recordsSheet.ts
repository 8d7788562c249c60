import { HostError } from '../host';
import { CellState } from './cellState';
import { XL_SHEET_VERY_HIDDEN } from './etConstants';
import { columnName } from '../../core/grid';
import { call, child, EtObject, invoke, prop, setProp } from './etObject';
import { findSheet, rangeAt, worksheets } from './workbook';

/**
 * The original fill and comment of every cell PerfCheck marked, kept in the workbook
 * itself on a very hidden sheet so that clearing works after save and reopen, on any
 * computer. One row a cell; the first row is a header.
 */
export const RECORDS_SHEET = '__perfcheck';

const HEADER = ['工作表', '单元格', '图案', '颜色', '颜色索引', '有批注', '批注'];

export interface CellRecord extends CellState {
  sheet: string;
  cell: string;
}

export function recordKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

/** The records, read with one bulk Value2 read; none when the sheet does not exist. */
export function readRecords(wb: EtObject): CellRecord[] {
  const sheet = findSheet(wb, RECORDS_SHEET);
  if (!sheet) return [];
  const values = prop(child(sheet, 'UsedRange'), 'Value2');
  if (!Array.isArray(values)) return [];
  return (values as unknown[][])
    .slice(1)
    .filter((row) => Array.isArray(row) && row[0] !== undefined && row[0] !== null && row[0] !== '')
    .map((row) => ({
      sheet: String(row[0]),
      cell: String(row[1]),
      pattern: Number(row[2]),
      colour: Number(row[3]),
      colorIndex: Number(row[4]),
      comment: String(row[5]) === '1' ? String(row[6] ?? '') : null,
    }));
}

/**
 * Replaces the records with these, in one bulk write; with none, the sheet is removed.
 * The cells are formatted as text first so that a comment such as `001` or `=x` is
 * stored as typed, not turned into a number or a formula.
 */
export function writeRecords(app: unknown, wb: EtObject, records: CellRecord[]): void {
  const existing = findSheet(wb, RECORDS_SHEET);
  if (records.length === 0) {
    if (existing) removeSheet(app, existing);
    return;
  }
  const sheet = existing ?? addRecordsSheet(app, wb);
  call(child(sheet, 'Cells'), 'ClearContents');
  const rows = [
    HEADER,
    ...records.map((r) => [r.sheet, r.cell, String(r.pattern), String(r.colour), String(r.colorIndex), r.comment === null ? '0' : '1', r.comment ?? '']),
  ];
  const range = rangeAt(sheet, `A1:${columnName(HEADER.length - 1)}${rows.length}`);
  setProp(range, 'NumberFormat', '@');
  setProp(range, 'Value2', rows);
}

/** Adds the records sheet after the last sheet, very hidden, leaving the user's sheet active. */
function addRecordsSheet(app: unknown, wb: EtObject): EtObject {
  const active = prop(app, 'ActiveSheet');
  const all = worksheets(wb);
  let sheet: EtObject;
  try {
    sheet = invoke<EtObject>(child(wb, 'Worksheets'), 'Add', undefined, all[all.length - 1]);
  } catch {
    throw new HostError('protected', '工作簿结构受保护，PerfCheck 无法保存标注前的原样记录，因此没有标注。请撤销工作簿保护后再试。');
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
