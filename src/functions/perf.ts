import { Decimal } from '../core/decimal';
import { fundRate, fundScore } from '../core/fundScore';
import { gradeOf } from '../core/grade';
import { judgeIndicator, suggestedScore } from '../core/indicatorScore';
import {
  zeroAsBlank,
  readAmount,
  readArgNumber,
  readMeasures,
  readPlainNumber,
  readProfile,
  readWeight,
  rowsOf,
  toCellNumber,
} from './args';
import { checkIndicatorRow } from './indicatorRow';
import { PerfError } from './perfError';

/**
 * The PERF.* spreadsheet functions, free of any host: each reads its arguments, calls
 * the core scoring (the same rule profiles and decimal arithmetic as the checks) and
 * returns a number, a text or a PerfError. Nothing is thrown past these functions.
 */

export { PerfError, isPerfError } from './perfError';
export type { PerfErrorCode } from './perfError';

const FUND_WEIGHT = new Decimal(10);

/** Runs a function body so that a failure becomes a #VALUE! with a message, not a throw. */
function guarded<T>(body: () => T | PerfError): T | PerfError {
  try {
    return body();
  } catch (e) {
    return new PerfError('#VALUE!', `无法计算：${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * 全年预算数 and 全年执行数, both required, the budget above zero. A blank 执行数 arrives
 * as 0 from Excel on Windows, so a bare 0 is refused like a blank rather than scored as
 * nothing spent; a zero typed as text ("0.00") is unambiguous and scores 0.
 */
function readFund(budget: unknown, actual: unknown): { budget: Decimal; actual: Decimal } | PerfError {
  const b = readAmount(budget, '全年预算数');
  if (b instanceof PerfError) return b;
  if (b === null || b.isZero()) return new PerfError('#DIV/0!', '全年预算数为 0 或空白，无法计算执行率');
  const a = readAmount(zeroAsBlank(actual), '全年执行数');
  if (a instanceof PerfError) return a;
  if (a === null)
    return new PerfError('#N/A', '全年执行数为空（或为数字 0：Excel 把空单元格作为 0 传入，无法区分），请先填写；若确实没有支出，请填写文本“0.00”');
  return { budget: b, actual: a };
}

/** PERF.RATE: 执行率 as a fraction (84.13% → 0.8413), rounded as the profile says. */
export function rate(budget: unknown, actual: unknown, profile?: unknown): number | PerfError {
  return guarded(() => {
    const p = readProfile(profile);
    if (p instanceof PerfError) return p;
    const fund = readFund(budget, actual);
    if (fund instanceof PerfError) return fund;
    // Never null: readFund refused a zero budget.
    const percent = fundRate(fund.budget, fund.actual, p)!;
    return toCellNumber(percent.div(100));
  });
}

/** PERF.SCORE: 资金得分 under the profile, capped at 分值 (default 10). */
export function score(budget: unknown, actual: unknown, weight?: unknown, profile?: unknown): number | PerfError {
  return guarded(() => {
    const p = readProfile(profile);
    if (p instanceof PerfError) return p;
    const w = readWeight(weight, FUND_WEIGHT);
    if (w instanceof PerfError) return w;
    const fund = readFund(budget, actual);
    if (fund instanceof PerfError) return fund;
    return toCellNumber(fundScore(fund.budget, fund.actual, w, p)!);
  });
}

/** PERF.INDICATOR: the suggested 得分 of an indicator from its 年度指标值 and 实际完成值. */
export function indicator(target: unknown, actual: unknown, weight: unknown): number | PerfError {
  return guarded(() => {
    const w = readWeight(weight, null);
    if (w instanceof PerfError) return w;
    const m = readMeasures(target, actual);
    if (m instanceof PerfError) return m;
    const judgement = judgeIndicator(m.target, m.actual);
    const suggested = suggestedScore(judgement, w);
    if (suggested === null) return new PerfError('#N/A', `无法判断该指标的完成情况：${judgement.reason}`);
    return toCellNumber(suggested);
  });
}

/** PERF.GRADE: 评分等级 of a 总分. */
export function grade(total: unknown): string | PerfError {
  return guarded(() => {
    const t = readPlainNumber(zeroAsBlank(total), '总分');
    if (t instanceof PerfError) return t;
    if (t === null) return new PerfError('#N/A', '总分为空（或为数字 0），无法评定等级');
    return gradeOf(t);
  });
}

/** PERF.TOTAL: the exact sum of a range of 得分, blanks and `—` left out, plus 资金得分. */
export function total(scores: unknown, fundScoreArg?: unknown): number | PerfError {
  return guarded(() => {
    let sum = new Decimal(0);
    for (const x of [...rowsOf(scores).flat(), fundScoreArg]) {
      const r = readArgNumber(x, '得分');
      if (r instanceof PerfError) return r;
      if (r.kind === 'blank') continue;
      if (r.percent) return new PerfError('#VALUE!', `得分“${String(x).trim()}”是百分数，应填写分数`);
      sum = sum.plus(r.value);
    }
    return toCellNumber(sum);
  });
}

/** PERF.CHECK: a short Chinese status of one indicator row, "" when it is fine. */
export function check(row: unknown): string | PerfError {
  return guarded(() => checkIndicatorRow(row));
}

export type PerfFunctionName = 'RATE' | 'SCORE' | 'INDICATOR' | 'GRADE' | 'TOTAL' | 'CHECK';

/** What a host registers under the PERF namespace, e.g. wps.AddCustomFunction('PERF', name, fn). */
export const PERF_FUNCTIONS: readonly { name: PerfFunctionName; fn: (...args: unknown[]) => number | string | PerfError }[] = [
  { name: 'RATE', fn: rate },
  { name: 'SCORE', fn: score },
  { name: 'INDICATOR', fn: indicator },
  { name: 'GRADE', fn: grade },
  { name: 'TOTAL', fn: total },
  { name: 'CHECK', fn: check },
];
