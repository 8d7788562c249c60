import { annotationsFor, REPORT_HEADER, REPORT_SHEET, ReportRow } from '../../core/annotations';
import { Finding, Severity } from '../../core/findings';
import { Grid, textGrid } from '../../core/grid';
import { Host, HostError } from '../host';

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
}

export interface PreviewHost extends Host {
  view(): PreviewView;
  subscribe(listener: () => void): () => void;
  /** Shows another sheet in the grid view (the sheet tabs). */
  show(sheet: string): void;
}

async function unsupported(): Promise<never> {
  throw new HostError('unsupported', '此版本尚不能修改单元格。');
}

export function markKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/**
 * The Host of the page opened in a plain browser: the workbook is a file the user chose,
 * held in memory; marks live in the grid view only, so the file itself never changes.
 */
export function createPreviewHost(grids: Grid[]): PreviewHost {
  let view: PreviewView = { grids, active: grids[0]?.sheet ?? '', marks: new Map(), selected: null };
  const listeners = new Set<() => void>();
  const update = (next: Partial<PreviewView>) => {
    view = { ...view, ...next };
    listeners.forEach((l) => l());
  };
  const gridOf = (sheet: string) => {
    const grid = view.grids.find((g) => g.sheet === sheet);
    if (!grid) throw new HostError('no-sheet', `找不到工作表“${sheet}”。`);
    return grid;
  };

  return {
    kind: 'preview',
    view: () => view,
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
    applyChanges: unsupported,
    undoChanges: unsupported,
    pendingChanges: async () => 0,
    activeCell: unsupported,
  };
}
