import { Grid, filledCells, filledRows } from './grid';
import { FormKind } from './form';
import {
  FIELD_LABELS,
  fundColumnOf,
  indicatorColumnOf,
  isDeclarationTitle,
  isFundHeader,
  isSelfEvalTitle,
  matches,
  normalizeLabel,
} from './labels';

/** Where one form sits on a sheet (grid-relative, inclusive bounds). */
export interface FormRegion {
  kind: FormKind;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

type Anchor = { row: number; kind: FormKind | null };

/**
 * Finds every form on a sheet. A form starts at its title (`…绩效自评表`, `绩效目标自评表`,
 * `…绩效目标申报表`), or at a `报表编号` line just above it; forms pasted without a title
 * start at their `项目名称` row. Each form runs until the next one starts. The walk
 * visits filled cells only.
 */
export function locateForms(grid: Grid): FormRegion[] {
  const anchors: Anchor[] = [];
  // Whether the form begun at the last anchor has reached its tables yet.
  let body = true;
  let reportNumberRow = -1;
  for (const r of filledRows(grid)) {
    for (const { text: t } of filledCells(grid, r)) {
      if (isSelfEvalTitle(t) || isDeclarationTitle(t)) {
        const kind = isDeclarationTitle(t) ? 'declaration' : 'self-eval';
        anchors.push({ row: reportNumberRow >= 0 && reportNumberRow === r - 1 ? reportNumberRow : r, kind });
        body = false;
        break;
      }
      if (normalizeLabel(t).startsWith('报表编号')) {
        reportNumberRow = r;
        break;
      }
      // A 项目名称 after a form's tables starts an untitled form; before them it is the
      // titled form's own, however many blank lines the PDF left under the title.
      if (matches(t, FIELD_LABELS.project)) {
        if (body) anchors.push({ row: r, kind: null });
        body = false;
        break;
      }
      if (isFundHeader(t) || indicatorColumnOf(t) !== null || matches(t, FIELD_LABELS.total)) body = true;
    }
  }
  const regions: FormRegion[] = [];
  const lastRow = grid.cells.length - 1;
  anchors.forEach((a, i) => {
    const end = i + 1 < anchors.length ? anchors[i + 1].row - 1 : lastRow;
    const region = boundsOf(grid, a.row, end);
    if (!region) return;
    const kind = a.kind ?? kindByContent(grid, region);
    if (kind) regions.push({ kind, ...region });
  });
  return regions;
}

function boundsOf(grid: Grid, top: number, bottom: number) {
  let left = Infinity;
  let right = -1;
  let last = -1;
  for (const r of filledRows(grid, top, bottom)) {
    const cells = filledCells(grid, r);
    left = Math.min(left, cells[0].col);
    right = Math.max(right, cells[cells.length - 1].col);
    last = r;
  }
  return last < 0 ? null : { top, bottom: last, left, right };
}

/** An untitled form is a 申报表 when its indicator table has no 得分 column. */
function kindByContent(grid: Grid, reg: Omit<FormRegion, 'kind'>): FormKind | null {
  let fund = false;
  for (const r of filledRows(grid, reg.top, reg.bottom)) {
    const cols = new Set<string>();
    let fundColumns = 0;
    for (const { text: t } of filledCells(grid, r)) {
      if (isFundHeader(t)) fund = true;
      if (fundColumnOf(t) !== null) fundColumns++;
      const col = indicatorColumnOf(t);
      if (col) cols.add(col);
    }
    if (fundColumns >= 3) fund = true;
    if ((cols.has('level1') || cols.has('level3')) && cols.has('target'))
      return cols.has('score') ? 'self-eval' : 'declaration';
  }
  return fund ? 'self-eval' : null;
}
