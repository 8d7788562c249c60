import { Cell, Grid, addressOf, cellAt, filledCells, textAt } from './grid';
import { Indicator, FormKind, Read } from './form';
import { IndicatorColumns } from './indicatorHeader';
import {
  IndicatorColumn,
  isLevel1Name,
  isLevel2Name,
  isPlaceholder,
  isTableCaption,
  isWeightOnly,
  labelKey,
  normalizeLabel,
  parentOfLevel2,
} from './labels';
import { BREAKDOWN } from './vocabulary';
import { isPercentFormat } from './numberFormat';
import { Measure, NumberReading, parseMeasure, readNumber } from './values';

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
  if (typeof cell.value === 'number') return parseMeasure(cell.value, isPercentFormat(cell.format));
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
    const filled: LabelCell[] = filledCells(grid, r).filter((c) => c.col >= left && c.col <= right);
    if (filled.length === 0) continue;
    const placed = kind === 'self-eval' ? placeScored(grid, r, filled, cols, right) : placeDeclared(filled, cols);
    if (!placed) {
      // A blank template's leftovers (指标2, ……) and 其中 breakdown rows are no
      // indicators and no fragments of one; the level names they carry still count.
      const cls = classifyLabels(filled, filled);
      const names = cls.filter((x) => x.kind === 'name');
      if (namesNoIndicator(names)) {
        applyFragment(cls.filter((x) => x.kind !== 'name'));
        continue;
      }
      // A level name with a name after it, on a row of its own, starts an indicator
      // whose cells are blank (a form cut off, or not filled in).
      if (kind === 'self-eval' && names.length > 0 && cls.some((x) => x.kind === 'level1' || x.kind === 'level2')) {
        // Its cells are where the header says, moved as far as its name is from 三级指标.
        const shift = cols.level3 !== undefined ? names[names.length - 1].col - cols.level3 : 0;
        const at = (c: number | undefined) => (c === undefined ? null : c + shift);
        const T = cols.target ?? cols.actual ?? (cols.weight ?? right) - 2;
        const placedBlank: Placement = {
          shift,
          targetCol: T + shift,
          actualCol: (cols.actual ?? T + 1) + shift,
          weightCol: at(cols.weight),
          scoreCol: at(cols.score),
          reasonCol: at(cols.reason),
          labels: filled,
        };
        addRow(r, placedBlank);
        continue;
      }
      applyFragment(filled);
      continue;
    }
    if (isSkipped(placed.labels, grid, r, placed)) {
      applyFragment(classifyLabels(placed.labels, placed.labels).filter((x) => x.kind !== 'name'));
      continue;
    }
    addRow(r, placed);
  }
  settleLevels(null);
  if (pendingName.length > 0 && drafts.length > 0) {
    const last = drafts[drafts.length - 1];
    last.name = { ...last.name, value: last.name.value + pendingName.map((p) => p.text).join('') };
  }
  return finish(drafts, grid.top);

  function addRow(r: number, placed: Placement) {
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
    const tCell = targetCol >= 0 ? targetCell(grid, r, cols, shift, targetCol) : null;
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
}

function readAt(grid: Grid, r: number, c: number): Read<NumberReading> {
  return { value: readNumber(cellAt(grid, r, c)), cell: addressOf(grid, r, c) };
}

function reasonAt(grid: Grid, r: number, from: number, right: number): Read<string> {
  const parts = filledCells(grid, r)
    .filter((c) => c.col >= from && c.col <= right)
    .map((c) => c.text);
  return { value: parts.join(' '), cell: addressOf(grid, r, Math.max(0, from)) };
}

/**
 * The 年度指标值 cell; under a two-row header that splits it into 指标性质 | 指标值 |
 * 度量单位 (`≥ | 95 | %`), one text cell joined from the three.
 */
function targetCell(grid: Grid, r: number, cols: IndicatorColumns, shift: number, targetCol: number): Cell {
  const value = cellAt(grid, r, targetCol);
  if (cols.targetOp === undefined && cols.targetUnit === undefined) return value;
  const part = (c: number | undefined) => (c === undefined ? '' : textAt(grid, r, c + shift));
  const text = `${part(cols.targetOp)}${value.text.trim()}${part(cols.targetUnit)}`;
  return text === '' ? value : { value: text, text };
}

