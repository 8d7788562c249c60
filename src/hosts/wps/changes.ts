import { bgrOf } from './bgr';
import { CellRead, readContents, restoreTarget, writeTarget, writeTargets } from './cellContent';
import { addRules, removeRules } from './conditionalRules';
import { EtObject } from './etObject';
import { shownText } from './readSheet';
import { cannotAddRecordsSheet, ChangeRecord, readRecords, recordKey, RECORDS_SHEET, RuleRecord, SnapshotRecord, writeRecords } from './recordsSheet';
import { findSheet, isProtected, protectedError, sheetName, sheetNamed, worksheets } from './workbook';
import { ChangeResult, HostError, WorkbookChange } from '../host';
import { CellWrite } from '../../core/cellWrite';

/**
 * 改正, 全部改正, 改为公式 and 插入空白自评表 on the workbook, and 撤销改正. Write-ahead: each
 * cell's original content and each rule are recorded on the records sheet (beside the
 * marks, which stay untouched) before anything is changed, so 撤销改正 can put them back
 * even after a failure half way or after save and reopen.
 */

export function applyChanges(app: unknown, wb: EtObject, change: WorkbookChange): ChangeResult {
  const records = readRecords(wb);
  const sheets = writableSheets(wb, [...change.writes.map((w) => w.sheet), ...change.rules.map((r) => r.sheet)], '修改');

  const recorded = new Set(records.filter((r) => r.kind === 'change').map((r) => recordKey(r.sheet, r.cell)));
  const originals = new Map<string, Map<string, CellRead>>();
  for (const [name, sheet] of sheets) {
    originals.set(name, readContents(sheet, change.writes.filter((w) => w.sheet === name).map((w) => w.cell)));
  }
  const originalOf = (w: CellWrite) => originals.get(w.sheet)!.get(w.cell)!;
  const fresh: SnapshotRecord[] = [];
  change.writes.forEach((w, i) => {
    const { content: original, value } = originalOf(w);
    const shown = change.shown?.[i];
    // What the cell shows now, read as the check read it (a number in its format).
    if (shown !== undefined && shownText(value, original.numberFormat === '' ? undefined : original.numberFormat) !== shown) {
      throw new HostError('stale', `单元格 ${w.sheet}!${w.cell} 在检查之后已被修改，PerfCheck 没有做任何修改。请重新检查后再改正。`);
    }
    const key = recordKey(w.sheet, w.cell);
    // A cell changed twice keeps its first original.
    if (!recorded.has(key)) fresh.push({ kind: 'change', sheet: w.sheet, cell: w.cell, original });
    recorded.add(key);
  });
  const known = new Set(records.filter((r) => r.kind === 'rule').map(ruleKey));
  const rules: RuleRecord[] = [];
  for (const r of change.rules) {
    const rule: RuleRecord = { kind: 'rule', sheet: r.sheet, range: r.range, formula: r.formula, colour: bgrOf(r.fill) };
    // 改为公式 run twice does not stack the same rule.
    if (!known.has(ruleKey(rule))) rules.push(rule);
    known.add(ruleKey(rule));
  }
  if (change.writes.length === 0 && rules.length === 0) return { cells: 0, rules: 0 };

  try {
    writeRecords(app, wb, [...records, ...fresh, ...rules]);
  } catch (e) {
    restoreRecords(app, wb, records);
    throw failure(e, '修改前的原样没能记录下来，所以没有修改任何单元格');
  }
  try {
    for (const [name, sheet] of sheets) {
      const writes = new Map<string, CellWrite[]>();
      for (const w of change.writes) if (w.sheet === name) writes.set(w.cell, [...(writes.get(w.cell) ?? []), w]);
      writeTargets(sheet, [...writes.values()].map((each) => writeTarget(each, originalOf(each[0]).content.numberFormat)));
    }
    addRules(app, sheets, rules);
  } catch (e) {
    throw failure(e, '部分单元格可能已经改动，但改动前的原样都已记录在工作簿中：请点击“撤销改正”恢复原样后再试');
  }
  return { cells: change.writes.length, rules: rules.length };
}

