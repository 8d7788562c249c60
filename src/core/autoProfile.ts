import { Decimal, roundTo, ROUNDING_NAMES } from './decimal';
import { Form, totalFundRow } from './form';
import { exactFundRate, scoreForRate } from './fundScore';
import { NATIONAL, PLACES, PROFILES, RuleProfile, Route, routeName } from './profiles';

/** The printed fund numbers of one form, as the inference needs them. */
interface Sample {
  exact: Decimal;
  weight: Decimal;
  printedRate: Decimal | null;
  printedScore: Decimal | null;
}

export interface ProfileChoice {
  profile: RuleProfile;
  auto: boolean;
  /** Chinese, in plain words: the rule and, for auto, how many printed numbers it reproduces. */
  reason: string;
  /** For auto: how many printed 执行率 and 资金得分 there were and how many the rule reproduces. */
  agreement?: { rates: number; ratesMatched: number; scores: number; scoresMatched: number };
}

/** The rule in plain words: `按宝山区做法：执行率向上舍入`. */
function ruleSentence(rule: Route & { fullMarksThreshold: Decimal | null }): string {
  const district = rule.rateRounding === 'up' ? '按宝山区做法：' : '';
  const base = rule.scoreBase === 'rounded' ? '，资金得分按舍入后的执行率计算' : '';
  const scoreRounding = rule.scoreRounding === 'half-up' ? '' : `，资金得分${ROUNDING_NAMES[rule.scoreRounding]}`;
  const threshold =
    rule.fullMarksThreshold === null ? '' : `，执行率达到 ${rule.fullMarksThreshold.toFixed()}% 即得资金得分满分`;
  const whole = rule.places === 0 ? '，执行率和资金得分取整' : '';
  return `${district}执行率${ROUNDING_NAMES[rule.rateRounding]}${whole}${base}${scoreRounding}${threshold}`;
}

/** `与表中 19 个执行率、19 个资金得分全部一致`, or how many of each. */
function agreementSentence(a: NonNullable<ProfileChoice['agreement']>): string {
  if (a.ratesMatched === a.rates && a.scoresMatched === a.scores)
    return `与表中 ${a.rates} 个执行率${a.scores > 0 ? `、${a.scores} 个资金得分` : ''}全部一致`;
  const some = (n: number, matched: number) => (matched === n ? '全部一致' : `中的 ${matched} 个一致`);
  const scores = a.scores > 0 ? `，与 ${a.scores} 个资金得分${some(a.scores, a.scoresMatched)}` : '';
  return `与表中 ${a.rates} 个执行率${some(a.rates, a.ratesMatched)}${scores}`;
}

function samplesOf(forms: Form[]): Sample[] {
  const out: Sample[] = [];
  for (const form of forms) {
    const row = totalFundRow(form);
    if (!row || row.budget?.value.kind !== 'number' || row.actual?.value.kind !== 'number') continue;
    const exact = exactFundRate(row.budget.value.value, row.actual.value.value);
    if (exact === null) continue;
    const rate = row.rate?.value.kind === 'number' ? row.rate.value : null;
    const percentColumn = form.fund?.rateColumnIsPercent ?? false;
    const printedRate =
      rate === null ? null : rate.percent || percentColumn || rate.shown.gt(1) ? rate.shown : rate.shown.times(100);
    out.push({
      exact,
      weight: row.weight?.value.kind === 'number' ? row.weight.value.value : new Decimal(10),
      printedRate,
      printedScore: row.score?.value.kind === 'number' ? row.score.value.shown : null,
    });
  }
  return out;
}

/**
 * Infers from the printed numbers which rounding the author used (guide: `auto`): the
 * 执行率 rounding that reproduces most printed rates, then the scoring route that
 * reproduces most printed 资金得分. Ties go to the national default.
 */
