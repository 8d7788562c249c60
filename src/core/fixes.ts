import { CellWrite } from './cellWrite';
import { Decimal } from './decimal';
import { Finding } from './findings';
import { countedIndicators, Form, FundRow, Read, totalFundRow } from './form';
import { fundRate } from './fundScore';
import { gradeOf } from './grade';
import { Cell, cellAt, Grid, parseAddress } from './grid';
import { formatNumber, isPercentFormat } from './numberFormat';
import { RuleProfile } from './profiles';
import { NumberReading } from './values';
import type { FormResult } from './engine';

/**
 * One-click fixes (issue 14): a finding whose correct value the form itself determines
 * (执行率, 资金得分, 总分, 等级, a 年度资金总额 that should be the sum of its lines) carries
 * the value to write. What only a person can decide (an indicator's 得分, a missing
 * 偏差原因) gets no fix: its message says what to write.
 */
export interface Fix {
  cell: string;
  /**
   * The value in the cell's own units: percent points for a percent cell (`84.13` for
   * 84.13%), the stored number for a number cell, the text for a text cell.
   */
  value: string;
  /** `percent`: a number cell shown as a percent (stores value ÷ 100); `number`; `text`. */
  as: 'number' | 'percent' | 'text';
  /** For a blank cell, which has no format of its own to keep: the format to give it. */
  numberFormat?: string;
}

/** The cell write that applies a fix, keeping the cell's own number format. */
export function fixWrite(sheet: string, fix: Fix): CellWrite {
  if (fix.as === 'text') return { sheet, cell: fix.cell, kind: 'text', value: fix.value, numberFormat: null };
  const stored = fix.as === 'percent' ? new Decimal(fix.value).div(100) : new Decimal(fix.value);
  return { sheet, cell: fix.cell, kind: 'number', value: stored.toFixed(), numberFormat: fix.numberFormat ?? null };
}

type Kind = 'rate' | 'fundScore' | 'total' | 'grade' | 'amount';

/** The cells whose value the form determines, with what each should hold. */
interface Target {
  kind: Kind;
  /** For a rate: percent points; for 等级: the grade text; else the number. */
  value: Decimal | string;
  /** Whether the fund table's 执行率 column is labelled in percent (`执行率(%)`). */
  percentColumn?: boolean;
}

const FIXABLE_CODES = new Set([
  'FUND_RATE_MISMATCH',
  'FUND_SCORE_MISMATCH',
  'SCORE_EXCEEDS_WEIGHT',
  'FUND_SUBTOTAL_MISMATCH',
  'TOTAL_MISMATCH',
  'TOTAL_RECOMPUTED_MISMATCH',
  'GRADE_MISMATCH',
  'EMPTY_FIELD',
]);

/** The form's findings, each fixable one with its fix. `grid` is the form's sheet. */
export function withFixes(result: FormResult, profile: RuleProfile, grid: Grid | undefined): Finding[] {
  if (!grid || result.form.kind !== 'self-eval') return result.findings;
  // Most forms have nothing fixable: no need to work out what their cells should hold.
  if (!result.findings.some((f) => FIXABLE_CODES.has(f.code))) return result.findings;
  try {
    const targets = targetsOf(result, profile);
    return result.findings.map((f) => {
      if (!FIXABLE_CODES.has(f.code)) return f;
      const target = targets.get(f.cell);
      if (!target) return f;
      const fix = fixFor(f.cell, target, cellIn(grid, f.cell), profile.places);
      return fix ? { ...f, fix } : f;
    });
  } catch {
    // A form the fixes cannot make sense of keeps its findings, only without fixes.
    return result.findings;
  }
}

function cellIn(grid: Grid, a1: string): Cell {
  const { row, col } = parseAddress(a1);
  return cellAt(grid, row - grid.top, col - grid.left);
}

/** Every cell of the form whose value is determined, keyed by address. */
function targetsOf(result: FormResult, profile: RuleProfile): Map<string, Target> {
  const { form, fund, totals } = result;
  const out = new Map<string, Target>();
  const rows = form.fund?.rows ?? [];
  const percentColumn = form.fund?.rateColumnIsPercent ?? false;
  for (const row of rows) {
    const budget = numberOf(row.budget);
    const actual = numberOf(row.actual);
    if (row.rate && budget !== null && actual !== null && budget.gt(0) && !actual.isNegative()) {
      out.set(row.rate.cell, { kind: 'rate', value: fundRate(budget, actual, profile)!, percentColumn });
    }
  }
  const totalRow = totalFundRow(form);
  if (totalRow)
    for (const [cell, sum] of subtotalTargets(result, totalRow)) out.set(cell, { kind: 'amount', value: sum });
  const scoreCell = totalRow?.score?.cell;
  const fundScoreFixed =
    fund !== null && fund.score.computed !== null && (fund.scoreWrong || totalRow?.score?.value.kind === 'empty');
  if (scoreCell && fundScoreFixed) out.set(scoreCell, { kind: 'fundScore', value: fund.score.computed! });
  if (!totals) return out;
  const total = totalTarget(form, result, fundScoreFixed);
  if (total !== null && form.total?.score && inScoreColumn(form, form.total.score.cell)) {
    out.set(form.total.score.cell, { kind: 'total', value: total });
  }
  const grade = total !== null ? gradeOf(total) : totals.grade.computed;
  if (grade && form.grade) out.set(form.grade.cell, { kind: 'grade', value: grade });
  return out;
}

/**
 * Whether a 总分 cell sits in the indicators' 得分 column. With the 总分 left blank, the
 * 总分 row's only number may be its 分值 (100), read as the 总分: writing there would
 * overwrite the 分值.
 */
