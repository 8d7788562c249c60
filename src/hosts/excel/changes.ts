/// <reference types="office-js" />
import { ChangeResult, HostError, WorkbookChange } from '../host';
import { contentReader, restoreContent, writeContent } from './cellContent';
import { sheetsOf } from './cellNotes';
import { splitAddress } from './cells';
import { addRule, findRules } from './conditionalRules';
import { plain } from './errors';
import { ExcelApi } from './excelApi';
import { CALL_BYTES, ChangeLog, WriteBatch } from './payload';
import { ContentRecord, entryKey, recordKey, RuleRecord, SNAPSHOT_SHEET, SnapshotEntry } from './snapshot';
import { appendEntries, readState, refuseProtected, rewriteSnapshot } from './snapshotSheet';

/**
 * 改正, 全部改正, 改为公式 and 插入空白自评表 (applyChanges), and 撤销改正 (undoChanges),
 * over the same hidden snapshot as the highlights: a change record holds a cell's
 * content before PerfCheck first changed it, or a conditional rule PerfCheck added.
 */

/** A cell's text as a message quotes it: printable and short. */
function quoted(text: string): string {
  const printable = plain(text);
  return printable.length > 30 ? `${printable.slice(0, 30)}…` : printable;
}

/**
 * One user action's changes:
 * 1. reads protection, the snapshot and the content of every cell to write (one sync
 *    when it fits), and refuses before any change: a protected sheet or workbook
 *    structure, or a cell that no longer shows what the check saw;
 * 2. write-ahead: appends the content of each cell changed for the first time and each
 *    rule to add, and syncs;
 * 3. writes the cells and adds the rules.
 * After a failure at any point, 撤销改正 restores every cell that was touched and removes
 * every rule that was added: nothing changes before its record is in the workbook.
 */
export async function applyChanges(api: ExcelApi, change: WorkbookChange, log: ChangeLog): Promise<ChangeResult> {
  const { writes } = change;
  return api.run(async (context) => {
    const sheet = sheetsOf(context);
    const { state, extra: found } = await readState(context, writes.map((w) => contentReader(sheet, w)));
    const { snapshot } = state;
    change.shown?.forEach((expected, i) => {
      if (i < writes.length && found[i].text !== expected)
        throw new HostError(
          'stale',
          `单元格 ${writes[i].sheet}!${writes[i].cell} 现在显示“${quoted(found[i].text)}”，检查时是“${quoted(expected)}”：表格在检查后被修改过。PerfCheck 没有做任何修改，请重新检查后再改正。`,
        );
    });
    const known = new Set(snapshot.entries.map(entryKey));
    const fresh: SnapshotEntry[] = [];
    const record = (entry: SnapshotEntry): boolean => {
      if (known.has(entryKey(entry))) return false;
      known.add(entryKey(entry));
      fresh.push(entry);
      return true;
    };
    // A cell changed again keeps its first original.
    for (const f of found) record({ kind: 'content', record: f.record });
    // A rule PerfCheck added and still records is there already: not added twice.
    const rules = change.rules.filter((r) => record({ kind: 'rule', record: { sheet: r.sheet, range: r.range, formula: r.formula, fill: r.fill } }));
    const snapshotWritten = fresh.length > 0 || (snapshot.exists && !snapshot.veryHidden);
    refuseProtected(
      state,
      [...writes.map((w) => w.sheet), ...rules.map((r) => r.sheet), ...(snapshotWritten ? [SNAPSHOT_SHEET] : [])],
      (!snapshot.exists && fresh.length > 0) || (snapshot.exists && !snapshot.veryHidden),
    );
    await appendEntries(context, log, snapshot, fresh);

    const batch = new WriteBatch(context, log, 'cells');
    for (let i = 0; i < writes.length; i++) {
      const w = writes[i];
      await batch.add(() => writeContent(sheet(w.sheet).getRange(w.cell), w, found[i].record.numberFormat));
    }
    for (const r of rules) await batch.add(() => addRule(sheet(r.sheet), r));
    await batch.flush();
    return { cells: new Set(writes.map((w) => recordKey(w.sheet, w.cell))).size, rules: rules.length };
  });
}

/**
 * 撤销改正: puts back every recorded cell content, removes the recorded rules, then drops
 * their records (removing the snapshot sheet when no highlight remains either), queued
 * after the last restore so that a failure part-way leaves the records and 撤销改正 can
 * simply run again. Records of a sheet deleted since are dropped: nothing to restore.
 */
export async function undoChanges(api: ExcelApi, log: ChangeLog): Promise<number> {
  return api.run(async (context) => {
    const { state } = await readState(context, []);
    const { snapshot } = state;
    const contents: ContentRecord[] = [];
    const rules: RuleRecord[] = [];
    for (const e of snapshot.entries) {
      if (e.kind === 'content' && state.sheetNames.has(e.record.sheet)) contents.push(e.record);
      if (e.kind === 'rule' && state.sheetNames.has(e.record.sheet)) rules.push(e.record);
    }
    const kept = snapshot.entries.filter((e) => e.kind === 'mark');
    if (kept.length === snapshot.entries.length) return 0;
    refuseProtected(state, [...contents.map((r) => r.sheet), ...rules.map((r) => r.sheet), SNAPSHOT_SHEET], kept.length === 0);
    const sheet = sheetsOf(context);
    const added = await findRules(context, sheet, rules);
    const batch = new WriteBatch(context, log, 'cells');
    for (const r of contents) await batch.add(() => restoreContent(sheet(r.sheet).getRange(r.cell), r));
    for (const format of added)
      await batch.add(() => {
        format.delete();
        return 2 * CALL_BYTES;
      });
    await rewriteSnapshot(context, batch, snapshot, kept);
    await batch.flush();
    return contents.length;
  });
}

/** How many cells 撤销改正 would restore, read from the snapshot. */
export async function pendingChanges(api: ExcelApi): Promise<number> {
  return api.run(async (context) => {
    const { state } = await readState(context, []);
    return state.snapshot.entries.filter((e) => e.kind === 'content').length;
  });
}

/** The active cell (the top-left of the selection): Workbook.getActiveCell, ExcelApi 1.7. */
export async function activeCell(api: ExcelApi): Promise<{ sheet: string; cell: string }> {
  return api.run(async (context) => {
    const range = context.workbook.getActiveCell().load('address');
    await context.sync();
    return splitAddress(range.address);
  });
}
