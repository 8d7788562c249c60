import { CellWrite } from './cellWrite';
import { checkWorkbook, CheckOptions, WorkbookResult } from './engine';
import { FindingCode } from './findings';
import { applyWrites, fixWrite } from './fixes';
import { cellAt, Grid, parseAddress } from './grid';

/** One cell 全部改正 changed: where, what it showed before and after, and why. */
export interface FixChange {
  write: CellWrite;
  /** The cell's displayed text before and after. */
  before: string;
  after: string;
  /** The findings the change answers. */
  codes: FindingCode[];
}

export interface FixedWorkbook {
  /** The profile the fixes follow: the one inferred from (or given for) the original. */
  profileId: string;
  before: WorkbookResult;
  /** Every changed cell, once, in the order first changed. */
  changes: FixChange[];
  /** The corrected grids and their check. */
  grids: Grid[];
  after: WorkbookResult;
}

/** Enough for 年度资金总额 → 执行率 → 资金得分 → 总分 → 等级, each fix uncovering the next. */
const MAX_ROUNDS = 6;

/**
 * 全部改正 for a workbook: applies every fix, checks again, and repeats while a fix
 * uncovers another (a corrected 总分 can show its 等级 was right only for the wrong
 * total). The rule profile is decided once, from the original, so that fixing never
 * changes which rounding the form is held to. Pure: the grids passed in are not changed.
 */
export function fixWorkbook(grids: Grid[], options: CheckOptions = {}): FixedWorkbook {
  const before = checkWorkbook(grids, options);
  const profileId = before.profile.profile.id;
  const changes = new Map<string, FixChange>();
  let current = grids;
  let result = before;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixes = result.findings.filter(
      (f) => f.fix && !isUnchanged(current, f.sheet, f.fix.cell, fixWrite(f.sheet, f.fix)),
    );
    if (fixes.length === 0) break;
    const writes = new Map<string, { write: CellWrite; codes: FindingCode[] }>();
    for (const f of fixes) {
      const key = `${f.sheet}!${f.fix!.cell}`;
      const entry = writes.get(key);
      if (entry) entry.codes.push(f.code);
      else writes.set(key, { write: fixWrite(f.sheet, f.fix!), codes: [f.code] });
    }
    const all = [...writes.values()].map((w) => w.write);
    const next = current.map((g) => applyWrites(g, all));
    for (const [key, { write, codes }] of writes) {
      const after = textOf(next, write.sheet, write.cell);
      const earlier = changes.get(key);
      if (earlier) changes.set(key, { write, before: earlier.before, after, codes: [...earlier.codes, ...codes] });
      else changes.set(key, { write, before: textOf(grids, write.sheet, write.cell), after, codes });
    }
    current = next;
    result = checkWorkbook(current, { ...options, profile: profileId });
  }
  // A cell changed and changed back is no change.
  const changed = [...changes.values()].filter((c) => !isUnchanged(grids, c.write.sheet, c.write.cell, c.write));
  // The corrected workbook was held to the profile chosen for the original, for the same reason.
  return { profileId, before, changes: changed, grids: current, after: { ...result, profile: before.profile } };
}

function cellOf(grids: Grid[], sheet: string, a1: string) {
  const grid = grids.find((g) => g.sheet === sheet);
  if (!grid) return null;
  const { row, col } = parseAddress(a1);
  return cellAt(grid, row - grid.top, col - grid.left);
}

function textOf(grids: Grid[], sheet: string, a1: string): string {
  return cellOf(grids, sheet, a1)?.text ?? '';
}

/** Whether the cell already holds what the write would put there. */
function isUnchanged(grids: Grid[], sheet: string, a1: string, write: CellWrite): boolean {
  const cell = cellOf(grids, sheet, a1);
  if (!cell) return false;
  if (write.kind === 'number') return typeof cell.value === 'number' && cell.value === Number(write.value);
  if (write.kind === 'text') return cell.value === write.value;
  return false;
}
