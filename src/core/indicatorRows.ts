import { Cell, Grid, addressOf, cellAt, textAt } from './grid';
import { Indicator, FormKind, Read } from './form';
import { IndicatorColumn, isLevel1Name, isLevel2Name, isTableCaption, normalizeLabel, parentOfLevel2 } from './labels';
import { Measure, NumberReading, parseMeasure, readNumber } from './values';

export type IndicatorColumns = Partial<Record<IndicatorColumn, number>>;

interface Level {
  value: string;
  /** Whether this row itself names the level (not inherited from a merged cell above). */
  explicit: boolean;
}

/** An indicator while its table is read: levels still know whether they were inherited. */
interface Draft extends Omit<Indicator, 'level1' | 'level2' | 'duplicateOf'> {
  level1: Level;
  level2: Level;
}

type LabelCell = { col: number; text: string };

/** A cell's content as a 指标值: typed numbers keep their percent format. */
export function measureOf(cell: Cell): Measure {
  if (typeof cell.value === 'number') return parseMeasure(cell.value, (cell.format ?? '').includes('%'));
  return parseMeasure(cell.text);
}

/**
 * Maps the rows of an indicator table to indicators. Rows pasted out of PDFs sit one or
 * two columns off, split into fragments (a label on a line of its own, a name wrapped
 * onto the next line), or repeat; vertically merged 一级/二级 cells are blank below
 * their first row. The mapping finds each row's 分值/得分 pair to learn its offset,
 * classifies the label cells by what they say, and folds fragments into the rows they
 * belong to.
 */
export function readIndicatorRows(
  grid: Grid,
  rows: number[],
  left: number,
  right: number,
  cols: IndicatorColumns,
  kind: FormKind,
): Indicator[] {
  const drafts: Draft[] = [];
  let l1: Level = { value: '', explicit: false };
  let l2: Level = { value: '', explicit: false };
  let pendingName: LabelCell[] = [];

  // Level labels on a line of their own wait for the next row to tell what they are.
  let pendingLevels: Classified[] = [];

  const applyFragment = (labels: LabelCell[]) => {
    const prev = drafts[drafts.length - 1];
    const cls = classifyLabels(labels, labels);
    const levels = cls.filter((x) => x.kind === 'level1' || x.kind === 'level2');
    for (const lab of levels) {
      if (lab.kind === 'level1') l1 = { value: lab.text, explicit: false };
      else l2 = { value: lab.text, explicit: false };
    }
    pendingLevels.push(...levels.map((x) => ({ ...x, col: levels.length })));
    for (const lab of cls.filter((x) => x.kind === 'name')) {
      if (prev && prev.name.value === '') prev.name = { value: lab.text, cell: addressOf(grid, prev.row, lab.col) };
      else pendingName.push(lab);
    }
  };

  /**
   * A lone level label between rows is a merged cell's text centred in its block, so it
   * also names the row above when that row only inherited its level and the row below
   * does not start a block of its own. Rows before any level label take the first one.
   */
  const settleLevels = (next: { level1?: string; level2?: string } | null) => {
    const prev = drafts[drafts.length - 1];
    for (const lab of pendingLevels) {
      const key = lab.kind === 'level1' ? 'level1' : 'level2';
      const single = lab.col === 1;
      if (prev && single && kind === 'self-eval' && !prev[key].explicit && next?.[key] === undefined) {
        prev[key] = { value: lab.text, explicit: true };
      }
      for (const d of drafts) if (d[key].value === '') d[key] = { value: lab.text, explicit: true };
    }
    pendingLevels = [];
  };

  for (const r of rows) {
    const filled: LabelCell[] = [];
    for (let c = left; c <= right; c++) {
      const t = textAt(grid, r, c);
      if (t !== '') filled.push({ col: c, text: t });
    }
    if (filled.length === 0) continue;
    const placed = kind === 'self-eval' ? placeScored(grid, r, filled, cols, right) : placeDeclared(filled, cols);
    if (!placed) {
      applyFragment(filled);
      continue;
    }
    const { shift, targetCol, actualCol, labels } = placed;
    const cls = classifyLabels(labels, labels);
    const rowL1 = cls.find((x) => x.kind === 'level1')?.text;
    const rowL2 = cls.find((x) => x.kind === 'level2')?.text;
    settleLevels({ level1: rowL1, level2: rowL2 });
    const names = cls.filter((x) => x.kind === 'name');
    if (rowL1 !== undefined) {
      l1 = { value: rowL1, explicit: false };
      if (rowL2 === undefined) l2 = { value: '', explicit: false };
    }
    if (rowL2 !== undefined) l2 = { value: rowL2, explicit: false };
    const nameCell = names[names.length - 1];
    const prev = drafts[drafts.length - 1];
    let nameText = nameCell?.text ?? '';
    if (pendingName.length > 0) {
      if (nameText === '') nameText = pendingName.map((p) => p.text).join('');
      else if (prev) prev.name = { ...prev.name, value: prev.name.value + pendingName.map((p) => p.text).join('') };
      pendingName = [];
    }
    const nameCol = nameCell?.col ?? (cols.level3 !== undefined ? cols.level3 + shift : targetCol - 1);
    const tCell = targetCol >= 0 ? cellAt(grid, r, targetCol) : null;
    const aCell = actualCol >= 0 ? cellAt(grid, r, actualCol) : null;
    drafts.push({
      row: r,
      level1: { value: rowL1 ?? l1.value, explicit: rowL1 !== undefined },
      level2: { value: rowL2 ?? l2.value, explicit: rowL2 !== undefined },
      name: { value: nameText, cell: addressOf(grid, r, Math.max(left, nameCol)) },
      target: {
        value: tCell ? measureOf(tCell) : { kind: 'empty' },
        text: tCell?.text.trim() ?? '',
        cell: addressOf(grid, r, Math.max(left, targetCol)),
      },
      actual: {
        value: aCell ? measureOf(aCell) : { kind: 'empty' },
        text: aCell?.text.trim() ?? '',
        cell: addressOf(grid, r, Math.max(left, actualCol)),
      },
      weight: placed.weightCol === null ? null : readAt(grid, r, placed.weightCol),
      score: placed.scoreCol === null ? null : readAt(grid, r, placed.scoreCol),
      reason: reasonAt(grid, r, placed.reasonCol ?? Math.max(left, targetCol + 1), right),
    });
  }
  settleLevels(null);
  if (pendingName.length > 0 && drafts.length > 0) {
    const last = drafts[drafts.length - 1];
    last.name = { ...last.name, value: last.name.value + pendingName.map((p) => p.text).join('') };
  }
  return finish(drafts, grid.top);
}

