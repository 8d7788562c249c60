import { CellWrite, ConditionalRule } from './cellWrite';
import { Decimal, Rounding } from './decimal';
import type { FormResult, WorkbookResult } from './engine';
import { countedIndicators, Indicator, Read, totalFundRow } from './form';
import { inScoreColumn } from './fixes';
import { fundRate } from './fundScore';
import { gradeOf } from './grade';
import { cellAt, columnName, Grid, parseAddress } from './grid';
import { isPercentFormat } from './numberFormat';
import { RuleProfile } from './profiles';
import { NumberReading } from './values';

/**
 * 改为公式 (issue 14): formulas over the form's own cells for its 执行率, 资金得分, 总分 and
 * 等级, following the rule profile, and conditional formatting that marks 得分 problems
 * live. Plain Excel functions by default, so the workbook keeps checking itself for a
 * reader without PerfCheck, in Excel, WPS or LibreOffice; `=PERF.*` on request.
 */
export interface FormulaOptions {
  /** Use PerfCheck's PERF.RATE/SCORE/TOTAL/GRADE (needs the add-in to evaluate). */
  perf?: boolean;
}

export interface FormFormulas {
  writes: CellWrite[];
  rules: ConditionalRule[];
}

const EXCEL_ROUND: Record<Rounding, string> = { 'half-up': 'ROUND', up: 'ROUNDUP', down: 'ROUNDDOWN' };

/**
 * `x` rounded as the profile says. ROUNDUP and ROUNDDOWN first drop binary noise at 10
 * decimals: 0.07 × 100 is 7.000000000000001 as a float, which ROUNDUP would make 7.01.
 * The engine's exact arithmetic differs only for a rate within 1e-10 of a step.
 */
function rounded(x: string, places: number, rounding: Rounding): string {
  return `${EXCEL_ROUND[rounding]}(ROUND(${x},10),${places})`;
}

/** Mark colours: the same pale red and amber as the findings' highlights. */
const BELOW_FILL = '#FFEB9C';
const ABOVE_FILL = '#FFC7CE';

