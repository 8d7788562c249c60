/// <reference types="custom-functions-runtime" />
import * as perf from './perf';
import { PerfError, PerfErrorCode } from './perfError';

/**
 * The Excel entry of the PERF.* functions. Each one calls the host-free implementation
 * in perf.ts and turns its PerfError into Excel's own error value. Excel accepts a
 * message only with #VALUE! and #N/A; #DIV/0! and #NUM! go without one.
 * custom-functions-metadata reads the JSDoc below to write functions.json;
 * functions.zh-CN.json carries the Chinese help.
 */

// Looked up when an error is raised, not at load: this bundle is also loaded by the task
// pane page outside Excel (browser preview, WPS), where there is no CustomFunctions.
const EXCEL_CODES: Record<PerfErrorCode, keyof typeof CustomFunctions.ErrorCode> = {
  '#VALUE!': 'invalidValue',
  '#DIV/0!': 'divisionByZero',
  '#N/A': 'notAvailable',
  '#NUM!': 'invalidNumber',
};

/** Excel's documented way to put an error with a message in the cell is to throw it. */
function excel<T>(result: T | PerfError): T {
  if (!(result instanceof PerfError)) return result;
  const code = CustomFunctions.ErrorCode[EXCEL_CODES[result.code]];
  const withMessage = result.code === '#VALUE!' || result.code === '#N/A';
  throw withMessage ? new CustomFunctions.Error(code, result.message) : new CustomFunctions.Error(code);
}

/**
 * Budget execution rate (执行率) as a fraction, rounded to 0.01 percentage point.
 * @customfunction RATE
 * @param budget Full-year budget (全年预算数).
 * @param actual Full-year spending (全年执行数).
 * @param [profile] Rule profile id: national (default), round-up, round-down, rounded-rate, threshold-90, fund-excluded.
 * @returns The rate as a fraction, e.g. 0.8413 for 84.13%.
 */
export function rate(budget: unknown, actual: unknown, profile?: unknown): number {
  return excel(perf.rate(budget, actual, profile));
}

/**
 * Fund score (资金得分): rate × weight, capped at the weight.
 * @customfunction SCORE
 * @param budget Full-year budget (全年预算数).
 * @param actual Full-year spending (全年执行数).
 * @param [weight] Weight (分值), 10 when omitted.
 * @param [profile] Rule profile id, national when omitted.
 * @returns The fund score, 2 decimals.
 */
export function score(
  budget: unknown,
  actual: unknown,
  weight?: unknown,
  profile?: unknown,
): number {
  return excel(perf.score(budget, actual, weight, profile));
}

/**
 * Suggested score of an indicator from its target and actual value.
 * @customfunction INDICATOR
 * @param target Target (年度指标值), e.g. ≥95%.
 * @param actual Actual value (实际完成值).
 * @param weight Weight (分值).
 * @returns Full or proportional score for numbers, the top of the band for words.
 */
export function indicator(
  target: unknown,
  actual: unknown,
  weight: unknown,
): number {
  return excel(perf.indicator(target, actual, weight));
}

/**
 * Grade (评分等级) of a total score: 优, 良, 中 or 差.
 * @customfunction GRADE
 * @param total Total score (总分).
 * @returns 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60.
 */
export function grade(total: unknown): string {
  return excel(perf.grade(total));
}

/**
 * Exact sum of a range of scores; blanks and dashes are left out.
 * @customfunction TOTAL
 * @param scores Range of indicator scores (得分).
 * @param [fundScore] Fund score (资金得分) to add.
 * @returns The total score.
 */
export function total(scores: unknown[][], fundScore?: unknown): number {
  return excel(perf.total(scores, fundScore));
}

/**
 * Short status of one indicator row, empty when the row is fine.
 * @customfunction CHECK
 * @param row One row: target, actual, weight, score, reason (5 cells) or the full 8-cell row.
 * @returns e.g. 缺少偏差原因, 得分超过分值.
 */
export function check(row: unknown[][]): string {
  return excel(perf.check(row));
}

if (typeof CustomFunctions !== 'undefined') {
  CustomFunctions.associate('RATE', rate);
  CustomFunctions.associate('SCORE', score);
  CustomFunctions.associate('INDICATOR', indicator);
  CustomFunctions.associate('GRADE', grade);
  CustomFunctions.associate('TOTAL', total);
  CustomFunctions.associate('CHECK', check);
}
