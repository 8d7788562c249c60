import { annotationsFor } from '../../core/annotations';
import { Finding } from '../../core/findings';
import { HostError } from '../host';
import { bgrOf } from './bgr';
import { CellState, readCellState, restoreCellState, setCommentText } from './cellState';
import { XL_SOLID } from './etConstants';
import { child, EtObject, setProp } from './etObject';
import { CellRecord, isMark, readRecords, recordKey, SnapshotRecord, writeRecords } from './recordsSheet';
import { findSheet, isProtected, protectedError, rangeAt, sheetNamed } from './workbook';

/**
 * Marks and unmarks findings on the sheets. Every cell's original fill and comment are
 * recorded (RECORDS_SHEET) before it is first marked; marking again starts from the
 * record, so fills and notes never stack; any failure puts every touched cell and the
 * records back as they were before the call. The records of 改正 (changes, rules) on
 * the same sheet are kept as they are, in their places.
 */

/** Where a user's own comment ends and PerfCheck's note begins. */
const NOTE_SEPARATOR = '\n\n';

export function annotate(app: unknown, wb: EtObject, findings: Finding[]): { cells: number; notes: boolean } {
  const marks = annotationsFor(findings);
  const all = readRecords(wb);
  const records = all.filter(isMark);
  const marked = new Set(marks.map((m) => recordKey(m.sheet, m.cell)));
  const cells = new CellsOf(wb, '标注', marks.map((m) => m.sheet), records.map((r) => r.sheet));
  // A record of a sheet the user has since deleted has nothing left to restore.
  const stale = records.filter((r) => !marked.has(recordKey(r.sheet, r.cell)) && cells.has(r.sheet));

  const byKey = new Map(records.map((r) => [recordKey(r.sheet, r.cell), r]));
  const kept = all.filter((r) => !isMark(r) || marked.has(recordKey(r.sheet, r.cell)));
  const added: CellRecord[] = [];
  const before = new Map<string, CellState>();
  for (const { sheet, cell } of [...marks, ...stale]) {
    const state = readCellState(cells.at(sheet, cell));
    before.set(recordKey(sheet, cell), state);
    if (!byKey.has(recordKey(sheet, cell))) {
      const record: CellRecord = { kind: 'mark', sheet, cell, ...state };
      byKey.set(recordKey(sheet, cell), record);
      added.push(record);
    }
  }

  transaction(app, wb, all, cells, before, () => {
    writeRecords(app, wb, [...kept, ...added]);
    for (const r of stale) restoreCellState(cells.at(r.sheet, r.cell), r);
    for (const m of marks) {
      const cell = cells.at(m.sheet, m.cell);
      const interior = child(cell, 'Interior');
      setProp(interior, 'Pattern', XL_SOLID);
      setProp(interior, 'Color', bgrOf(m.fill));
      const own = byKey.get(recordKey(m.sheet, m.cell))!.comment;
      setCommentText(cell, own === null ? m.note : own + NOTE_SEPARATOR + m.note);
    }
  });
  return { cells: marks.length, notes: marks.length > 0 };
}

/**
 * Puts every marked cell back as recorded and removes the mark records; returns how
 * many. The records of 改正 stay, and with them the sheet.
 */
export function clearAnnotations(app: unknown, wb: EtObject): number {
  const all = readRecords(wb);
  const records = all.filter(isMark);
  if (records.length === 0) return 0;
  const cells = new CellsOf(wb, '清除标注', [], records.map((r) => r.sheet));
  const present = records.filter((r) => cells.has(r.sheet));
  const before = new Map(present.map((r) => [recordKey(r.sheet, r.cell), readCellState(cells.at(r.sheet, r.cell))]));
  transaction(app, wb, all, cells, before, () => {
    for (const r of present) restoreCellState(cells.at(r.sheet, r.cell), r);
    writeRecords(app, wb, all.filter((r) => !isMark(r)));
  });
  return present.length;
}

/** Runs the changes; on failure restores the touched cells and the records, then reports. */
function transaction(
  app: unknown,
  wb: EtObject,
  records: SnapshotRecord[],
  cells: CellsOf,
  before: Map<string, CellState>,
  change: () => void,
): void {
  try {
    change();
  } catch (e) {
    for (const [key, state] of before) {
      const [sheet, cell] = key.split('\u0000');
      try {
        restoreCellState(cells.at(sheet, cell), state);
      } catch {
        // Keep restoring the others; the first error is the one reported.
      }
    }
    try {
      writeRecords(app, wb, records);
    } catch {
      // As above.
    }
    if (e instanceof HostError) throw e;
    throw new HostError('unknown', `标注时出错，工作簿已恢复原样。（${e instanceof Error ? e.message : String(e)}）`);
  }
}

/**
 * The cells of the named sheets, after checking that every sheet to write to is not
 * protected, so that nothing is changed when one cannot be written. `required` sheets
 * must exist; `recorded` ones may have been deleted since they were marked.
 */
class CellsOf {
  private readonly sheets = new Map<string, EtObject>();

  constructor(wb: EtObject, action: string, required: string[], recorded: string[]) {
    for (const name of new Set(required)) this.sheets.set(name, sheetNamed(wb, name));
    for (const name of new Set(recorded)) {
      const sheet = this.sheets.get(name) ?? findSheet(wb, name);
      if (sheet) this.sheets.set(name, sheet);
    }
    for (const [name, sheet] of this.sheets) if (isProtected(sheet)) throw protectedError(name, action);
  }

  has(sheet: string): boolean {
    return this.sheets.has(sheet);
  }

  at(sheet: string, cell: string): EtObject {
    return rangeAt(this.sheets.get(sheet)!, cell);
  }
}
