import { annotationsFor, REPORT_HEADER, REPORT_SHEET, ReportRow } from '../../core/annotations';
import { CellWrite, ConditionalRule } from '../../core/cellWrite';
import { Finding, Severity } from '../../core/findings';
import { applyWrites } from '../../core/fixes';
import { cellAt, Grid, parseAddress, textGrid } from '../../core/grid';
import { Host, HostError, WorkbookChange } from '../host';

/** One marked cell of the preview: what the grid view paints and shows on hover. */
export interface PreviewMark {
  severity: Severity;
  fill: string;
  note: string;
}

/** What the read-only grid view draws; replaced (never mutated) on every change. */
export interface PreviewView {
  grids: Grid[];
  active: string;
  /** Keyed `sheet!A1`. */
  marks: ReadonlyMap<string, PreviewMark>;
  selected: { sheet: string; cell: string } | null;
  /** Formulas PerfCheck wrote (改为公式, 插入空白自评表), keyed `sheet!A1`: the grid shows their results. */
  formulas: ReadonlyMap<string, string>;
  /** Conditional rules PerfCheck added, kept for the record (the grid does not paint them). */
  rules: readonly ConditionalRule[];
}

/** One cell PerfCheck changed and that 撤销改正 has not put back: the write in force, and what the cell showed. */
export interface PreviewChange {
  write: CellWrite;
  /** The cell's text before PerfCheck first changed it, and now. */
  before: string;
  after: string;
}

export interface PreviewHost extends Host {
  view(): PreviewView;
  /**
   * The changes in force, for a corrected copy of the file: one per changed cell, in the
   * order first changed (a cell changed twice keeps its first `before` and its last write),
   * and the rules added. Empty after 撤销改正.
   */
  changesInForce(): { changes: PreviewChange[]; rules: ConditionalRule[] };
  subscribe(listener: () => void): () => void;
  /** Shows another sheet in the grid view (the sheet tabs). */
  show(sheet: string): void;
}

export function markKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/**
 * A grid that reaches every written cell: a blank form may go above or left of the used
 * range, which the grid then grows to take in (applyWrites writes only inside it).
 */
function reaching(grid: Grid, writes: CellWrite[]): Grid {
  let top = grid.top;
  let left = grid.left;
  for (const w of writes) {
    const { row, col } = parseAddress(w.cell);
    top = Math.min(top, row);
    left = Math.min(left, col);
  }
  if (top === grid.top && left === grid.left) return grid;
  const pad = grid.left - left;
  const rows = grid.cells.map((row) => [...Array<undefined>(pad), ...(row ?? [])]);
  return { ...grid, top, left, cells: [...Array.from({ length: grid.top - top }, () => []), ...rows] };
}

/**
 * The Host of the page opened in a plain browser: the workbook is a file the user chose,
 * held in memory; marks and changes live in the grid view only, so the file itself never
 * changes. Protected sheets do not exist here.
 */
