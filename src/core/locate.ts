import { Grid, colCount, rowCount, textAt } from './grid';
import { FormKind } from './form';
import { FIELD_LABELS, indicatorColumnOf, isDeclarationTitle, isFundHeader, isSelfEvalTitle, matches } from './labels';

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
 * Finds every form on a sheet. A form starts at its title (`财政项目支出绩效自评表` or
 * `…绩效目标申报表`); forms pasted without a title start at their `项目名称` row. Each
 * form runs until the next one starts.
 */
export function locateForms(grid: Grid): FormRegion[] {
  const rows = rowCount(grid);
  const cols = colCount(grid);
  const anchors: Anchor[] = [];
  // Whether the form begun at the last anchor has reached its tables yet.
  let body = true;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const t = textAt(grid, r, c);
      if (t === '') continue;
      if (isSelfEvalTitle(t) || isDeclarationTitle(t)) {
        anchors.push({ row: r, kind: isDeclarationTitle(t) ? 'declaration' : 'self-eval' });
        body = false;
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
  anchors.forEach((a, i) => {
    const end = i + 1 < anchors.length ? anchors[i + 1].row - 1 : rows - 1;
    const region = boundsOf(grid, a.row, end, cols);
    if (!region) return;
    const kind = a.kind ?? kindByContent(grid, region);
    if (kind) regions.push({ kind, ...region });
  });
  return regions;
}

function boundsOf(grid: Grid, top: number, bottom: number, cols: number) {
  let left = Infinity;
  let right = -1;
  let last = -1;
  for (let r = top; r <= bottom; r++) {
    for (let c = 0; c < cols; c++) {
      if (textAt(grid, r, c) !== '') {
        if (c < left) left = c;
        if (c > right) right = c;
        last = r;
      }
    }
  }
  return last < 0 ? null : { top, bottom: last, left, right };
}

/** An untitled form is a 申报表 when its indicator table has no 得分 column. */
function kindByContent(grid: Grid, reg: Omit<FormRegion, 'kind'>): FormKind | null {
  let fund = false;
  for (let r = reg.top; r <= reg.bottom; r++) {
    const cols = new Set<string>();
    for (let c = reg.left; c <= reg.right; c++) {
      const t = textAt(grid, r, c);
      if (isFundHeader(t)) fund = true;
      const col = indicatorColumnOf(t);
      if (col) cols.add(col);
    }
    if (cols.has('level1') && cols.has('target')) return cols.has('score') ? 'self-eval' : 'declaration';
  }
  return fund ? 'self-eval' : null;
}
