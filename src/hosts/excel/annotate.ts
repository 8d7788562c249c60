/// <reference types="office-js" />
import { annotationsFor, CellAnnotation } from '../../core/annotations';
import { Finding } from '../../core/findings';
import { HostError } from '../host';
import { CellNotes, ExistingNote, FoundNote, notesFound, sheetsOf } from './cellNotes';
import { ExcelApi } from './excelApi';
import { FILL_PROPERTIES, fillRecordOf, markFill, restoreFill } from './fill';
import { CALL_BYTES, ChangeLog, groupsOf, isPayloadError, jsonBytes, ReadItem, readInGroups, WriteBatch } from './payload';
import { CellRecord, decodeSnapshot, encodeRecords, hasSnapshotHeader, recordKey, SNAPSHOT_HEADER, SNAPSHOT_SHEET } from './snapshot';

/** The snapshot sheet as found before anything is written. */
interface Snapshot {
  exists: boolean;
  veryHidden: boolean;
  /** Whether row 1 is PerfCheck's header; a sheet without it holds no usable record. */
  headerValid: boolean;
  /** The first row below everything on the sheet. */
  endRow: number;
  /** Records in row order, one per cell. */
  records: CellRecord[];
}

interface WorkbookState {
  snapshot: Snapshot;
  protectedSheets: Set<string>;
  structureProtected: boolean;
}

/** Snapshot rows are read in chunks of this many; a chunk too large for one response is split. */
const SNAPSHOT_READ_ROWS = 2000;
/** Snapshot rows are written in chunks of this many (4 short text columns each). */
const SNAPSHOT_WRITE_ROWS = 500;
/** A fill read: getRange, format/fill paths, load, and its five properties back. */
const FILL_READ_BYTES = 4 * CALL_BYTES + 160;

/** Queues the loads that tell the workbook's state; `snapshotRows` also its rows. */
function queueState(context: Excel.RequestContext, snapshotRows: boolean) {
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name,items/protection/protected');
  const structure = wb.protection.load('protected');
  const sheet = wb.worksheets.getItemOrNullObject(SNAPSHOT_SHEET).load('visibility');
  // A null sheet gives a null used range: both known after the sync.
  const used = sheet.getUsedRangeOrNullObject(true).load(snapshotRows ? 'rowIndex,rowCount,values' : 'rowIndex,rowCount');
  return { sheets, structure, sheet, used };
}

/**
 * Everything checked before the first change: which sheets are protected, whether the
 * workbook structure is, and what the snapshot sheet holds. One sync also carries the
 * `extra` reads when their estimate fits in it, as it usually does. The snapshot can
 * hold tens of thousands of rows: if that sync's response is too large, the state is
 * read again and the snapshot in payload-sized chunks, and the extra reads after it.
 */
async function readState<T>(context: Excel.RequestContext, extra: ReadItem<T>[]): Promise<{ state: WorkbookState; extra: T[] }> {
  let q = queueState(context, true);
  const together = groupsOf(extra).length <= 1;
  let collect = together ? extra.map((item) => item.queue(context)) : [];
  let values: unknown[][];
  try {
    await context.sync();
    values = q.sheet.isNullObject || q.used.isNullObject ? [] : (q.used.values as unknown[][]);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    q = queueState(context, false);
    collect = [];
    await context.sync();
    values = await readSnapshotRows(context, q.sheet, q.used.isNullObject ? 0 : q.used.rowIndex + q.used.rowCount);
  }
  const exists = !q.sheet.isNullObject;
  const endRow = exists && !q.used.isNullObject ? q.used.rowIndex + q.used.rowCount : 0;
  const state: WorkbookState = {
    snapshot: {
      exists,
      veryHidden: exists && q.sheet.visibility === 'VeryHidden',
      headerValid: hasSnapshotHeader(values),
      endRow,
      records: [...decodeSnapshot(values).values()],
    },
    protectedSheets: new Set(q.sheets.items.filter((s) => s.protection.protected).map((s) => s.name)),
    structureProtected: q.structure.protected,
  };
  return { state, extra: collect.length === extra.length && together ? collect.map((c) => c()) : await readInGroups(context, extra) };
}

