/// <reference types="office-js" />
import { annotationsFor, CellAnnotation } from '../../core/annotations';
import { Finding } from '../../core/findings';
import { CellNotes, ExistingNote, FoundNote, notesFound, sheetsOf } from './cellNotes';
import { ExcelApi } from './excelApi';
import { FILL_PROPERTIES, fillRecordOf, markFill, restoreFill } from './fill';
import { CALL_BYTES, ChangeLog, jsonBytes, ReadItem, readInGroups, WriteBatch } from './payload';
import { CellRecord, marksOf, recordKey, SNAPSHOT_SHEET, SnapshotEntry } from './snapshot';
import { appendEntries, readState, refuseProtected, rewriteSnapshot } from './snapshotSheet';

/** A fill read: getRange, format/fill paths, load, and its five properties back. */
const FILL_READ_BYTES = 4 * CALL_BYTES + 160;

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
    // Change records (改正) are no business of marking: they are kept as they are.
    const marked = marksOf(snapshot.entries);
    const known = new Map(marked.map((r) => [recordKey(r.sheet, r.cell), r]));
    const markedKeys = new Set(marks.map((m) => recordKey(m.sheet, m.cell)));
    const dropped = marked.filter((r) => !markedKeys.has(recordKey(r.sheet, r.cell)));
    const freshMarks = marks.filter((m) => !known.has(recordKey(m.sheet, m.cell)));
    const keptCount = snapshot.entries.length - dropped.length + freshMarks.length;
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
    const freshEntries: SnapshotEntry[] = fresh.map((record) => ({ kind: 'mark', record }));
    await appendEntries(context, log, snapshot, freshEntries);

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
      const kept = [...snapshot.entries, ...freshEntries].filter((e) => e.kind !== 'mark' || !droppedKeys.has(recordKey(e.record.sheet, e.record.cell)));
      await rewriteSnapshot(context, batch, { ...snapshot, endRow: Math.max(snapshot.endRow, 1) + fresh.length }, kept);
    }
    await batch.flush();
    return { cells: marks.length, notes: notes.kind !== 'none' };
  });
}

/**
 * Puts every marked cell back, then drops the mark records (removing the snapshot sheet
 * unless change records remain for 撤销改正), queued after the last restore so that a
 * failure part-way leaves the records of the cells not yet restored and 清除标注 can
 * simply run again.
 */
export async function clearAnnotations(api: ExcelApi, notes: CellNotes, log: ChangeLog): Promise<number> {
  return api.run(async (context) => {
    const { state } = await readState(context, []);
    const { snapshot } = state;
    const marked = marksOf(snapshot.entries);
    const kept = snapshot.entries.filter((e) => e.kind !== 'mark');
    // With change records and no marks there is nothing to do; without records the sheet goes.
    const rewrite = snapshot.exists && (marked.length > 0 || kept.length === 0);
    refuseProtected(state, [...marked.map((r) => r.sheet), ...(rewrite ? [SNAPSHOT_SHEET] : [])], rewrite && kept.length === 0);
    if (!rewrite) return 0;
    const existing = notesFound(await readInGroups(context, await notes.readers(context, marked)));
    const sheet = sheetsOf(context);
    const batch = new WriteBatch(context, log, 'cells');
    for (const record of marked) await batch.add(() => restoreCell(context, sheet, notes, record, existing));
    await rewriteSnapshot(context, batch, snapshot, kept);
    await batch.flush();
    return marked.length;
  });
}