/**
 * Whether a placed row is a 其中 breakdown under a ★ core indicator (a target and an
 * actual, no 分值 or 得分 of its own) or a blank template's placeholder row.
 */
function isSkipped(labels: LabelCell[], grid: Grid, r: number, placed: Placement): boolean {
  const scored = [placed.weightCol, placed.scoreCol].some(
    (c) => c !== null && readNumber(cellAt(grid, r, c)).kind === 'number',
  );
  return !scored && namesNoIndicator(classifyLabels(labels, labels).filter((x) => x.kind === 'name'));
}

/** Names a blank template leaves (`指标2`, `……`) or a 其中 breakdown's: no indicator's. */
function namesNoIndicator(names: Classified[]): boolean {
  return (
    names.some((x) => BREAKDOWN.test(normalizeLabel(x.text))) ||
    (names.length > 0 && names.every((x) => isPlaceholder(x.text)))
  );
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

const LABEL_COLUMNS: ReadonlySet<IndicatorColumn> = new Set(['level1', 'level2', 'level3']);
const NUMBER_COLUMNS: ReadonlySet<IndicatorColumn> = new Set(['weight', 'score']);
const VALUE_COLUMNS: ReadonlySet<IndicatorColumn> = new Set(['target', 'actual']);

/**
 * A 自评表 row: its cells sit at the header's columns give or take the row's offset,
 * since PDF rows shift. Each offset is weighed by how well the row's cells fit the
 * columns they would fall in (names in label columns, numbers in 分值 and 得分, nothing
 * outside the table, 得分 within 分值); the best wins, the header's own columns on a
 * tie. Column order is whatever the header says (分值 before 年度指标值 in some provinces).
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
  const { kinds, firstValue, lastColumn } = shapeOf(cols);
  const reading = (c: number) => readNumber(cellAt(grid, r, c));
  // 分值 and 得分 are plain numbers: a percent (`100.00(%)`) is a target or an actual.
  const score = (c: number) => {
    const x = reading(c);
    return x.kind === 'number' && !x.percent ? x.value : null;
  };
  // What each cell is, once; then each offset only looks it up.
  const facts = filled.map((f) => {
    const x = reading(f.col);
    return {
      col: f.col,
      text: f.text,
      isNumber: x.kind === 'number',
      isScore: x.kind === 'number' && !x.percent,
      isError: x.kind === 'error',
    };
  });
  let best: { shift: number; fit: number } | null = null;
  for (const s of SHIFTS) {
    if (W + s < 0 || S + s < 0 || W + s > right || S + s > right) continue;
    const w = score(W + s);
    const sc = score(S + s);
    if (w === null && sc === null) continue;
    let fit = 0;
    if (w !== null && sc !== null) fit += sc.lte(w) ? 4 : 2;
    for (const f of facts) {
      const h = f.col - s;
      const k = kinds.get(h);
      let add: number;
      if (k === undefined) add = h < firstValue ? (f.isNumber ? -4 : 0) : h > lastColumn ? -4 : -2;
      else if (LABEL_COLUMNS.has(k)) add = f.isNumber ? -4 : levelFits(f.text, k, cols) ? 2 : -4;
      else if (NUMBER_COLUMNS.has(k)) add = f.isScore ? 4 : f.isError || f.isNumber ? -1 : -4;
      else if (k === 'targetOp') add = isOperator(f.text) ? 2 : -4;
      else if (k === 'targetUnit') add = f.isNumber ? -4 : 2;
      else if (VALUE_COLUMNS.has(k)) add = 2;
      else add = 1;
      fit += add;
    }
    if (!best || fit > best.fit) best = { shift: s, fit };
  }
  let shift = best?.shift ?? null;
  if (shift === null) {
    // Target and actual filled but no 分值/得分 at all: an indicator row with blanks.
    const T = cols.target;
    const A = cols.actual;
    if (T === undefined || A === undefined) return null;
    const inValues = filled.filter((f) => f.col >= firstValue && f.col <= lastColumn && kinds.has(f.col));
    const labelish = filled.filter((f) => f.col < firstValue);
    // Both a target and an actual: one value alone may be a name pushed right.
    if (inValues.length < 2 || labelish.length === 0) return null;
    shift = 0;
  }
  const T = cols.target !== undefined ? cols.target + shift : W + shift - 2;
  const A = cols.actual !== undefined ? cols.actual + shift : W + shift - 1;
  const R = cols.reason !== undefined ? cols.reason + shift : Math.max(T, A, W + shift, S + shift) + 1;
  return {
    shift,
    targetCol: T,
    actualCol: A,
    weightCol: W + shift,
    scoreCol: S + shift,
    reasonCol: R,
    labels: filled.filter((f) => f.col < firstValue + shift),
  };
}

/** What a 指标性质 cell holds: a comparison sign or word (`≥`, `﹦`, `不低于`). */
function isOperator(text: string): boolean {
  return /^[<>=≥≤≧≦═≈]{1,2}$|^(大于|小于|等于|不低于|不高于|不少于|不超过|定性|定量|正向|反向)/.test(
    normalizeLabel(text),
  );
}

/** Whether a label may stand in a level column: a 一级 name in the 一级 column, a 二级 name in the 二级. */
function levelFits(text: string, k: IndicatorColumn, cols: IndicatorColumns): boolean {
  const level1 = isLevel1Name(text);
  const level2 = isLevel2Name(text);
  if (level1 && !level2) return k === 'level1' || cols.level1 === undefined;
  if (level2 && !level1) return k === 'level2' || cols.level2 === undefined;
  return true;
}

type Shape = { kinds: Map<number, IndicatorColumn>; firstValue: number; lastColumn: number };
const shapes = new WeakMap<IndicatorColumns, Shape>();

/** Which column holds what, where the value columns start and where the table ends. */
function shapeOf(cols: IndicatorColumns): Shape {
  let shape = shapes.get(cols);
  if (shape === undefined) {
    const kinds = new Map<number, IndicatorColumn>();
    for (const [k, c] of Object.entries(cols) as [IndicatorColumn, number][]) kinds.set(c, k);
    const values = [cols.targetOp, cols.target, cols.actual, cols.weight, cols.score].filter(
      (c): c is number => c !== undefined,
    );
    shape = { kinds, firstValue: Math.min(...values), lastColumn: Math.max(...kinds.keys()) };
    shapes.set(cols, shape);
  }
  return shape;
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

/**
 * Tells 一级/二级 names, captions and 三级 names apart by what they say. Level names may
 * carry their weight (`产出指标(50分)`) or be only a weight (`(50分)`, a caption here:
 * the 一级 then follows from the 二级).
 */
function classifyLabels(labels: LabelCell[], context: LabelCell[]): Classified[] {
  const out: Classified[] = [];
  let sawLevel1 = false;
  let sawLevel2 = false;
  labels.forEach((lab) => {
    const key = labelKey(lab.text);
    if (isTableCaption(lab.text) || isWeightOnly(lab.text)) {
      out.push({ kind: 'caption', text: key, col: lab.col });
      return;
    }
    if (key === '成本指标') {
      // 一级 成本指标 (newer templates) when a 成本 sub-type follows it; else the old 二级.
      const next = context.find((x) => x.col > lab.col);
      const asLevel1 = next !== undefined && parentOfLevel2(next.text) === '成本指标';
      if (!asLevel1 && sawLevel2) out.push({ kind: 'name', text: lab.text, col: lab.col });
      else out.push({ kind: asLevel1 ? 'level1' : 'level2', text: key, col: lab.col });
      if (asLevel1) sawLevel1 = true;
      else sawLevel2 = true;
      return;
    }
    // 满意度指标 is a 一级, and in some templates its own 二级 too.
    if (isLevel1Name(key) && !sawLevel1 && !sawLevel2) {
      out.push({ kind: 'level1', text: key, col: lab.col });
      sawLevel1 = true;
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