/** The snapshot's rows `[0, endRow)`, in chunks sized by payload. */
async function readSnapshotRows(context: Excel.RequestContext, sheet: Excel.Worksheet, endRow: number): Promise<unknown[][]> {
  const chunks: { start: number; rows: number }[] = [];
  for (let start = 0; start < endRow; start += SNAPSHOT_READ_ROWS) chunks.push({ start, rows: Math.min(SNAPSHOT_READ_ROWS, endRow - start) });
  const parts = await readInGroups(
    context,
    chunks.map((c) => ({
      bytes: c.rows * 256,
      queue: () => {
        const range = sheet.getRangeByIndexes(c.start, 0, c.rows, SNAPSHOT_HEADER.length).load('values');
        return () => range.values as unknown[][];
      },
    })),
  );
  return parts.flat();
}

/**
 * Refuses, before anything is written, what a protected sheet or a protected workbook
 * structure would stop half-way: writing to `touched` sheets, and adding, hiding or
 * deleting the snapshot sheet when `sheetChanges`.
 */
function refuseProtected(state: WorkbookState, touched: Iterable<string>, sheetChanges: boolean): void {
  const blocked = [...new Set(touched)].filter((n) => state.protectedSheets.has(n));
  if (blocked.length > 0)
    throw new HostError('protected', `工作表“${blocked.join('”“')}”受保护，PerfCheck 没有做任何修改。请在“审阅”选项卡中撤消工作表保护后重试。`);
  if (sheetChanges && state.structureProtected)
    throw new HostError(
      'protected',
      '工作簿结构受保护：PerfCheck 需要新建、隐藏或删除用来保存原始格式的隐藏工作表，因此没有做任何修改。请在“审阅”选项卡中撤消“保护工作簿”后重试。',
    );
}

/**
 * Write-ahead: records the originals of cells marked for the first time, appended
 * below the rows already there, and syncs before any cell is marked. Appending never
 * rewrites a record, so a failure part-way loses nothing; a sheet left without its
 * header (its creation failed half-way) holds no record and is started again.
 */
async function recordOriginals(context: Excel.RequestContext, log: ChangeLog, snapshot: Snapshot, fresh: CellRecord[]): Promise<void> {
  if (fresh.length === 0 && snapshot.headerValid && snapshot.veryHidden) return;
  const batch = new WriteBatch(context, log, 'snapshot');
  const sheets = context.workbook.worksheets;
  let rows = encodeRecords(fresh);
  let start = snapshot.endRow;
  const sheet = snapshot.exists ? sheets.getItem(SNAPSHOT_SHEET) : sheets.add(SNAPSHOT_SHEET);
  await batch.add(() => {
    // VeryHidden keeps it out of the tabs and the Unhide dialog.
    if (!snapshot.veryHidden) sheet.visibility = 'VeryHidden';
    if (!snapshot.headerValid) {
      if (snapshot.exists) sheet.getRange().clear();
      rows = [SNAPSHOT_HEADER, ...rows];
      start = 0;
    }
    return 3 * CALL_BYTES;
  });
  for (let i = 0; i < rows.length; i += SNAPSHOT_WRITE_ROWS) {
    const chunk = rows.slice(i, i + SNAPSHOT_WRITE_ROWS);
    await batch.add(() => writeRows(sheet, start + i, chunk));
  }
  await batch.flush();
}

/** Queues text rows at `row`; returns the estimated request bytes. */
function writeRows(sheet: Excel.Worksheet, row: number, rows: string[][]): number {
  const range = sheet.getRangeByIndexes(row, 0, rows.length, SNAPSHOT_HEADER.length);
  // Text format first, so a sheet named 2024 or a cell note like 1/2 stays text.
  const formats = rows.map((r) => r.map(() => '@'));
  range.numberFormat = formats;
  range.values = rows;
  return 3 * CALL_BYTES + jsonBytes(formats) + jsonBytes(rows);
}