export function inScoreColumn(form: Form, a1: string): boolean {
  const column = (cell: string) => /^[A-Z]+/.exec(cell)![0];
  const scores = countedIndicators(form).flatMap((i) => (i.score ? [column(i.score.cell)] : []));
  return scores.length > 0 && scores.every((c) => c === column(a1));
}

function numberOf(read: Read<NumberReading> | null): Decimal | null {
  return read?.value.kind === 'number' ? read.value.value : null;
}

/**
 * 总分 as the form determines it: the indicators' 得分 as shown, plus the 资金得分 where it
 * counts (the corrected one when that is being fixed). Null when a 得分 is not a number,
 * since then only a person can say what the total is.
 */
function totalTarget(form: Form, result: FormResult, fundScoreFixed: boolean): Decimal | null {
  const rows = countedIndicators(form);
  if (rows.length === 0) return null;
  let sum = new Decimal(0);
  for (const r of rows) {
    const v = r.score?.value;
    if (v && v.kind !== 'number' && v.kind !== 'empty') return null;
    if (v?.kind === 'number') sum = sum.plus(v.shown);
  }
  if (!result.totals!.fundInTotal) return sum;
  const fundScore = fundScoreFixed ? result.fund!.score.computed : (result.fund?.score.printed ?? null);
  return fundScore === null ? null : sum.plus(fundScore);
}

/**
 * 年度资金总额 amounts that disagree with their lines, when no finding questions a line
 * (a line's amounts, 执行率 or text): then the lines are the record, the total a slip.
 */
function subtotalTargets(result: FormResult, totalRow: FundRow): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const parts = result.form.fund!.rows.filter((r) => r.line !== 'total');
  const questioned = new Set(result.findings.filter((f) => f.code !== 'FUND_SUBTOTAL_MISMATCH').map((f) => f.cell));
  const lineCells = parts.flatMap((p) => [p.label, p.initialBudget, p.budget, p.actual, p.rate, p.score]);
  if (lineCells.some((c) => c && questioned.has(c.cell))) return out;
  for (const f of result.findings) {
    if (f.code !== 'FUND_SUBTOTAL_MISMATCH') continue;
    const key = (['initialBudget', 'budget', 'actual'] as const).find((k) => totalRow[k]?.cell === f.cell);
    if (!key || parts.length === 0) continue;
    // As the check does: lines left blank in a column were not filled in, and add nothing.
    const values = parts.map((p) => numberOf(p[key])).filter((v): v is Decimal => v !== null);
    if (values.length === 0) continue;
    out.set(
      f.cell,
      values.reduce((s, v) => s.plus(v), new Decimal(0)),
    );
  }
  return out;
}

/** The fix that writes `target` into `cell` the way the cell already holds its value. */
function fixFor(address: string, target: Target, cell: Cell, places: number): Fix | null {
  if (target.kind === 'grade') return { cell: address, value: target.value as string, as: 'text' };
  const value = target.value as Decimal;
  const isText = typeof cell.value === 'string';
  // Amounts as precise as their lines; rates and scores at least at the profile's precision.
  const digits = target.kind === 'amount' ? value.decimalPlaces() : Math.max(places, value.decimalPlaces());
  if (target.kind !== 'rate') {
    return isText
      ? { cell: address, value: value.toFixed(digits), as: 'text' }
      : { cell: address, value: value.toFixed(), as: 'number' };
  }
  if (isText) {
    const shownAsPercent = /%/.test(cell.value as string) || !target.percentColumn;
    return { cell: address, value: `${value.toFixed(digits)}${shownAsPercent ? '%' : ''}`, as: 'text' };
  }
  if (isPercentFormat(cell.format)) return { cell: address, value: value.toFixed(), as: 'percent' };
  if (cell.value === null && !target.percentColumn) {
    return {
      cell: address,
      value: value.toFixed(),
      as: 'percent',
      numberFormat: places === 0 ? '0%' : `0.${'0'.repeat(places)}%`,
    };
  }
  if (target.percentColumn) return { cell: address, value: value.toFixed(), as: 'number' };
  // A plain 执行率 column reads a number up to 1 as a fraction (0.8413 is 84.13%).
  const fraction = value.lte(1) || (typeof cell.value === 'number' && cell.value <= 1 && value.lte(100));
  return { cell: address, value: fraction ? value.div(100).toFixed() : value.toFixed(), as: 'number' };
}

/** A grid with some cells written, each keeping its number format; the input is left as it was. */
export function applyWrites(grid: Grid, writes: CellWrite[]): Grid {
  const mine = writes.filter((w) => w.sheet === grid.sheet);
  if (mine.length === 0) return grid;
  const cells = grid.cells.map((row) => (row ? [...row] : row));
  for (const w of mine) {
    const { row, col } = parseAddress(w.cell);
    const r = row - grid.top;
    const c = col - grid.left;
    if (r < 0 || c < 0) continue;
    while (cells.length <= r) cells.push([]);
    const line = (cells[r] ??= []);
    const format = w.numberFormat ?? line[c]?.format;
    line[c] = writtenCell(w, format);
  }
  return { ...grid, cells };
}

function writtenCell(w: CellWrite, format: string | undefined): Cell {
  const value = w.kind === 'formula' ? w.result : { kind: w.kind, value: w.value };
  if (!value) return { value: null, text: '', format };
  if (value.kind === 'text') return { value: value.value, text: value.value, format };
  const n = Number(value.value);
  return { value: n, text: formatNumber(n, format), format };
}
