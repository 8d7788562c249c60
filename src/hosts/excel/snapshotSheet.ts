/// <reference types="office-js" />
import { HostError } from '../host';
import { CALL_BYTES, ChangeLog, groupsOf, isPayloadError, jsonBytes, ReadItem, readInGroups, WriteBatch } from './payload';
import { decodeSnapshot, encodeEntries, hasSnapshotHeader, SNAPSHOT_HEADER, SNAPSHOT_SHEET, SnapshotEntry } from './snapshot';

/**
 * Reading and writing the hidden snapshot sheet (snapshot.ts says what it holds), shared
 * by the actions that record before they change: 标注 and 清除标注 (annotate.ts), 改正
 * and 撤销改正 (changes.ts).
 */

/** The snapshot sheet as found before anything is written. */
export interface Snapshot {
  exists: boolean;
  veryHidden: boolean;
  /** Whether row 1 is PerfCheck's header; a sheet without it holds no usable record. */
  headerValid: boolean;
  /** The first row below everything on the sheet. */
  endRow: number;
  /** Every record (highlights and changes) in row order, once each. */
  entries: SnapshotEntry[];
}

export interface WorkbookState {
  snapshot: Snapshot;
  sheetNames: Set<string>;
  protectedSheets: Set<string>;
  structureProtected: boolean;
}

/** Snapshot rows are read in chunks of this many; a chunk too large for one response is split. */
const SNAPSHOT_READ_ROWS = 2000;
/** Snapshot rows are written in chunks of this many (4 short text columns each). */
const SNAPSHOT_WRITE_ROWS = 500;

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
export async function readState<T>(context: Excel.RequestContext, extra: ReadItem<T>[]): Promise<{ state: WorkbookState; extra: T[] }> {
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
      entries: decodeSnapshot(values),
    },
    sheetNames: new Set(q.sheets.items.map((s) => s.name)),
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
export function refuseProtected(state: WorkbookState, touched: Iterable<string>, sheetChanges: boolean): void {
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
 * Write-ahead: records the originals of what is about to change for the first time,
 * appended below the rows already there, and syncs before any cell changes. Appending
 * never rewrites a record, so a failure part-way loses nothing; a sheet left without
 * its header (its creation failed half-way) holds no record and is started again.
 */
export async function appendEntries(context: Excel.RequestContext, log: ChangeLog, snapshot: Snapshot, fresh: SnapshotEntry[]): Promise<void> {
  if (fresh.length === 0 && (!snapshot.exists || (snapshot.headerValid && snapshot.veryHidden))) return;
  const batch = new WriteBatch(context, log, 'snapshot');
  const sheets = context.workbook.worksheets;
  let rows = encodeEntries(fresh);
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
 * Rewrites the snapshot as `kept` (an order-preserving subset of its entries) once the
 * other cells are restored, or removes it when nothing is kept. Rows are rewritten top
 * down and each kept entry moves up or stays, so a rewrite interrupted part-way still
 * holds every kept entry (a leftover duplicate row says the same thing).
 */
export async function rewriteSnapshot(context: Excel.RequestContext, batch: WriteBatch, snapshot: Snapshot, kept: SnapshotEntry[]): Promise<void> {
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
  const rows = encodeEntries(kept);
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