export function createPreviewHost(grids: Grid[]): PreviewHost {
  let view: PreviewView = {
    grids,
    active: grids[0]?.sheet ?? '',
    marks: new Map(),
    selected: null,
    formulas: new Map(),
    rules: [],
  };
  /**
   * Recorded before PerfCheck first changes a sheet: the sheet as it was. Nobody else
   * edits the preview, so 撤销改正 puts these back, exact to the cell.
   */
  const originals = new Map<string, Grid>();
  /** The cells changed since, keyed `sheet!A1`, in the order first changed. */
  const changed = new Map<string, PreviewChange>();
  const listeners = new Set<() => void>();
  const update = (next: Partial<PreviewView>) => {
    view = { ...view, ...next };
    listeners.forEach((l) => l());
  };
  const textAt = (grid: Grid, a1: string) => {
    const { row, col } = parseAddress(a1);
    return cellAt(grid, row - grid.top, col - grid.left).text;
  };
  const gridOf = (sheet: string) => {
    const grid = view.grids.find((g) => g.sheet === sheet);
    if (!grid) throw new HostError('no-sheet', `找不到工作表“${sheet}”。`);
    return grid;
  };

  return {
    kind: 'preview',
    view: () => view,
    changesInForce: () => ({ changes: [...changed.values()], rules: [...view.rules] }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show: (sheet) => update({ active: gridOf(sheet).sheet }),
    sheets: async () => ({ names: view.grids.filter((g) => g.sheet !== REPORT_SHEET).map((g) => g.sheet), active: view.active }),
    async readSheets(names, onProgress) {
      const out = names.map((name, i) => {
        const grid = gridOf(name);
        onProgress?.(i + 1, names.length);
        return grid;
      });
      return out;
    },
    async annotate(findings: Finding[]) {
      const marks = new Map<string, PreviewMark>();
      for (const a of annotationsFor(findings.filter((f) => f.form !== null)))
        marks.set(markKey(a.sheet, a.cell), { severity: a.severity, fill: a.fill, note: a.note });
      update({ marks });
      return { cells: marks.size, notes: true };
    },
    async clearAnnotations() {
      const n = view.marks.size;
      update({ marks: new Map() });
      return n;
    },
    async select(sheet, cell) {
      gridOf(sheet);
      update({ active: sheet, selected: { sheet, cell } });
    },
    async writeReport(rows: ReportRow[]) {
      const report = textGrid(REPORT_SHEET, [
        [...REPORT_HEADER],
        ...rows.map((r) => [String(r.index), r.severity, r.code, r.meaning, r.sheet, r.cell, r.project, r.message, r.expected, r.actual]),
      ]);
      update({ grids: [...view.grids.filter((g) => g.sheet !== REPORT_SHEET), report], active: REPORT_SHEET });
    },
    async applyChanges(change: WorkbookChange) {
      // Everything is checked before anything is written: a refused change changes nothing.
      change.writes.forEach((w, i) => {
        const now = textAt(gridOf(w.sheet), w.cell);
        const then = change.shown?.[i];
        if (then !== undefined && now !== then)
          throw new HostError(
            'stale',
            `单元格 ${w.sheet}!${w.cell} 现在显示“${now}”，检查时是“${then}”：表格在检查后改过了，PerfCheck 没有做任何修改。请重新检查后再改正。`,
          );
      });
      change.rules.forEach((r) => gridOf(r.sheet));
      const formulas = new Map(view.formulas);
      const next = view.grids.map((grid) => {
        const mine = change.writes.filter((w) => w.sheet === grid.sheet);
        if (mine.length === 0) return grid;
        if (!originals.has(grid.sheet)) originals.set(grid.sheet, grid);
        const written = applyWrites(reaching(grid, mine), mine);
        for (const w of mine) {
          const key = markKey(w.sheet, w.cell);
          const before = changed.get(key)?.before ?? textAt(grid, w.cell);
          // A Map keeps a key where it was first set: the cell stays where it was first changed.
          changed.set(key, { write: w, before, after: textAt(written, w.cell) });
          if (w.kind === 'formula') formulas.set(key, `=${w.value}`);
          else formulas.delete(key);
        }
        return written;
      });
      for (const r of change.rules) originals.set(r.sheet, originals.get(r.sheet) ?? gridOf(r.sheet));
      update({ grids: next, formulas, rules: [...view.rules, ...change.rules] });
      return { cells: change.writes.length, rules: change.rules.length };
    },
    async undoChanges() {
      const restored = changed.size;
      if (originals.size === 0) return 0;
      const grids = view.grids.map((g) => originals.get(g.sheet) ?? g);
      originals.clear();
      changed.clear();
      update({ grids, formulas: new Map(), rules: [] });
      return restored;
    },
    pendingChanges: async () => changed.size,
    async activeCell() {
      const at = view.selected;
      return at && at.sheet === view.active ? at : { sheet: view.active, cell: 'A1' };
    },
  };
}
