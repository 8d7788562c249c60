import { Grid, addressOf, cellAt, filledCells, filledRows, rangeOf, textAt } from './grid';
import { DeclarationFunds, Form, Read } from './form';
import { FormRegion } from './locate';
import {
  FIELD_LABELS,
  OTHER_FIELD_LABELS,
  amountUnitOf,
  isDeclarationTitle,
  isFundHeader,
  isGradeWord,
  isSelfEvalTitle,
  matches,
  normalizeLabel,
} from './labels';
import { DEPARTMENT_TITLE } from './vocabulary';
import { readIndicatorRows } from './indicatorRows';
import { IndicatorColumns, findIndicatorHeader } from './indicatorHeader';
import { readFundTable } from './fundTable';
import { NumberReading, readNumber } from './values';

/** Reads one located form: its fields, fund table, indicators, 总分 and 评分等级. */
export function readForm(grid: Grid, region: FormRegion): Form {
  const { top, bottom, left, right } = region;
  const problems: Form['problems'] = [];
  const find = (re: RegExp, from = top, to = bottom) => {
    for (const r of filledRows(grid, from, to))
      for (const { col: c, text } of filledCells(grid, r))
        if (c >= left && c <= right && matches(text, re)) return { r, c };
    return null;
  };
  const field = (re: RegExp): Read<string> | null => {
    const at = find(re);
    if (!at) return null;
    return valueRightOf(grid, at.r, at.c, right);
  };

  const range = rangeOf(grid, top, left, bottom, right);
  const title = filledCells(grid, top).find((c) => isSelfEvalTitle(c.text) || isDeclarationTitle(c.text));
  const scope = title && DEPARTMENT_TITLE.test(normalizeLabel(title.text)) ? 'department' : 'project';
  const department = field(FIELD_LABELS.department);
  const form: Form = {
    id: `${grid.sheet}!${range}`,
    kind: region.kind,
    scope,
    sheet: grid.sheet,
    range,
    anchor: addressOf(grid, top, left),
    // A department-wide form names its 部门 where a project form names the project.
    project: field(FIELD_LABELS.project) ?? (scope === 'department' ? department : null),
    department,
    unit: field(FIELD_LABELS.unit),
    year: yearOf(grid, region),
    fund: null,
    declarationFunds: null,
    indicators: [],
    indicatorHeader: null,
    total: null,
    grade: null,
    problems,
  };

  const header = findIndicatorHeader(grid, region);
  const totalAt = find(FIELD_LABELS.total, header ? header.row + 1 : top);
  const fundEnd = header ? header.row - 1 : bottom;
  if (region.kind === 'self-eval') form.fund = readFundTable(grid, region, fundEnd);
  else form.declarationFunds = readDeclarationFunds(grid, region, fundEnd);

  if (!header) {
    problems.push({
      cell: form.anchor,
      message: '没有找到绩效指标表（一级指标/二级指标/三级指标/年度指标值 表头），表格可能不完整',
    });
  } else {
    form.indicatorHeader = {
      value: '绩效指标',
      cell: addressOf(grid, header.row, header.cols.level1 ?? header.cols.level2 ?? left),
    };
    const gradeAt = find(FIELD_LABELS.grade, header.row + 1);
    const last = Math.min(totalAt ? totalAt.r - 1 : bottom, gradeAt ? gradeAt.r - 1 : bottom);
    form.indicators = readIndicatorRows(
      grid,
      filledRows(grid, header.row + 1, last),
      left,
      right,
      header.cols,
      region.kind,
    );
    if (gradeAt) form.grade = valueRightOf(grid, gradeAt.r, gradeAt.c, right);
  }
  if (totalAt) {
    form.total = readTotal(grid, totalAt.r, totalAt.c, bottom, right, header?.cols ?? null);
    // Some templates print the grade in the 总分 row's last cell, with no label of its own.
    if (!form.grade) {
      const last = filledCells(grid, totalAt.r)
        .filter((c) => c.col > totalAt.c && c.col <= right)
        .pop();
      if (last && isGradeWord(last.text)) form.grade = { value: last.text, cell: addressOf(grid, totalAt.r, last.col) };
    }
  } else if (region.kind === 'self-eval' && header) {
    problems.push({ cell: addressOf(grid, bottom, left), message: '没有找到“总分”行，表格可能不完整' });
  }
  return form;
}

/** The text of the first filled cell right of a label, stopping at the next label. */
function valueRightOf(grid: Grid, r: number, c: number, right: number): Read<string> {
  const { value, cell } = labelValueAt(grid, r, c, right);
  return { value, cell };
}

function labelValueAt(grid: Grid, r: number, c: number, right: number): Read<string> & { col: number } {
  for (const { col: x, text: t } of filledCells(grid, r)) {
    if (x <= c || x > right) continue;
    if (isFieldLabel(t)) break;
    return { value: t, cell: addressOf(grid, r, x), col: x };
  }
  return { value: '', cell: addressOf(grid, r, c + 1), col: c + 1 };
}