function readAt(grid: Grid, r: number, c: number): Read<NumberReading> {
  return { value: readNumber(cellAt(grid, r, c)), cell: addressOf(grid, r, c) };
}

function reasonAt(grid: Grid, r: number, from: number, right: number): Read<string> {
  const parts: string[] = [];
  for (let c = from; c <= right; c++) {
    const t = textAt(grid, r, c);
    if (t !== '') parts.push(t);
  }
  return { value: parts.join(' '), cell: addressOf(grid, r, from) };
}

interface Placement {
  shift: number;
  targetCol: number;
  actualCol: number;
  weightCol: number | null;
  scoreCol: number | null;
  reasonCol: number | null;
  labels: LabelCell[];
}

const SHIFTS = [0, -1, 1, -2, 2];

/**
 * A 自评表 row: its 分值 and 得分 sit at the header's columns give or take the row's
 * offset. Each offset is weighed by how the row reads under it (a numeric pair, a target
 * in the target column, no 一级/二级 name or target in the name column, nothing numeric
 * right of 得分); the best wins, the header's own columns on a tie.
 */
function placeScored(
  grid: Grid,
  r: number,
  filled: LabelCell[],
  cols: IndicatorColumns,
  right: number,
): Placement | null {
  const W = cols.weight;
  const S = cols.score;
  if (W === undefined || S === undefined) return null;
  const reading = (c: number) => readNumber(cellAt(grid, r, c)).kind;
  let best: { shift: number; score: number } | null = null;
  for (const s of SHIFTS) {
    if (W + s < 0 || S + s > right) continue;
    const numeric = [W + s, S + s].filter((c) => reading(c) === 'number').length;
    if (numeric === 0) continue;
    const T = cols.target !== undefined ? cols.target + s : W + s - 2;
    const nameCol = cols.level3 !== undefined ? cols.level3 + s : T - 1;
    const name = nameCol >= 0 ? textAt(grid, r, nameCol) : '';
    let score = numeric === 2 ? 3 : 1;
    if (T >= 0 && textAt(grid, r, T) !== '') score += 1;
    if (name !== '' && (isLevel1Name(name) || isLevel2Name(name) || parseMeasure(name).kind === 'quantity')) score -= 2;
    if (filled.some((f) => f.col > S + s && ['number', 'error'].includes(reading(f.col)))) score -= 3;
    if (!best || score > best.score) best = { shift: s, score };
  }
  let shift = best?.shift ?? null;
  if (shift === null) {
    // Target and actual filled but no 分值/得分 at all: an indicator row with blanks.
    const T = cols.target;
    const A = cols.actual;
    if (T === undefined || A === undefined) return null;
    const inValues = filled.filter((f) => f.col >= T && f.col <= S);
    const labelish = filled.filter((f) => f.col < T);
    if (inValues.length === 0 || labelish.length === 0) return null;
    shift = 0;
  }
  const T = cols.target !== undefined ? cols.target + shift : W + shift - 2;
  const A = cols.actual !== undefined ? cols.actual + shift : W + shift - 1;
  const R = cols.reason !== undefined ? cols.reason + shift : S + shift + 1;
  return {
    shift,
    targetCol: T,
    actualCol: A,
    weightCol: W + shift,
    scoreCol: S + shift,
    reasonCol: R,
    labels: filled.filter((f) => f.col < T),
  };
}

