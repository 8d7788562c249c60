import { Grid, addressOf, cellAt, rangeOf, textAt } from './grid';
import { DeclarationFunds, Form, FundRow, FundTable, Read } from './form';
import { FormRegion } from './locate';
import {
  FIELD_LABELS,
  FundColumn,
  amountUnitOf,
  fundColumnOf,
  fundLineOf,
  indicatorColumnOf,
  isFundHeader,
  matches,
  normalizeLabel,
} from './labels';
import { IndicatorColumns, readIndicatorRows } from './indicatorRows';
import { NumberReading, readNumber } from './values';

/** Reads one located form: its fields, fund table, indicators, 总分 and 评分等级. */
export function readForm(grid: Grid, region: FormRegion): Form {
  const { top, bottom, left, right } = region;
  const rows: number[] = [];
  for (let r = top; r <= bottom; r++) rows.push(r);
  const problems: Form['problems'] = [];
  const find = (re: RegExp, from = top, to = bottom) => {
    for (let r = from; r <= to; r++)
      for (let c = left; c <= right; c++) if (matches(textAt(grid, r, c), re)) return { r, c };
    return null;
  };
  const field = (re: RegExp): Read<string> | null => {
    const at = find(re);
    if (!at) return null;
    return valueRightOf(grid, at.r, at.c, right);
  };

  const range = rangeOf(grid, top, left, bottom, right);
  const form: Form = {
    id: `${grid.sheet}!${range}`,
    kind: region.kind,
    sheet: grid.sheet,
    range,
    anchor: addressOf(grid, top, left),
    project: field(FIELD_LABELS.project),
    department: field(FIELD_LABELS.department),
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

  const header = indicatorHeaderRow(grid, region);
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
      rows.filter((r) => r > header.row && r <= last),
      left,
      right,
      header.cols,
      region.kind,
    );
    if (gradeAt) form.grade = valueRightOf(grid, gradeAt.r, gradeAt.c, right);
  }
  if (totalAt) form.total = readTotal(grid, totalAt.r, totalAt.c, bottom, right);
  else if (region.kind === 'self-eval' && header) {
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
  for (let x = c + 1; x <= right; x++) {
    const t = textAt(grid, r, x);
    if (t === '') continue;
    if (isFieldLabel(t)) break;
    return { value: t, cell: addressOf(grid, r, x), col: x };
  }
  return { value: '', cell: addressOf(grid, r, c + 1), col: c + 1 };
}

function isFieldLabel(t: string): boolean {
  const key = normalizeLabel(t);
  return (
    Object.values(FIELD_LABELS).some((re) => re.test(key)) ||
    /^(项目类别|计划开始日期|计划完成日期|其中当年财政拨款|上年结转资金|其他资金)$/.test(key)
  );
}

function yearOf(grid: Grid, region: FormRegion): number | null {
  for (let r = region.top; r <= Math.min(region.bottom, region.top + 5); r++)
    for (let c = region.left; c <= region.right; c++) {
      const m = /((?:19|20)\d{2})\s*年度/.exec(textAt(grid, r, c).normalize('NFKC'));
      if (m) return Number(m[1]);
    }
  return null;
}

function indicatorHeaderRow(grid: Grid, region: FormRegion): { row: number; cols: IndicatorColumns } | null {
  for (let r = region.top; r <= region.bottom; r++) {
    const cols: IndicatorColumns = {};
    for (let c = region.left; c <= region.right; c++) {
      const col = indicatorColumnOf(textAt(grid, r, c));
      if (col && cols[col] === undefined) cols[col] = c;
    }
    const structural = ['level1', 'level2', 'level3', 'target', 'actual'].filter((k) => k in cols).length;
    if (structural >= 3) return { row: r, cols };
  }
  return null;
}

function readFundTable(grid: Grid, region: FormRegion, end: number): FundTable | null {
  for (let r = region.top; r <= end; r++) {
    for (let c = region.left; c <= region.right; c++) {
      const t = textAt(grid, r, c);
      if (!isFundHeader(t)) continue;
      const cols: Partial<Record<FundColumn, number>> = {};
      let rateColumnIsPercent = false;
      for (let x = c + 1; x <= region.right; x++) {
        const label = textAt(grid, r, x);
        const col = fundColumnOf(label);
        if (col && cols[col] === undefined) cols[col] = x;
        if (col === 'rate' && normalizeLabel(label).includes('%')) rateColumnIsPercent = true;
      }
      // A header with no known column (a form cut off, or noise) still bounds the label search.
      const firstValueCol = Math.min(region.right + 1, ...Object.values(cols));
      const rows: FundRow[] = [];
      for (let y = r + 1; y <= end; y++) {
        let line = null;
        let labelCol = -1;
        for (let x = region.left; x < firstValueCol; x++) {
          line = fundLineOf(textAt(grid, y, x));
          if (line) {
            labelCol = x;
            break;
          }
        }
        if (!line) {
          if (rows.length > 0) break;
          continue;
        }
        const at = (k: FundColumn): Read<NumberReading> | null =>
          cols[k] === undefined
            ? null
            : { value: readNumber(cellAt(grid, y, cols[k]!)), cell: addressOf(grid, y, cols[k]!) };
        rows.push({
          line,
          label: { value: textAt(grid, y, labelCol), cell: addressOf(grid, y, labelCol) },
          initialBudget: at('initialBudget'),
          budget: at('budget'),
          actual: at('actual'),
          weight: at('weight'),
          rate: at('rate'),
          score: at('score'),
        });
      }
      return { unit: amountUnitOf(t), rateColumnIsPercent, rows };
    }
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
  for (let r = region.top; r <= end; r++) {
    for (let c = region.left; c <= region.right; c++) {
      const t = textAt(grid, r, c);
      if (t === '') continue;
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

/** The 总分 row: 分值 then 得分, on the same row or, when the PDF broke it, on the lines below. */
function readTotal(grid: Grid, r: number, c: number, bottom: number, right: number): Form['total'] {
  const numbers: Read<NumberReading>[] = [];
  for (let y = r; y <= bottom && numbers.length < 2; y++) {
    for (let x = y === r ? c + 1 : 0; x <= right && numbers.length < 2; x++) {
      const t = textAt(grid, y, x);
      if (t === '') continue;
      if (y !== r && !/^[\d.,\s]+$/.test(t)) return finishTotal(grid, r, c, numbers);
      const reading = readNumber(cellAt(grid, y, x));
      if (reading.kind !== 'empty') numbers.push({ value: reading, cell: addressOf(grid, y, x) });
    }
  }
  return finishTotal(grid, r, c, numbers);
}

function finishTotal(grid: Grid, r: number, c: number, numbers: Read<NumberReading>[]): Form['total'] {
  return {
    label: { value: textAt(grid, r, c), cell: addressOf(grid, r, c) },
    weight: numbers.length >= 2 ? numbers[0] : null,
    score: numbers.length >= 2 ? numbers[1] : (numbers[0] ?? null),
  };
}
