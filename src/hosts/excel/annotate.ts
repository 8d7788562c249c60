/// <reference types="office-js" />
import { annotationsFor, CellAnnotation } from '../../core/annotations';
import { Finding } from '../../core/findings';
import { HostError } from '../host';
import { CellNotes, CellRef, ExistingNote } from './cellNotes';
import { ExcelApi } from './excelApi';
import { FILL_PROPERTIES, fillRecordOf, markFill, restoreFill } from './fill';
import { CellRecord, decodeSnapshot, encodeSnapshot, recordKey, SNAPSHOT_SHEET } from './snapshot';

/** What the first sync of an annotate or clear learns about the workbook. */
interface WorkbookState {
  records: Map<string, CellRecord>;
  snapshotExists: boolean;
}

/**
 * Queues, for the first sync, everything needed before writing: which sheets are
 * protected, whether the workbook structure is, and the snapshot sheet's rows. Returns
 * a check to run after the sync; it throws before anything is written.
 */
function queueState(context: Excel.RequestContext) {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name,items/protection/protected');
  const structure = wb.protection.load('protected');
  const snapshot = wb.worksheets.getItemOrNullObject(SNAPSHOT_SHEET);
  // A null sheet gives a null used range: both read in this same sync.
  const rows = snapshot.getUsedRangeOrNullObject(true).load('values');
  return (touched: Iterable<string>, needNewSheet: (state: WorkbookState) => boolean): WorkbookState => {
    const state = { records: decodeSnapshot(rows.isNullObject ? null : (rows.values as unknown[][])), snapshotExists: !snapshot.isNullObject };
    const protectedNames = new Set(sheets.items.filter((s) => s.protection.protected).map((s) => s.name));
    const names = new Set([...touched, ...[...state.records.values()].map((r) => r.sheet)]);
    const blocked = [...names].filter((n) => protectedNames.has(n));
    if (blocked.length > 0)
      throw new HostError('protected', `工作表“${blocked.join('”“')}”受保护，PerfCheck 没有做任何修改。请在“审阅”选项卡中撤消工作表保护后重试。`);
    if (needNewSheet(state) && structure.protected)
      throw new HostError('protected', '工作簿结构受保护，无法保存标注前的原始格式，PerfCheck 没有做任何修改。请撤消“保护工作簿”后重试。');
    return state;
  };
}

/** Rewrites the snapshot sheet, or removes it when nothing is recorded any more. */
function writeSnapshot(context: Excel.RequestContext, state: WorkbookState, records: CellRecord[]): void {
  const sheets = context.workbook.worksheets;
  if (records.length === 0) {
    if (state.snapshotExists) {
      const sheet = sheets.getItem(SNAPSHOT_SHEET);
      // Excel refuses to delete a VeryHidden sheet.
      sheet.visibility = 'Hidden';
      sheet.delete();
    }
    return;
  }
  const sheet = state.snapshotExists ? sheets.getItem(SNAPSHOT_SHEET) : sheets.add(SNAPSHOT_SHEET);
  if (!state.snapshotExists) sheet.visibility = 'VeryHidden';
  const rows = encodeSnapshot(records);
  sheet.getRange().clear();
  const range = sheet.getRangeByIndexes(0, 0, rows.length, 4);
  // Text format first, so a sheet named 2024 or a cell note like 1/2 stays text.
  range.numberFormat = rows.map((r) => r.map(() => '@'));
  range.values = rows;
}

function refOf(key: string): CellRef {
  const [sheet, cell] = key.split('\u0000');
  return { sheet, cell };
}

/**
 * Marks each finding's cell (fill by worst severity, note with every message). Two
 * syncs: one reads protection, the snapshot and the current fills and notes of the cells
 * to mark; one writes snapshot and marks together, after every check has passed. A cell
 * already recorded keeps its first original. A cell marked by an earlier check that is
 * no longer a finding is put back, which takes one more sync to find its note.
 */
export async function annotate(api: ExcelApi, notes: CellNotes, findings: Finding[]): Promise<{ cells: number; notes: boolean }> {
  // Findings about a whole file (no form found) point at no real cell.
  const marks: CellAnnotation[] = annotationsFor(findings.filter((f) => f.form !== null));
  return api.run(async (context) => {
    const check = queueState(context);
    const fills = marks.map((m) => context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill.load(FILL_PROPERTIES));
    const pending = notes.queueRead(context, marks);
    await context.sync();

    const state = check(
      marks.map((m) => m.sheet),
      (s) => !s.snapshotExists && marks.length > 0,
    );
    const existing = await pending.settle();
    const markedKeys = new Set(marks.map((m) => recordKey(m.sheet, m.cell)));
    const dropped = [...state.records.keys()].filter((k) => !markedKeys.has(k)).map(refOf);
    const droppedNotes: Map<string, ExistingNote> =
      dropped.length > 0 && notes.kind !== 'none' ? await readNotes(context, notes, dropped) : new Map();

    const kept: CellRecord[] = [];
    marks.forEach((m, i) => {
      const key = recordKey(m.sheet, m.cell);
      const record = state.records.get(key) ?? { sheet: m.sheet, cell: m.cell, fill: fillRecordOf(fills[i]), note: notes.recordOf(existing.get(key)) };
      kept.push(record);
      const range = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell);
      markFill(range.format.fill, m.fill);
      notes.write(context, m, m.note, existing.get(key), record.note);
    });
    for (const at of dropped) {
      const record = state.records.get(recordKey(at.sheet, at.cell))!;
      restoreCell(context, notes, record, droppedNotes.get(recordKey(at.sheet, at.cell)));
    }
    writeSnapshot(context, state, kept);
    await context.sync();
    return { cells: marks.length, notes: notes.kind !== 'none' };
  });
}

async function readNotes(context: Excel.RequestContext, notes: CellNotes, cells: CellRef[]): Promise<Map<string, ExistingNote>> {
  const pending = notes.queueRead(context, cells);
  await context.sync();
  return pending.settle();
}

function restoreCell(context: Excel.RequestContext, notes: CellNotes, record: CellRecord, existing: ExistingNote | undefined): void {
  const range = context.workbook.worksheets.getItem(record.sheet).getRange(record.cell);
  restoreFill(range.format.fill, record.fill);
  // A note recorded under another API (the file was marked in a newer Excel) is left as is.
  if (record.note.kind === notes.kind) notes.restore(context, record, record.note, existing);
}

/**
 * Puts every recorded cell back and removes the snapshot sheet. Three syncs: the
 * snapshot tells which cells, their notes are read, then everything is written at once.
 */
export async function clearAnnotations(api: ExcelApi, notes: CellNotes): Promise<number> {
  return api.run(async (context) => {
    const check = queueState(context);
    await context.sync();
    const state = check([], () => false);
    if (state.records.size === 0 && !state.snapshotExists) return 0;
    const records = [...state.records.values()];
    const existing = notes.kind !== 'none' ? await readNotes(context, notes, records) : new Map<string, ExistingNote>();
    for (const record of records) restoreCell(context, notes, record, existing.get(recordKey(record.sheet, record.cell)));
    writeSnapshot(context, state, []);
    await context.sync();
    return records.length;
  });
}
