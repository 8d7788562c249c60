import { Decimal, roundTo } from './decimal';
import { Route } from './profiles';

/**
 * 执行率 and 资金得分 (guide: "The arithmetic"). Rates are percents: 84.13 means 84.13%.
 * Amounts printed in 万元 are themselves rounded, so every function here also works on
 * an interval of possible true amounts.
 */

const HUNDRED = new Decimal(100);

/** An amount as printed: its value and how far the true amount may be from it. */
export interface Amount {
  value: Decimal;
  halfWidth: Decimal;
}

export function exactAmount(value: Decimal): Amount {
  return { value, halfWidth: new Decimal(0) };
}

/** 全年执行数 / 全年预算数 × 100, unrounded; null when there is no budget to divide by. */
export function exactFundRate(budget: Decimal, actual: Decimal): Decimal | null {
  if (budget.isZero()) return null;
  return actual.div(budget).times(HUNDRED);
}

/** 执行率 rounded as the route says (to 0.01 percentage point, or to whole percents). */
export function fundRate(
  budget: Decimal,
  actual: Decimal,
  route: Pick<Route, 'rateRounding' | 'places'>,
): Decimal | null {
  const exact = exactFundRate(budget, actual);
  return exact === null ? null : roundTo(exact, route.places, route.rateRounding);
}

export interface FundScoreRule extends Route {
  fullMarksThreshold: Decimal | null;
}

/** 资金得分 for an exact 执行率: capped at 分值 above 100%, full at the threshold. */
export function scoreForRate(exactRate: Decimal, weight: Decimal, rule: FundScoreRule): Decimal {
  if (rule.fullMarksThreshold !== null && exactRate.gte(rule.fullMarksThreshold)) return weight;
  const rate = rule.scoreBase === 'exact' ? exactRate : roundTo(exactRate, rule.places, rule.rateRounding);
  // A budget spent in full scores the 分值 itself, whatever the precision.
  if (rate.gte(HUNDRED)) return weight;
  const capped = Decimal.min(rate, HUNDRED);
  return Decimal.min(roundTo(capped.div(HUNDRED).times(weight), rule.places, rule.scoreRounding), weight);
}

export function fundScore(budget: Decimal, actual: Decimal, weight: Decimal, rule: FundScoreRule): Decimal | null {
  const exact = exactFundRate(budget, actual);
  return exact === null ? null : scoreForRate(exact, weight, rule);
}

/** The smallest and largest exact 执行率 the printed amounts allow. */
export function rateInterval(budget: Amount, actual: Amount): [Decimal, Decimal] | null {
  const bLo = budget.value.minus(budget.halfWidth);
  const bHi = budget.value.plus(budget.halfWidth);
  if (bLo.lte(0)) return null;
  const aLo = Decimal.max(actual.value.minus(actual.halfWidth), 0);
  const aHi = actual.value.plus(actual.halfWidth);
  return [aLo.div(bHi).times(HUNDRED), aHi.div(bLo).times(HUNDRED)];
}

/**
 * Whether a printed value can come from some exact rate in [lo, hi]. `f` must be
 * non-decreasing and step through every printed value between its ends (true of
 * rounding a continuous quantity to fixed places), so testing the ends is enough.
 */
function reachable(printed: Decimal, lo: Decimal, hi: Decimal, f: (x: Decimal) => Decimal): boolean {
  return f(lo).lte(printed) && printed.lte(f(hi));
}

export function rateConsistent(
  printed: Decimal,
  interval: [Decimal, Decimal],
  route: Pick<Route, 'rateRounding' | 'places'>,
): boolean {
  return reachable(printed, interval[0], interval[1], (x) => roundTo(x, route.places, route.rateRounding));
}

export function scoreConsistent(
  printed: Decimal,
  interval: [Decimal, Decimal],
  weight: Decimal,
  rule: FundScoreRule,
): boolean {
  const [lo, hi] = interval;
  const t = rule.fullMarksThreshold;
  const below = { ...rule, fullMarksThreshold: null };
  if (t !== null && hi.gte(t) && printed.eq(weight)) return true;
  const top = t !== null && hi.gte(t) ? t : hi;
  if (t !== null && lo.gte(t)) return printed.eq(weight);
  return reachable(printed, lo, top, (x) => scoreForRate(x, weight, below));
}
