import { Decimal } from '../decimal';
import { FundRow, Read } from '../form';
import {
  Amount,
  exactFundRate,
  fundRate,
  rateConsistent,
  rateInterval,
  scoreConsistent,
  scoreForRate,
} from '../fundScore';
import { Route, allRoutes, routeName, sameRoute } from '../profiles';
import { NumberReading } from '../values';
import { FUND_LINE_NAMES } from '../vocabulary';
import { CheckContext, isBlank, numberIn, show, shownIn } from './context';

/** The fund table's numbers as printed and as recomputed. */
export interface FundEvaluation {
  budget: Decimal | null;
  actual: Decimal | null;
  weight: Decimal | null;
  /** Exact 执行率 in percent, unrounded. */
  exactRate: Decimal | null;
  rate: { printed: Decimal | null; computed: Decimal | null };
  score: { printed: Decimal | null; computed: Decimal | null };
  /** Whether the printed 资金得分 is wrong under every known route. */
  scoreWrong: boolean;
}

const DEFAULT_WEIGHT = new Decimal(10);

/** How far a printed amount may be from the true one: 万元 amounts are rounded. */
function amountOf(read: Read<NumberReading>, unit: '元' | '万元'): Amount {
  const r = read.value;
  if (r.kind !== 'number') throw new Error('not a number');
  const halfWidth = unit === '万元' ? new Decimal(10).pow(-r.decimals).div(2) : new Decimal(0);
  return { value: r.value, halfWidth };
}

/** A printed 执行率 in percent: `84.13%`, 0.8413 as a percent cell, or 84.13 under `执行率(%)`. */
function printedRate(read: Read<NumberReading> | null, columnIsPercent: boolean): Decimal | null {
  if (!read || read.value.kind !== 'number') return null;
  const { shown, percent } = read.value;
  if (percent || columnIsPercent) return shown;
  // A bare 0.8413 in a plain 执行率 column is a fraction.
  return shown.lte(1) ? shown.times(100) : shown;
}

export function checkFund(ctx: CheckContext): FundEvaluation | null {
  const fund = ctx.form.fund;
  if (!fund) {
    ctx.add('FORM_INCOMPLETE', ctx.form.anchor, '没有找到“项目资金”表，无法核对执行率和资金得分');
    return null;
  }
  const totalRow = fund.rows.find((r) => r.line === 'total');
  checkSubtotals(ctx, fund.rows, fund.unit);
  for (const row of fund.rows) if (row !== totalRow) checkLine(ctx, row, fund.unit, fund.rateColumnIsPercent, false);
  if (!totalRow) {
    ctx.add('FORM_INCOMPLETE', ctx.form.anchor, '项目资金表中没有“年度资金总额”行');
    return null;
  }
  return checkLine(ctx, totalRow, fund.unit, fund.rateColumnIsPercent, true, partsOf(fund.rows));
}