/**
 * 撤销改正: every recorded cell back as it was and every recorded rule removed, then
 * those records dropped (the marks stay). Returns how many cells were restored. After a
 * failure the records of what is not yet restored stay, so running it again finishes.
 */
export function undoChanges(app: unknown, wb: EtObject): number {
  const records = readRecords(wb);
  const changes = records.filter((r): r is ChangeRecord | RuleRecord => r.kind !== 'mark');
  if (changes.length === 0) return 0;
  // A record of a sheet deleted since has nothing left to restore.
  const names = new Set(worksheets(wb).map(sheetName));
  const present = changes.filter((r) => names.has(r.sheet));
  const sheets = writableSheets(wb, present.map((r) => r.sheet), '撤销改正');
  const done = new Set<SnapshotRecord>(changes.filter((r) => !present.includes(r)));
  try {
    // Rules first, then cells, a run of a column at a time.
    removeRules(app, sheets, present.filter((x): x is RuleRecord => x.kind === 'rule'), (r) => done.add(r));
    // A cell recorded twice goes back to its first original.
    const cells = new Map<string, ChangeRecord[]>();
    for (const r of present) if (r.kind === 'change') cells.set(recordKey(r.sheet, r.cell), [...(cells.get(recordKey(r.sheet, r.cell)) ?? []), r]);
    for (const [name, sheet] of sheets) {
      const first = [...cells.values()].filter((each) => each[0].sheet === name);
      const targets = first.map((each) => restoreTarget(each[0].cell, each[0].original));
      writeTargets(sheet, targets, (restored) => restored.forEach((cell) => cells.get(recordKey(name, cell))!.forEach((r) => done.add(r))));
    }
    writeRecords(app, wb, records.filter((r) => !done.has(r)));
  } catch (e) {
    restoreRecords(app, wb, records.filter((r) => !done.has(r)));
    throw failure(e, '部分单元格已恢复，其余的原样仍记录在工作簿中：请再点一次“撤销改正”完成恢复', '撤销改正');
  }
  return present.filter((r) => r.kind === 'change').length;
}

/** How many cells 撤销改正 would restore. */
export function pendingChanges(wb: EtObject): number {
  return readRecords(wb).filter((r) => r.kind === 'change').length;
}

/**
 * The named sheets, after checking that each one, and the records sheet, can be written,
 * so that nothing is changed when one cannot.
 */
function writableSheets(wb: EtObject, names: string[], action: string): Map<string, EtObject> {
  const sheets = new Map<string, EtObject>();
  for (const name of new Set(names)) sheets.set(name, sheetNamed(wb, name));
  for (const [name, sheet] of sheets) if (isProtected(sheet)) throw protectedError(name, action);
  const records = findSheet(wb, RECORDS_SHEET);
  if (records && isProtected(records)) throw protectedError(RECORDS_SHEET, action);
  if (cannotAddRecordsSheet(wb)) {
    throw new HostError('protected', `工作簿结构受保护，PerfCheck 无法保存修改前的原样记录，因此没有${action}。请在“审阅”选项卡中撤销工作簿保护后再试。`);
  }
  return sheets;
}

const ruleKey = (r: RuleRecord): string => [r.sheet, r.range, r.formula, r.colour].join('\u0000');

/** Puts the records sheet back as it was; the error already being reported is the one the user sees. */
function restoreRecords(app: unknown, wb: EtObject, records: SnapshotRecord[]): void {
  try {
    writeRecords(app, wb, records);
  } catch {
    // As said.
  }
}

function failure(e: unknown, state: string, action = '修改'): HostError {
  if (e instanceof HostError) return e;
  return new HostError('unknown', `${action}时出错：${state}。（${e instanceof Error ? e.message : String(e)}）`);
}