/** The formulas and rules for one checked self-evaluation form on `grid`, its sheet. */
export function formFormulas(
  result: FormResult,
  profile: RuleProfile,
  grid: Grid,
  options: FormulaOptions = {},
): FormFormulas {
  const { form, fund, totals } = result;
  const writes: CellWrite[] = [];
  if (form.kind !== 'self-eval') return { writes, rules: [] };
  const sheet = form.sheet;
  const cell = (a1: string) => {
    const { row, col } = parseAddress(a1);
    return cellAt(grid, row - grid.top, col - grid.left);
  };
  // What the formulas refer to must be a number to the spreadsheet too: `10分` or `1,000.00元`
  // reads as a number here, but Excel's arithmetic gives #VALUE! and SUM skips it.
  const computable = (read: Read<NumberReading> | null | undefined): boolean =>
    !!read &&
    read.value.kind === 'number' &&
    (typeof cell(read.cell).value === 'number' || !UNIT_MARKS.test(cell(read.cell).text));
  const places = profile.places;
  const decimalsFormat = places === 0 ? '0' : `0.${'0'.repeat(places)}`;
  // Every line's 执行率, so that none goes stale when its amounts change.
  for (const line of form.fund?.rows ?? []) {
    const budget = computable(line.budget) ? numberIn(line.budget) : null;
    const actual = computable(line.actual) ? numberIn(line.actual) : null;
    if (!line.rate || budget === null || actual === null || !budget.gt(0) || actual.isNegative()) continue;
    const computed = fundRate(budget, actual, profile)!;
    const target = cell(line.rate.cell);
    const points =
      form.fund!.rateColumnIsPercent && typeof target.value === 'number' && !isPercentFormat(target.format);
    const [b, a] = [line.budget!.cell, line.actual!.cell];
    const rateExpr = rounded(`${a}/${b}*100`, places, profile.rateRounding);
    const perf = `PERF.RATE(${b},${a},"${profile.id}")`;
    writes.push({
      sheet,
      cell: line.rate.cell,
      kind: 'formula',
      value: options.perf ? (points ? `${perf}*100` : perf) : `IF(${b}=0,"",${points ? rateExpr : `${rateExpr}/100`})`,
      result: { kind: 'number', value: (points ? computed : computed.div(100)).toFixed() },
      numberFormat: points || isPercentFormat(target.format) ? null : `${decimalsFormat}%`,
    });
  }
  const row = totalFundRow(form);
  let fundScoreRef: string | null = null;
  let fundScoreValue: Decimal | null = null;
  if (row && computable(row.budget) && computable(row.actual)) {
    const budget = row.budget!.cell;
    const actual = row.actual!.cell;
    const guard = (x: string) => `IF(${budget}=0,"",${x})`;
    const exact = `${actual}/${budget}*100`;
    const rateExpr = rounded(exact, places, profile.rateRounding);
    const weight = computable(row.weight) ? row.weight!.cell : (numberIn(row.weight)?.toFixed() ?? '10');
    if (row.score && fund?.score.computed) {
      const base = profile.scoreBase === 'exact' ? exact : rateExpr;
      const share = profile.scoreBase === 'exact' ? `${actual}/${budget}*${weight}` : `${rateExpr}/100*${weight}`;
      let score = `IF(${base}>=100,${weight},MIN(${rounded(share, places, profile.scoreRounding)},${weight}))`;
      if (profile.fullMarksThreshold !== null) {
        score = `IF(${exact}>=${profile.fullMarksThreshold.toFixed()},${weight},${score})`;
      }
      const perf = `PERF.SCORE(${budget},${actual},${weight},"${profile.id}")`;
      writes.push({
        sheet,
        cell: row.score.cell,
        kind: 'formula',
        value: options.perf ? perf : guard(score),
        result: { kind: 'number', value: fund.score.computed.toFixed() },
        numberFormat: typeof cell(row.score.cell).value === 'number' ? null : decimalsFormat,
      });
      fundScoreRef = row.score.cell;
      fundScoreValue = fund.score.computed;
    }
  }
  const indicators = countedIndicators(form).filter((i) => i.score);
  const fundCounts = totals?.fundInTotal ?? false;
  let totalRef: string | null = null;
  let totalValue: Decimal | null = null;
  const scoresComputable = indicators.every((i) => i.score!.value.kind !== 'number' || computable(i.score));
  if (indicators.length > 0 && scoresComputable && (!fundCounts || fundScoreRef)) {
    const scores = cellList(indicators.map((i) => i.score!.cell));
    totalValue = indicators
      .reduce((s, i) => s.plus(i.score!.value.kind === 'number' ? i.score!.value.shown : 0), new Decimal(0))
      .plus(fundCounts ? fundScoreValue! : 0);
    const perfTotal = `PERF.TOTAL(${scores}${fundCounts ? `,${fundScoreRef}` : ''})`;
    // Blank, not 0, while no 得分 is filled in: a form being filled does not show 总分 0 and 等级 差.
    const sum = options.perf
      ? perfTotal
      : `IF(COUNT(${scores})=0,"",SUM(${scores}${fundCounts ? `,${fundScoreRef}` : ''}))`;
    if (form.total?.score && inScoreColumn(form, form.total.score.cell)) {
      totalRef = form.total.score.cell;
      writes.push({
        sheet,
        cell: totalRef,
        kind: 'formula',
        value: sum,
        result: { kind: 'number', value: totalValue.toFixed() },
        numberFormat: typeof cell(totalRef).value === 'number' ? null : '0.00',
      });
    } else {
      totalRef = sum;
    }
  }
  if (form.grade && totalRef && totalValue) {
    const t = totalRef;
    // ISNUMBER first: Excel ranks any text, "" included, above every number, so "">=90 would say 优.
    const formula = options.perf
      ? `PERF.GRADE(${t})`
      : `IF(ISNUMBER(${t}),IF(${t}>=90,"优",IF(${t}>=80,"良",IF(${t}>=60,"中","差"))),"")`;
    writes.push({
      sheet,
      cell: form.grade.cell,
      kind: 'formula',
      value: formula,
      result: { kind: 'text', value: gradeOf(totalValue) },
      numberFormat: null,
    });
  }
  return { writes, rules: scoreRules(sheet, indicators) };
}