function checkLine(
  ctx: CheckContext,
  row: FundRow,
  unit: '元' | '万元',
  rateColumnIsPercent: boolean,
  scored: boolean,
  parts: { budget: Decimal; actual: Decimal } | null = null,
): FundEvaluation {
  const name = FUND_LINE_NAMES[row.line];
  // Computed values at the profile's precision; printed ones as precise as printed.
  const fmt = (x: Decimal) => show(x, Math.max(ctx.profile.places, x.decimalPlaces()));
  const budget = numberIn(ctx, row.budget, `${name}的全年预算数`);
  const actual = numberIn(ctx, row.actual, `${name}的全年执行数`);
  // 年初预算数 enters no formula; reading it reports a cell that is not a number.
  numberIn(ctx, row.initialBudget, `${name}的年初预算数`);
  for (const [read, label] of [
    [row.initialBudget, '年初预算数'],
    [row.budget, '全年预算数'],
    [row.actual, '全年执行数'],
  ] as const) {
    if (read?.value.kind === 'number' && read.value.value.isNegative()) {
      ctx.add(
        'NEGATIVE_AMOUNT',
        read.cell,
        `${name}的${label}为负数（${read.value.value.toFixed()}），金额不能为负`,
        null,
        read.value.value.toFixed(),
      );
    }
  }
  const weightRead = scored ? row.weight : null;
  const weight = scored ? numberIn(ctx, weightRead, '资金分值') : null;
  const printed = printedRate(row.rate, rateColumnIsPercent);
  if (row.rate && row.rate.value.kind !== 'number') numberIn(ctx, row.rate, `${name}的执行率`);
  const printedScore = scored ? shownIn(row.score) : null;
  if (scored && row.score && row.score.value.kind !== 'number') numberIn(ctx, row.score, '资金得分');
  const evaluation: FundEvaluation = {
    budget,
    actual,
    weight,
    exactRate: null,
    rate: { printed, computed: null },
    score: { printed: printedScore, computed: null },
    scoreWrong: false,
  };
  if (scored && isBlank(weightRead)) {
    ctx.add('EMPTY_FIELD', weightRead?.cell ?? row.label.cell, '年度资金总额的分值为空（通常为 10 分）', '10', null);
  }
  const hasActual = actual !== null && !actual.isZero();
  if (budget === null || budget.isZero()) {
    const zeroOrBlank = budget !== null || isBlank(row.budget);
    if (zeroOrBlank && (hasActual || (scored && weight !== null))) {
      // The lines under it may say what the total should have been (棠溪 2022: 0 over 89.974).
      const rate = parts && !parts.budget.isZero() ? fundRate(parts.budget, parts.actual, ctx.profile) : null;
      const fromParts =
        rate === null
          ? ''
          : `；按其下各项合计（预算 ${parts!.budget.toFixed()}，执行 ${parts!.actual.toFixed()}），执行率应为 ${fmt(rate)}%` +
            (weight === null
              ? ''
              : `，资金得分应为 ${fmt(scoreForRate(exactFundRate(parts!.budget, parts!.actual)!, weight, ctx.profile))}`);
      ctx.add(
        'FUND_BUDGET_ZERO',
        row.budget?.cell ?? row.label.cell,
        `${name}的全年预算数为${budget === null ? '空白' : ' 0'}，无法计算执行率${fromParts}`,
        rate === null ? null : parts!.budget.toFixed(),
        budget === null ? null : '0',
      );
    }
    return evaluation;
  }
  if (budget.isNegative()) return evaluation;
  if (actual === null) {
    if (scored && isBlank(row.actual))
      ctx.add('EMPTY_FIELD', row.actual?.cell ?? row.label.cell, '年度资金总额的全年执行数为空，无法计算执行率');
    return evaluation;
  }
  const exact = exactFundRate(budget, actual)!;
  const computedRate = fundRate(budget, actual, ctx.profile)!;
  evaluation.exactRate = exact;
  evaluation.rate.computed = computedRate;
  if (actual.gt(budget) && row.actual) {
    ctx.add(
      'FUND_OVER_100',
      row.actual.cell,
      `${name}的全年执行数 ${actual.toFixed()} 超过全年预算数 ${budget.toFixed()}`,
      budget.toFixed(),
      actual.toFixed(),
    );
  }
  // A budget within rounding of zero bounds nothing: judge the printed amounts as they are.
  const interval = rateInterval(amountOf(row.budget!, unit), amountOf(row.actual!, unit)) ?? [exact, exact];
  if (printed !== null && row.rate) {
    if (!rateConsistent(printed, interval, ctx.profile)) {
      const other = allRoutes().find(
        (r) => samePrecision(r, row.rate!.value, ctx.profile.places) && rateConsistent(printed, interval, r),
      );
      if (other) {
        ctx.add(
          'ROUNDING_ROUTE',
          row.rate.cell,
          `${name}的执行率 ${fmt(printed)}% 是${routeName({ ...ctx.profile, ...other }).split('，')[0]}得到的；按本次规则（${routeName(ctx.profile).split('，')[0]}）应为 ${fmt(computedRate)}%`,
          fmt(computedRate),
          fmt(printed),
        );
      } else {
        ctx.add(
          'FUND_RATE_MISMATCH',
          row.rate.cell,
          `${name}的执行率应为 ${fmt(computedRate)}%（${actual.toFixed()} ÷ ${budget.toFixed()}），表中为 ${fmt(printed)}%`,
          fmt(computedRate),
          fmt(printed),
        );
      }
    }
  } else if (scored && row.rate && isBlank(row.rate)) {
    ctx.add('EMPTY_FIELD', row.rate.cell, `执行率为空，应为 ${fmt(computedRate)}%`, fmt(computedRate), null);
  }
  if (!scored) return evaluation;
  const w = weight ?? DEFAULT_WEIGHT;
  const rule = { ...ctx.profile };
  const computedScore = scoreForRate(exact, w, rule);
  evaluation.score.computed = computedScore;
  if (printedScore === null) {
    if (isBlank(row.score))
      ctx.add(
        'EMPTY_FIELD',
        row.score?.cell ?? row.label.cell,
        `资金得分为空，应为 ${fmt(computedScore)}`,
        fmt(computedScore),
        null,
      );
    return evaluation;
  }
  const scoreCell = row.score!.cell;
  if (printedScore.gt(w) || printedScore.isNegative()) {
    ctx.add(
      'SCORE_EXCEEDS_WEIGHT',
      scoreCell,
      `资金得分 ${printedScore.toFixed()} 超出分值 ${w.toFixed()} 的范围，应为 ${fmt(computedScore)}`,
      fmt(computedScore),
      printedScore.toFixed(),
    );
    evaluation.scoreWrong = true;
    return evaluation;
  }
  if (scoreConsistent(printedScore, interval, w, rule)) return evaluation;
  const route = allRoutes().find(
    (r) =>
      !sameRoute(r, rule) &&
      samePrecision(r, row.score!.value, rule.places) &&
      scoreConsistent(printedScore, interval, w, { ...rule, ...r }),
  );
  if (route) {
    ctx.add(
      'ROUNDING_ROUTE',
      scoreCell,
      `资金得分 ${printedScore.toFixed()} 是按“${routeName(route)}”得到的；按本次规则（${routeName(rule)}）应为 ${fmt(computedScore)}`,
      fmt(computedScore),
      printedScore.toFixed(),
    );
    return evaluation;
  }
  evaluation.scoreWrong = true;
  ctx.add(
    'FUND_SCORE_MISMATCH',
    scoreCell,
    `资金得分应为 ${fmt(computedScore)}（执行率 ${fmt(computedRate)}% × 分值 ${w.toFixed()}），表中为 ${printedScore.toFixed()}`,
    fmt(computedScore),
    printedScore.toFixed(),
  );
  return evaluation;
}

