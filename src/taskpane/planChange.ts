import { blankForm } from '../core/blankForm';
import { CellWrite, ConditionalRule } from '../core/cellWrite';
import { checkWorkbook } from '../core/engine';
import { fixWorkbook } from '../core/fixAll';
import { applyWrites, Fix, fixWrite } from '../core/fixes';
import { workbookFormulas } from '../core/formFormulas';
import { addressOf, cellAt, Grid, parseAddress } from '../core/grid';

/**
 * What the pane asks the engine's thread to work out for a change to the workbook, over
 * the grids of the last check (what the user saw): 改正 one finding, 全部改正 for one form
 * or the whole workbook, 改为公式.
 */
export type ChangeRequest =
  | { task: 'fix'; grids: Grid[]; sheet: string; fix: Fix }
  | { task: 'fixAll'; grids: Grid[]; profile: string; form: string | null }
  | { task: 'formulas'; grids: Grid[]; profile: string; perf: boolean }
  /** 插入空白自评表: `grids` holds the target sheet as read just now. */
  | { task: 'blank'; grids: Grid[]; sheet: string; anchor: string; profile: string; perf: boolean };

/** One cell a change writes, as the pane tells the user about it. */
export interface ChangedCell {
  sheet: string;
  cell: string;
  /** Displayed text before (what the check saw) and after the write. */
  before: string;
  after: string;
}

/** A change ready for `Host.applyChanges`, with what it does cell by cell. */
export interface PlannedChange {
  writes: CellWrite[];
  rules: ConditionalRule[];
  /** Parallel to `writes`: the text each cell showed at the check, so a host refuses a form edited since. */
  shown: string[];
  cells: ChangedCell[];
  /** 插入空白自评表: the area the form takes, and its cells that are not blank (then nothing is written). */
  area?: string;
  occupied?: string[];
}

function textIn(grids: Grid[], sheet: string, a1: string): string {
  const grid = grids.find((g) => g.sheet === sheet);
  if (!grid) return '';
  const { row, col } = parseAddress(a1);
  return cellAt(grid, row - grid.top, col - grid.left).text;
}

/** The planned change for writes onto `grids`: what each cell shows now and will show. */
export function planned(grids: Grid[], writes: CellWrite[], rules: ConditionalRule[]): PlannedChange {
  const after = grids.map((g) => applyWrites(g, writes));
  const cells = writes.map((w) => ({
    sheet: w.sheet,
    cell: w.cell,
    before: textIn(grids, w.sheet, w.cell),
    after: textIn(after, w.sheet, w.cell),
  }));
  return { writes, rules, shown: cells.map((c) => c.before), cells };
}

/** Whether `a1` lies inside the A1 range `range` (`B3:K30`). */
function inRange(a1: string, range: string): boolean {
  const [from, to] = range.split(':').map(parseAddress);
  const { row, col } = parseAddress(a1);
  return row >= from.row && row <= to.row && col >= from.col && col <= to.col;
}

/** The cells of `range` on the grid that hold anything (a value or shown text), in reading order. */
function occupiedIn(grid: Grid | undefined, range: string): string[] {
  if (!grid) return [];
  const out: string[] = [];
  grid.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || ((cell.value === null || cell.value === '') && cell.text === '')) return;
      const address = addressOf(grid, r, c);
      if (inRange(address, range)) out.push(address);
    }),
  );
  return out;
}

/** Works out a change; pure, so it runs in the Web Worker or, failing that, in the pane. */
export function planChange(request: ChangeRequest): PlannedChange {
  const { grids } = request;
  if (request.task === 'fix') return planned(grids, [fixWrite(request.sheet, request.fix)], []);
  if (request.task === 'fixAll') {
    const fixed = fixWorkbook(grids, { profile: request.profile });
    const form = request.form === null ? null : fixed.before.forms.find((r) => r.form.id === request.form)?.form;
    // A form's fixes (and what they uncover: 执行率 → 资金得分 → 总分 → 等级) stay inside it.
    const changes = fixed.changes.filter((c) => !form || (c.write.sheet === form.sheet && inRange(c.write.cell, form.range)));
    const writes = changes.map((c) => c.write);
    return {
      writes,
      rules: [],
      shown: changes.map((c) => c.before),
      cells: changes.map((c) => ({ sheet: c.write.sheet, cell: c.write.cell, before: c.before, after: c.after })),
    };
  }
  if (request.task === 'blank') {
    const form = blankForm(request.sheet, request.anchor, { profile: request.profile, perf: request.perf });
    const occupied = occupiedIn(grids.find((g) => g.sheet === request.sheet), form.area);
    // Never overwrite: a form that would land on anything is not written at all.
    if (occupied.length > 0) return { writes: [], rules: [], shown: [], cells: [], area: form.area, occupied };
    return { ...planned(grids, form.writes, form.rules), area: form.area, occupied: [] };
  }
  const result = checkWorkbook(grids, { profile: request.profile });
  const { writes, rules } = workbookFormulas(result, grids, { perf: request.perf });
  return planned(grids, writes, rules);
}