function numberIn(read: Read<NumberReading> | null | undefined): Decimal | null {
  return read?.value.kind === 'number' ? read.value.value : null;
}

/** A unit or sign around a number that a spreadsheet does not take off (values.ts withoutUnit does). */
const UNIT_MARKS = /[元分¥￥\u2212]/;

/** `H10:H14,H16` for a list of cells: runs of one column become ranges. */
function cellList(cells: string[]): string {
  return runs(cells.map(parseAddress))
    .map(([a, b]) => (a.row === b.row ? address(a) : `${address(a)}:${address(b)}`))
    .join(',');
}

function address(p: { row: number; col: number }): string {
  return `${columnName(p.col)}${p.row + 1}`;
}

/** Consecutive cells of one column, in order. */
function runs(cells: { row: number; col: number }[]): [{ row: number; col: number }, { row: number; col: number }][] {
  const out: [{ row: number; col: number }, { row: number; col: number }][] = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last[1].col === c.col && last[1].row + 1 === c.row) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

/**
 * Two rules per run of indicator rows whose 得分, 分值 and 偏差原因 sit in the same
 * columns: a 得分 below its 分值 with a blank 偏差原因, and a 得分 above its 分值.
 */
function scoreRules(sheet: string, indicators: Indicator[]): ConditionalRule[] {
  const rules: ConditionalRule[] = [];
  const rows = indicators.filter((i) => i.weight).sort((a, b) => a.row - b.row);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const prev = rows[i - 1];
    const cur = rows[i];
    if (cur && cur.row === prev.row + 1 && sameColumns(cur, prev)) continue;
    const first = rows[start];
    const score = first.score!.cell;
    // Relative addresses of the run's first row: the rule moves down the rows with the range.
    const weight = first.weight!.cell;
    const reason = first.reason.cell;
    const s = score;
    const range = prev === first ? score : `${score}:${columnOf(score)}${prev.row + 1}`;
    rules.push({
      sheet,
      range,
      formula: `AND(ISNUMBER(${s}),ISNUMBER(${weight}),${s}<${weight},LEN(TRIM(${reason}))=0)`,
      fill: BELOW_FILL,
      meaning: '得分低于分值，但没有填写偏差原因',
    });
    rules.push({
      sheet,
      range,
      formula: `AND(ISNUMBER(${s}),ISNUMBER(${weight}),${s}>${weight})`,
      fill: ABOVE_FILL,
      meaning: '得分超过分值',
    });
    start = i;
  }
  return rules;
}

function sameColumns(a: Indicator, b: Indicator): boolean {
  const cols = (i: Indicator) => [i.score!.cell, i.weight!.cell, i.reason.cell].map(columnOf).join();
  return cols(a) === cols(b);
}

function columnOf(a1: string): string {
  return /^[A-Z]+/.exec(a1)![0];
}

/** The formulas and rules for every self-evaluation form of a checked workbook. */
export function workbookFormulas(result: WorkbookResult, grids: Grid[], options: FormulaOptions = {}): FormFormulas {
  const sheets = new Map(grids.map((g) => [g.sheet, g]));
  const out: FormFormulas = { writes: [], rules: [] };
  for (const r of result.forms) {
    const grid = sheets.get(r.form.sheet);
    if (!grid) continue;
    const f = formFormulas(r, result.profile.profile, grid, options);
    out.writes.push(...f.writes);
    out.rules.push(...f.rules);
  }
  return out;
}