/** The lines under 年度资金总额 added up, where they give both a budget and an actual. */
function partsOf(rows: FundRow[]): { budget: Decimal; actual: Decimal } | null {
  const parts = rows.filter((r) => r.line !== 'total');
  const sum = (pick: (r: FundRow) => Read<NumberReading> | null) => {
    const filled = parts.map(pick).filter((x) => x?.value.kind === 'number');
    return filled.length === 0
      ? null
      : filled.reduce((s, x) => s.plus((x!.value as { value: Decimal }).value), new Decimal(0));
  };
  const budget = sum((r) => r.budget);
  const actual = sum((r) => r.actual);
  return budget === null || actual === null ? null : { budget, actual };
}

/**
 * Another route explains a printed value only at the precision it is printed with: a
 * rate printed `82.00` is no whole-number rounding of 81.6.
 */
function samePrecision(route: Route, printed: NumberReading, places: number): boolean {
  return route.places === places || (printed.kind === 'number' && route.places === printed.decimals);
}

/** 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, column by column. */
function checkSubtotals(ctx: CheckContext, rows: FundRow[], unit: '元' | '万元') {
  const total = rows.find((r) => r.line === 'total');
  const parts = rows.filter((r) => r.line !== 'total');
  if (!total || parts.length === 0) return;
  const partNames = [...new Set(parts.map((p) => FUND_LINE_NAMES[p.line]))].join('、');
  for (const [key, label] of [
    ['initialBudget', '年初预算数'],
    ['budget', '全年预算数'],
    ['actual', '全年执行数'],
  ] as const) {
    const t = total[key];
    if (!t || t.value.kind !== 'number') continue;
    const filled = parts.map((p) => p[key]).filter((x): x is Read<NumberReading> => x?.value.kind === 'number');
    // Parts left blank in a column were not filled in: nothing to add up.
    if (filled.length === 0) continue;
    const sum = filled.reduce((s, x) => s.plus((x.value as { value: Decimal }).value), new Decimal(0));
    const tolerance = unit === '万元' ? new Decimal('0.005').times(filled.length + 1) : new Decimal('0.005');
    if (sum.minus(t.value.value).abs().gt(tolerance)) {
      ctx.add(
        'FUND_SUBTOTAL_MISMATCH',
        t.cell,
        `年度资金总额的${label} ${t.value.value.toFixed()} 不等于${partNames}之和 ${sum.toFixed()}`,
        sum.toFixed(),
        t.value.value.toFixed(),
      );
    }
  }
}
