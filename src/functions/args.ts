import { Decimal, decimalFromNumber } from '../core/decimal';
import { profileById, PROFILES, RuleProfile, NATIONAL } from '../core/profiles';
import { Measure, parseMeasure, readNumberText } from '../core/values';
import { PerfError, passOn } from './perfError';

/**
 * Reading PERF.* arguments. Spreadsheets hand over what the cell holds: a number (a
 * percent-formatted 84.13% arrives as 0.8413), text as typed ("1,000,000.00", "84.13%",
 * "—"), or a blank as null or "" depending on the host. Whatever else arrives is refused
 * with a message, never thrown.
 */
export type CellArg = number | string | boolean | null | undefined;

/**
 * What a blank cell arrives as. Excel on Windows passes an empty cell as 0 to an `any`
 * parameter and inside range arguments, Excel on the web as null
 * (https://github.com/OfficeDev/office-js/issues/4702, #1951, #5262), and nothing in the
 * call tells a typed 0 from an empty cell. So each parameter says what a blank means,
 * and gives a bare 0 the same meaning wherever 0 is not a real value of it: a text
 * column (指标名称, 年度指标值, 实际完成值, 偏差原因), 全年预算数 and 全年执行数,
 * 分值, 总分. Where 0 is a real value (a 得分, an addend of PERF.TOTAL) a blank counts 0.
 * Both encodings give the same answer; docs/functions.md lists each parameter.
 */
export function zeroAsBlank(x: unknown): unknown {
  return x === 0 ? null : x;
}
export type RangeArg = CellArg | CellArg[] | CellArg[][];

/**
 * decimalFromNumber (15 significant digits, as spreadsheets keep) without its cost in
 * the common cases, for throughput: a whole number below 10^15 is exact as it is, and a
 * fraction whose shortest form has at most 15 digits already is that 15-digit value.
 * Anything longer (0.1 + 0.2 = 0.30000000000000004) takes the core's route.
 */
export function cellDecimal(x: number): Decimal {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return new Decimal(x);
  const shortest = String(x);
  // With its point, 16 characters hold at most 15 digits.
  if (shortest.length <= 16 && shortest.includes('.') && !shortest.includes('e')) return new Decimal(shortest);
  return decimalFromNumber(x);
}

const PLAIN_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export type ArgNumber = { kind: 'blank' } | { kind: 'number'; value: Decimal; percent: boolean };

export function readArgNumber(x: unknown, what: string): ArgNumber | PerfError {
  if (x === null || x === undefined) return { kind: 'blank' };
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return new PerfError('#NUM!', `${what}不是有效的数字`);
    return { kind: 'number', value: cellDecimal(x), percent: false };
  }
  if (typeof x === 'boolean') return new PerfError('#VALUE!', `${what}应为数字，不能是逻辑值 ${x ? 'TRUE' : 'FALSE'}`);
  if (typeof x !== 'string') return new PerfError('#VALUE!', `${what}应为数字`);
  // The common "302,003.60" needs none of readNumberText's folding; same value either way.
  if (PLAIN_NUMBER.test(x)) return { kind: 'number', value: new Decimal(x.replace(/,/g, '')), percent: false };
  const r = readNumberText(x);
  if (r.kind === 'empty') return { kind: 'blank' };
  if (r.kind === 'error') return passOn(r.text, what);
  if (r.kind === 'invalid') return new PerfError('#VALUE!', `${what}“${r.text}”不是数字`);
  return { kind: 'number', value: r.value, percent: r.percent };
}

/** A number that is not a percent, such as an amount, 分值 or 得分; null when blank. */
export function readPlainNumber(x: unknown, what: string): Decimal | null | PerfError {
  const r = readArgNumber(x, what);
  if (r instanceof PerfError) return r;
  if (r.kind === 'blank') return null;
  if (r.percent) return new PerfError('#VALUE!', `${what}“${String(x).trim()}”是百分数，应填写数字`);
  return r.value;
}

/** 全年预算数 or 全年执行数: a number, not negative; null when blank. */
export function readAmount(x: unknown, what: string): Decimal | null | PerfError {
  const v = readPlainNumber(x, what);
  if (v instanceof Decimal && v.isNegative()) return new PerfError('#NUM!', `${what}不能为负数（${v.toFixed()}）`);
  return v;
}

/** 分值: a number, not negative; blank (or a bare 0) is refused unless the caller has a default. */
export function readWeight(x: unknown, fallback: Decimal | null): Decimal | PerfError {
  const v = readAmount(zeroAsBlank(x), '分值');
  if (v === null) return fallback ?? new PerfError('#VALUE!', '分值为空（或为数字 0），请填写该指标的分值');
  return v;
}

/** A rule profile id (national, round-up …); blank means the national default. */
export function readProfile(x: unknown): RuleProfile | PerfError {
  if (x === null || x === undefined || (typeof x === 'string' && x.trim() === '')) return NATIONAL;
  const profile = typeof x === 'string' ? profileById(x.trim().toLowerCase()) : undefined;
  if (profile) return profile;
  const known = PROFILES.map((p) => `${p.id}：${p.name}`).join('；');
  const given = typeof x === 'string' ? `“${x}”` : '';
  return new PerfError('#VALUE!', `未知的规则${given}，请填写以下规则名之一（带英文引号）。${known}`);
}

function measureOf(x: unknown, what: string): Measure | PerfError {
  if (x === null || x === undefined || typeof x === 'string' || typeof x === 'number') {
    if (typeof x === 'number' && !Number.isFinite(x)) return new PerfError('#NUM!', `${what}不是有效的数字`);
    return parseMeasure(x);
  }
  return new PerfError('#VALUE!', `${what}应为数值或文字`);
}

function isPercent(m: Measure): boolean {
  return m.kind === 'quantity' && m.percent;
}

/**
 * 年度指标值 and 实际完成值 of one indicator. A typed percent arrives as its fraction
 * (96% as 0.96) with nothing to say it was a percent; when the other side is written as
 * a percent, a bare number of at most 1 is read as that fraction.
 */
export function readMeasures(targetArg: unknown, actualArg: unknown): { target: Measure; actual: Measure } | PerfError {
  // Text columns: a bare 0 is how Excel on Windows passes their blank.
  const target = zeroAsBlank(targetArg);
  const actual = zeroAsBlank(actualArg);
  const t = measureOf(target, '年度指标值');
  if (t instanceof PerfError) return t;
  const a = measureOf(actual, '实际完成值');
  if (a instanceof PerfError) return a;
  const asFraction = (x: unknown, other: Measure) => typeof x === 'number' && isPercent(other) && Math.abs(x) <= 1;
  return {
    target: asFraction(target, a) ? parseMeasure(target as number, true) : t,
    actual: asFraction(actual, t) ? parseMeasure(actual as number, true) : a,
  };
}

/** The cells of a range argument, row by row; a single value is a 1×1 range. */
export function rowsOf(x: RangeArg | unknown): unknown[][] {
  if (!Array.isArray(x)) return [[x]];
  if (x.every((row) => Array.isArray(row))) return x as unknown[][];
  return [x];
}

/** A decimal as the closest double, for the cell. */
export function toCellNumber(x: Decimal): number {
  return Number(x.toString());
}