export function inferProfile(forms: Form[]): ProfileChoice {
  const samples = samplesOf(forms);
  const rates = samples.filter((s) => s.printedRate !== null);
  if (rates.length === 0) {
    return { profile: NATIONAL, auto: true, reason: '表中没有可用于推断的执行率，按全国通用做法：执行率四舍五入' };
  }
  const count = (route: Route) => ({
    rate: rates.filter((s) => roundTo(s.exact, route.places, route.rateRounding).eq(s.printedRate!)).length,
    score: samples.filter(
      (s) =>
        s.printedScore !== null &&
        scoreForRate(s.exact, s.weight, { ...route, fullMarksThreshold: null }).eq(s.printedScore),
    ).length,
  });
  // The 执行率 rounding and printed precision first: they alone decide the printed
  // rates; ties go to two decimals, then to half-up.
  const { rateRounding, places } = PLACES.flatMap((p) =>
    (['half-up', 'down', 'up'] as const).map((r) => ({ rateRounding: r, places: p })),
  )
    .map((c) => ({
      ...c,
      n: rates.filter((s) => roundTo(s.exact, c.places, c.rateRounding).eq(s.printedRate!)).length,
    }))
    .reduce((a, b) => (b.n > a.n ? b : a));
  let best: { route: Route; rate: number; score: number } | null = null;
  for (const scoreBase of ['exact', 'rounded'] as const) {
    for (const scoreRounding of ['half-up', 'down', 'up'] as const) {
      const route = { rateRounding, scoreBase, scoreRounding, places };
      const c = count(route);
      if (!best || c.score > best.score) best = { route, ...c };
    }
  }
  const { route, rate } = best!;
  const threshold = inferThreshold(samples, route);
  const rule = { ...route, fullMarksThreshold: threshold };
  const score = samples.filter(
    (s) => s.printedScore !== null && scoreForRate(s.exact, s.weight, rule).eq(s.printedScore),
  ).length;
  const scored = samples.filter((s) => s.printedScore !== null).length;
  const named = PROFILES.find(
    (p) =>
      p.fundInTotal === 'by-weights' &&
      p.places === route.places &&
      p.rateRounding === route.rateRounding &&
      p.scoreBase === route.scoreBase &&
      p.scoreRounding === route.scoreRounding &&
      (p.fullMarksThreshold === null ? threshold === null : threshold !== null && p.fullMarksThreshold.eq(threshold)),
  );
  const name = `${routeName(route)}${threshold === null ? '' : `，执行率达到 ${threshold.toFixed()}% 资金得分满分`}`;
  const profile: RuleProfile = named ?? { ...NATIONAL, ...rule, id: 'auto', name };
  const agreement = { rates: rates.length, ratesMatched: rate, scores: scored, scoresMatched: score };
  return { profile, auto: true, reason: `${ruleSentence(rule)}（${agreementSentence(agreement)}）`, agreement };
}

/** Full-marks thresholds seen in district rules, the most common first. */
const THRESHOLDS = [90, 95, 85, 80].map((t) => new Decimal(t));

/**
 * A district that gives the full 资金得分 from some 执行率 on prints full scores below
 * 100% that the proportional rule cannot give. The threshold is the first common one
 * that every such score reaches and that no lower printed score contradicts.
 */
function inferThreshold(samples: Sample[], route: Route): Decimal | null {
  const printed = samples.filter((s) => s.printedScore !== null);
  const proportional = (s: Sample) => scoreForRate(s.exact, s.weight, { ...route, fullMarksThreshold: null });
  const fullAnyway = printed.filter((s) => s.printedScore!.eq(s.weight) && proportional(s).lt(s.weight));
  if (fullAnyway.length === 0) return null;
  return (
    THRESHOLDS.find(
      (t) =>
        fullAnyway.every((s) => s.exact.gte(t)) &&
        printed.every((s) => s.exact.lt(t) || s.exact.gte(100) || s.printedScore!.eq(s.weight)),
    ) ?? null
  );
}