/**
 * Rewrites the snapshot as `kept` (an order-preserving subset of its records) once the
 * other cells are restored, or removes it when nothing is kept. Rows are rewritten top
 * down and each kept record moves up or stays, so a rewrite interrupted part-way still
 * holds every kept record (a leftover duplicate row says the same thing).
 */
async function shrinkSnapshot(context: Excel.RequestContext, batch: WriteBatch, snapshot: Snapshot, kept: CellRecord[]): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(SNAPSHOT_SHEET);
  if (kept.length === 0) {
    await batch.add(() => {
      // Excel refuses to delete a VeryHidden sheet.
      sheet.visibility = 'Hidden';
      sheet.delete();
      return 3 * CALL_BYTES;
    });
    return;
  }
  const rows = encodeRecords(kept);
  for (let i = 0; i < rows.length; i += SNAPSHOT_WRITE_ROWS) {
    const chunk = rows.slice(i, i + SNAPSHOT_WRITE_ROWS);
    await batch.add(() => writeRows(sheet, 1 + i, chunk));
  }
  const end = 1 + rows.length;
  if (snapshot.endRow > end)
    await batch.add(() => {
      sheet.getRangeByIndexes(end, 0, snapshot.endRow - end, SNAPSHOT_HEADER.length).clear();
      return 2 * CALL_BYTES;
    });
}

/** Queues putting one recorded cell back; returns the estimated request bytes. */
function restoreCell(
  context: Excel.RequestContext,
  sheet: (name: string) => Excel.Worksheet,
  notes: CellNotes,
  record: CellRecord,
  existing: Map<string, ExistingNote>,
): number {
  const fill = sheet(record.sheet).getRange(record.cell).format.fill;
  restoreFill(fill, record.fill);
  // A note recorded under another API (the file was marked in a newer Excel) is left as is.
  const noteBytes = record.note.kind === notes.kind ? notes.restore(context, record, record.note, existing.get(recordKey(record.sheet, record.cell))) : 0;
  return 8 * CALL_BYTES + jsonBytes(record.fill) + noteBytes;
}

/**
 * Marks each finding's cell (fill by worst severity, note with every message).
 * 1. reads protection, the snapshot and the fills and notes of the cells to mark (one
 *    sync when it fits), and refuses before any change;
 * 2. write-ahead: appends the originals of cells marked for the first time and syncs;
 * 3. marks the cells and puts back cells marked by an earlier check that are no longer
 *    findings, then drops those from the snapshot.
 * Three syncs for a few thousand cells; each step takes one more per ~4 MB. After a
 * failure at any point, 清除标注 restores every cell that was touched: no cell is
 * marked before its original is in the workbook.
 */
