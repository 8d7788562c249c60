import { Decimal, roundTo } from './decimal';
import { Deadline, Measure, completionOf, deadlineOf, qualityVerdict } from './values';

/**
 * Indicator scores (guide: "Indicator scores"). People enter these scores, so the engine
 * does not overwrite them: it judges whether the target was met and gives the range of
 * scores the national practice allows.
 */

export type Attainment = 'met' | 'partial' | 'missed' | 'unknown';
export type Direction = 'higher' | 'lower' | 'equal';

export interface Judgement {
  attainment: Attainment;
  /** 定量 (both sides numbers) or 定性. */
  quantitative: boolean;
  direction: Direction | null;
  /** Allowed score range as fractions of 分值; null when the row cannot be judged. */
  band: [Decimal, Decimal] | null;
  /** Why it was judged so, in Chinese, for messages. */
  reason: string;
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);
const QUALITY_BANDS: Record<'met' | 'partial' | 'missed', [Decimal, Decimal]> = {
  met: [new Decimal('0.8'), ONE],
  partial: [new Decimal('0.6'), new Decimal('0.8')],
  missed: [ZERO, new Decimal('0.6')],
};

function directionOf(op: string | null): Direction {
  if (op === '<=' || op === '<') return 'lower';
  if (op === '=' || op === '≈' || op === null) return 'equal';
  return 'higher';
}

/**
 * When a bare number stands beside a scaled one (`13.9` beside `=17万元`), the bare
 * one is read in the same scale.
 */
function alignScale(target: Measure & { kind: 'quantity' }, actual: Measure & { kind: 'quantity' }): Decimal {
  if (target.scale && !actual.scale) return actual.value.times(target.scale);
  return actual.value;
}

export function judgeIndicator(target: Measure, actual: Measure): Judgement {
  const unknown = (reason: string, quantitative = false): Judgement => ({
    attainment: 'unknown',
    quantitative,
    direction: null,
    band: null,
    reason,
  });
  if (target.kind === 'empty') return unknown('未填写年度指标值');
  if (actual.kind === 'empty') return unknown('未填写实际完成值');
  const deadline = deadlineOf(target.text);
  if (deadline !== null) {
    const done = completionOf(actual.text);
    // A number against 按时 (a rate, say) is no date: judged below as before.
    if (done !== null || actual.kind === 'quality') return judgeDeadline(deadline, done);
  }
  if (actual.kind === 'quality') {
    const verdict = qualityVerdict(actual.text, target.text);
    if (verdict === null) return unknown('实际完成值与指标值无法直接比较');
    return {
      attainment: verdict,
      quantitative: false,
      direction: null,
      band: QUALITY_BANDS[verdict],
      reason: verdict === 'met' ? '指标达成' : verdict === 'partial' ? '指标部分达成' : '指标未达成',
    };
  }
  if (target.kind === 'quality') {
    return unknown('年度指标值为定性描述，实际完成值为数值');
  }
  const direction = directionOf(target.op);
  const t = target.value;
  const a = alignScale(target, actual);
  // An actual written as a bound (`>=85%`) only says which side it is on.
  const bound =
    actual.op === '>=' || actual.op === '>' ? 'atLeast' : actual.op === '<=' || actual.op === '<' ? 'atMost' : 'exact';
  const met = (): Judgement => ({
    attainment: 'met',
    quantitative: true,
    direction,
    band: [ONE, ONE],
    reason: '指标已完成',
  });
  const missedBy = (ratio: Decimal): Judgement => {
    const r = Decimal.max(ZERO, Decimal.min(ONE, ratio));
    return { attainment: 'missed', quantitative: true, direction, band: [ZERO, r], reason: '指标未完成' };
  };
  if (direction === 'higher') {
    if (bound !== 'atMost' && a.gte(t)) return met();
    if (bound === 'exact') return t.isZero() ? met() : missedBy(a.div(t));
    return unknown('实际完成值为区间，无法判断是否完成', true);
  }
  if (direction === 'lower') {
    if (bound !== 'atLeast' && a.lte(t)) return met();
    if (bound === 'exact') return a.isZero() ? met() : missedBy(t.div(a));
    return unknown('实际完成值为区间，无法判断是否完成', true);
  }
  if (bound !== 'exact') return unknown('实际完成值为区间，无法判断是否完成', true);
  if (a.eq(t)) return met();
  if (a.lt(t)) return missedBy(a.div(t));
  // Above an equal-to target: more than planned is met, except a target of zero (事故率 =0).
  return t.isZero() ? missedBy(ZERO) : met();
}

/** A deadline (时效) target: met when the job was done on or before it. */
function judgeDeadline(deadline: Deadline, done: ReturnType<typeof completionOf>): Judgement {
  const judged = (attainment: 'met' | 'missed', reason: string): Judgement => ({
    attainment,
    quantitative: false,
    direction: null,
    band: QUALITY_BANDS[attainment],
    reason,
  });
  if (done === null) {
    return { attainment: 'unknown', quantitative: false, direction: null, band: null, reason: '实际完成时间无法判断' };
  }
  if (done === 'late') return judged('missed', '未按期完成');
  if (done === 'on-time' || deadline === 'on-time' || done <= deadline) return judged('met', '按期完成');
  return judged('missed', '晚于期限完成');
}

/**
 * The suggested score of a row: full or proportional for numbers, the top of the band
 * for words; null when the row cannot be judged.
 */
export function suggestedScore(j: Judgement, weight: Decimal): Decimal | null {
  if (!j.band) return null;
  return roundTo(j.band[1].times(weight), 2, 'half-up');
}

/**
 * Whether a printed score lies in the judged band, to the precision scores are printed
 * with (the cent, or whole points where the form prints whole numbers).
 */
export function scoreInBand(j: Judgement, weight: Decimal, score: Decimal, places = 2): boolean {
  if (!j.band) return true;
  const lo = roundTo(j.band[0].times(weight), places, 'down');
  const hi = roundTo(j.band[1].times(weight), places, 'up');
  return score.gte(lo) && score.lte(hi);
}