function isFieldLabel(t: string): boolean {
  const key = normalizeLabel(t);
  return Object.values(FIELD_LABELS).some((re) => re.test(key)) || OTHER_FIELD_LABELS.test(key);
}

function yearOf(grid: Grid, region: FormRegion): number | null {
  for (const r of filledRows(grid, region.top, Math.min(region.bottom, region.top + 5)))
    for (const { text } of filledCells(grid, r)) {
      const m = /((?:19|20)\d{2})\s*年度/.exec(text.normalize('NFKC'));
      if (m) return Number(m[1]);
    }
  return null;
}

function readDeclarationFunds(grid: Grid, region: FormRegion, end: number): DeclarationFunds | null {
  let unit: '元' | '万元' = '元';
  const found: Partial<Record<keyof Omit<DeclarationFunds, 'unit'>, Read<NumberReading>>> = {};
  const labelCols: number[] = [];
  const read = (r: number, c: number): Read<NumberReading> => {
    const v = labelValueAt(grid, r, c, region.right);
    return { value: v.value === '' ? { kind: 'empty' } : readNumber(cellAt(grid, r, v.col)), cell: v.cell };
  };
  let any = false;
  for (const r of filledRows(grid, region.top, end)) {
    for (const { col: c, text: t } of filledCells(grid, r)) {
      if (c < region.left || c > region.right) continue;
      if (isFundHeader(t)) unit = amountUnitOf(t);
      const key = normalizeLabel(t);
      if (FIELD_LABELS.declTotal.test(key)) {
        found.total = read(r, c);
        labelCols[0] = c;
        any = true;
      } else if (FIELD_LABELS.declFiscal.test(key)) found.fiscal = read(r, c);
      else if (FIELD_LABELS.declYearTotal.test(key)) {
        found.yearTotal = read(r, c);
        labelCols[1] = c;
        any = true;
      } else if (/^其中当年财政拨款$/.test(key)) found.yearFiscal = read(r, c);
      else if (/^上年结转资金$/.test(key)) found.yearCarryOver = read(r, c);
      else if (/^其他资金$/.test(key)) {
        const mid = labelCols.length === 2 ? (labelCols[0] + labelCols[1]) / 2 : Infinity;
        if (c < mid) found.other = read(r, c);
        else found.yearOther = read(r, c);
      }
    }
  }
  if (!any) return null;
  return {
    unit,
    total: found.total ?? null,
    fiscal: found.fiscal ?? null,
    other: found.other ?? null,
    yearTotal: found.yearTotal ?? null,
    yearFiscal: found.yearFiscal ?? null,
    yearCarryOver: found.yearCarryOver ?? null,
    yearOther: found.yearOther ?? null,
  };
}

/**
 * The 总分 row: 分值 then 得分, on the same row or, when the PDF broke it, on the lines
 * below. A lone number on the row is its 得分, unless it stands under 分值 (the 总分
 * left blank): then the 得分 cell is the blank one under 得分, never the 分值 100.
 */
function readTotal(
  grid: Grid,
  r: number,
  c: number,
  bottom: number,
  right: number,
  cols: IndicatorColumns | null,
): Form['total'] {
  const numbers: { read: Read<NumberReading>; col: number; row: number }[] = [];
  for (const y of filledRows(grid, r, bottom)) {
    if (numbers.length >= 2) break;
    for (const { col: x, text: t } of filledCells(grid, y)) {
      if ((y === r && x <= c) || x > right || numbers.length >= 2) continue;
      if (y !== r && !/^[\d.,\s]+$/.test(t)) return finishTotal(grid, r, c, numbers, cols);
      const reading = readNumber(cellAt(grid, y, x));
      if (reading.kind !== 'empty')
        numbers.push({ read: { value: reading, cell: addressOf(grid, y, x) }, col: x, row: y });
    }
  }
  return finishTotal(grid, r, c, numbers, cols);
}

function finishTotal(
  grid: Grid,
  r: number,
  c: number,
  numbers: { read: Read<NumberReading>; col: number; row: number }[],
  cols: IndicatorColumns | null,
): Form['total'] {
  const label = { value: textAt(grid, r, c), cell: addressOf(grid, r, c) };
  if (numbers.length >= 2) return { label, weight: numbers[0].read, score: numbers[1].read };
  const [only] = numbers;
  const W = cols?.weight;
  const S = cols?.score;
  if (only && only.row === r && W !== undefined && S !== undefined && Math.abs(only.col - W) < Math.abs(only.col - S)) {
    const scoreCol = S + only.col - W;
    return { label, weight: only.read, score: { value: { kind: 'empty' }, cell: addressOf(grid, r, scoreCol) } };
  }
  return { label, weight: null, score: only?.read ?? null };
}