/** A 申报表 row: its 年度指标值 is the last filled cell at or right of the header's column. */
function placeDeclared(filled: LabelCell[], cols: IndicatorColumns): Placement | null {
  const T = cols.target;
  if (T === undefined) return null;
  const last = filled[filled.length - 1];
  const hasValue = last.col >= T && !isLevel1Name(last.text) && !isLevel2Name(last.text);
  const labels = hasValue ? filled.slice(0, -1) : filled;
  const named = classifyLabels(labels, labels).some((x) => x.kind === 'name');
  // Level labels alone (经济效益指标 with nothing under it) open a block, no indicator.
  if (!named && !hasValue) return null;
  const targetCol = hasValue ? last.col : T;
  return { shift: targetCol - T, targetCol, actualCol: -1, weightCol: null, scoreCol: null, reasonCol: null, labels };
}

type Classified = { kind: 'level1' | 'level2' | 'name' | 'caption'; text: string; col: number };

/** Tells 一级/二级 names, captions and 三级 names apart by what they say. */
function classifyLabels(labels: LabelCell[], context: LabelCell[]): Classified[] {
  const out: Classified[] = [];
  let sawLevel2 = false;
  labels.forEach((lab) => {
    const key = normalizeLabel(lab.text);
    if (isTableCaption(key)) {
      out.push({ kind: 'caption', text: key, col: lab.col });
      return;
    }
    if (key === '成本指标') {
      // 一级 成本指标 (newer templates) when a 成本 sub-type follows it; else the old 二级.
      const next = context.find((x) => x.col > lab.col);
      const asLevel1 = next !== undefined && parentOfLevel2(next.text) === '成本指标';
      if (!asLevel1 && sawLevel2) out.push({ kind: 'name', text: lab.text, col: lab.col });
      else out.push({ kind: asLevel1 ? 'level1' : 'level2', text: key, col: lab.col });
      if (!asLevel1) sawLevel2 = true;
      return;
    }
    if (isLevel1Name(key)) {
      out.push({ kind: 'level1', text: key, col: lab.col });
      return;
    }
    if (isLevel2Name(key) && !sawLevel2) {
      out.push({ kind: 'level2', text: key, col: lab.col });
      sawLevel2 = true;
      return;
    }
    out.push({ kind: 'name', text: lab.text, col: lab.col });
  });
  return out;
}

function finish(drafts: Draft[], sheetTop: number): Indicator[] {
  const seen = new Map<string, number>();
  return drafts.map((d) => {
    let level1 = d.level1.value;
    const parent = d.level2.value ? parentOfLevel2(d.level2.value) : null;
    // A 二级 name knows its 一级: it corrects a 一级 inherited across a page break.
    if (
      parent &&
      (!d.level1.explicit || level1 === '') &&
      level1 !== parent &&
      !(parent === '产出指标' && level1 === '成本指标')
    ) {
      level1 = parent;
    }
    const key = [
      level1,
      d.level2.value,
      normalizeLabel(d.name.value),
      d.target.text,
      d.actual.text,
      d.weight?.value.kind === 'number' ? d.weight.value.value.toFixed() : '',
      d.score?.value.kind === 'number' ? d.score.value.value.toFixed() : '',
    ].join('|');
    const first = d.name.value !== '' ? seen.get(key) : undefined;
    if (first === undefined && d.name.value !== '') seen.set(key, sheetTop + d.row);
    return {
      row: sheetTop + d.row,
      level1,
      level2: d.level2.value,
      name: d.name,
      target: d.target,
      actual: d.actual,
      weight: d.weight,
      score: d.score,
      reason: d.reason,
      duplicateOf: first ?? null,
    };
  });
}