export async function annotate(api: ExcelApi, notes: CellNotes, findings: Finding[], log: ChangeLog): Promise<{ cells: number; notes: boolean }> {
  // Findings about a whole file (no form found) point at no real cell.
  const marks: CellAnnotation[] = annotationsFor(findings.filter((f) => f.form !== null));
  return api.run(async (context) => {
    const sheet = sheetsOf(context);
    // The originals of every cell to mark, read with the state when they fit: those
    // already recorded are not needed, but reading them costs less than a second sync.
    const fillReads: ReadItem<Excel.RangeFill>[] = marks.map((m) => ({
      bytes: FILL_READ_BYTES,
      queue: () => {
        const fill = sheet(m.sheet).getRange(m.cell).format.fill.load(FILL_PROPERTIES);
        return () => fill;
      },
    }));
    const noteReads = await notes.readers(context, marks);
    const first = await readState<Excel.RangeFill | FoundNote>(context, [...fillReads, ...noteReads]);
    const { state } = first;
    const { snapshot } = state;
    const fills = first.extra.slice(0, marks.length) as Excel.RangeFill[];
    const existing = notesFound(first.extra.slice(marks.length) as FoundNote[]);
    const known = new Map(snapshot.records.map((r) => [recordKey(r.sheet, r.cell), r]));
    const markedKeys = new Set(marks.map((m) => recordKey(m.sheet, m.cell)));
    const dropped = snapshot.records.filter((r) => !markedKeys.has(recordKey(r.sheet, r.cell)));
    const freshMarks = marks.filter((m) => !known.has(recordKey(m.sheet, m.cell)));
    const keptCount = snapshot.records.length - dropped.length + freshMarks.length;
    const snapshotWritten = freshMarks.length > 0 || dropped.length > 0 || (snapshot.exists && !snapshot.veryHidden && keptCount > 0);
    refuseProtected(
      state,
      [...marks.map((m) => m.sheet), ...dropped.map((r) => r.sheet), ...(snapshotWritten ? [SNAPSHOT_SHEET] : [])],
      (!snapshot.exists && keptCount > 0) || (snapshot.exists && (keptCount === 0 || !snapshot.veryHidden)),
    );
    if (marks.length === 0 && !snapshot.exists) return { cells: 0, notes: notes.kind !== 'none' };
    // Notes of cells marked before and no longer findings: needed to put them back.
    if (dropped.length > 0 && notes.kind === 'note')
      for (const [key, note] of notesFound(await readInGroups(context, await notes.readers(context, dropped)))) existing.set(key, note);

    const fillOf = new Map(marks.map((m, i) => [recordKey(m.sheet, m.cell), fills[i]]));
    const fresh: CellRecord[] = freshMarks.map((m) => ({
      sheet: m.sheet,
      cell: m.cell,
      fill: fillRecordOf(fillOf.get(recordKey(m.sheet, m.cell))!),
      note: notes.recordOf(existing.get(recordKey(m.sheet, m.cell))),
    }));
    await recordOriginals(context, log, snapshot, fresh);

    const records = new Map([...known, ...fresh.map((r) => [recordKey(r.sheet, r.cell), r] as const)]);
    const batch = new WriteBatch(context, log, 'cells');
    for (const m of marks) {
      const record = records.get(recordKey(m.sheet, m.cell))!;
      await batch.add(() => {
        markFill(sheet(m.sheet).getRange(m.cell).format.fill, m.fill);
        return 6 * CALL_BYTES + jsonBytes(m.fill) + notes.write(context, m, m.note, existing.get(recordKey(m.sheet, m.cell)), record.note);
      });
    }
    for (const record of dropped) await batch.add(() => restoreCell(context, sheet, notes, record, existing));
    // Queued after every restore: if one fails, the records of the cells not yet restored stay.
    if (dropped.length > 0) {
      const droppedKeys = new Set(dropped.map((r) => recordKey(r.sheet, r.cell)));
      const kept = [...records.values()].filter((r) => !droppedKeys.has(recordKey(r.sheet, r.cell)));
      await shrinkSnapshot(context, batch, { ...snapshot, endRow: Math.max(snapshot.endRow, 1) + fresh.length }, kept);
    }
    await batch.flush();
    return { cells: marks.length, notes: notes.kind !== 'none' };
  });
}

/**
 * Puts every recorded cell back, then removes the snapshot sheet, queued after the last
 * restore so that a failure part-way leaves the records of the cells not yet restored
 * and 清除标注 can simply run again.
 */
export async function clearAnnotations(api: ExcelApi, notes: CellNotes, log: ChangeLog): Promise<number> {
  return api.run(async (context) => {
    const { state } = await readState(context, []);
    const { snapshot } = state;
    refuseProtected(state, [...snapshot.records.map((r) => r.sheet), ...(snapshot.exists ? [SNAPSHOT_SHEET] : [])], snapshot.exists);
    if (!snapshot.exists) return 0;
    const existing = notesFound(await readInGroups(context, await notes.readers(context, snapshot.records)));
    const sheet = sheetsOf(context);
    const batch = new WriteBatch(context, log, 'cells');
    for (const record of snapshot.records) await batch.add(() => restoreCell(context, sheet, notes, record, existing));
    await shrinkSnapshot(context, batch, snapshot, []);
    await batch.flush();
    return snapshot.records.length;
  });
}
