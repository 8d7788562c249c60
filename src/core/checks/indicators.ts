import { Decimal, roundTo } from '../decimal';
import { FormKind, Indicator, countedIndicators } from '../form';
import { judgeIndicator, scoreInBand } from '../indicatorScore';
import { REQUIRED_CATEGORIES, normalizeLabel } from '../labels';
import { BLANK_REASON } from '../vocabulary';
import { CheckContext, Reporter, numberIn, show } from './context';
import { FundEvaluation } from './fund';

/** A 偏差原因 left empty, or holding what templates put there for nothing (`0`, `/`, `无`). */
function isBlankReason(text: string): boolean {
  const rest = text.replace(/[\s.。,，、;；:：\-—_]+/g, '');
  return rest === '' || BLANK_REASON.test(rest);
}

/** How messages name an indicator: `指标“X”`, or its row when it has no name. */
function label(ind: Indicator): string {
  return ind.name.value ? `指标“${ind.name.value}”` : `第 ${ind.row + 1} 行指标`;
}

/** `（指标值 ≥95%，实际完成值 97%）`: no space before a sign such as `=0`. */
function targetAndActual(ind: Indicator): string {
  const spaced = (text: string) => (/^[=<>≥≤＝＜＞≠≈]/.test(text) ? text : ` ${text}`);
  return `（指标值${spaced(ind.target.text)}，实际完成值${spaced(ind.actual.text)}）`;
}

export function checkIndicators(ctx: CheckContext, fund: FundEvaluation | null): void {
  const { form } = ctx;
  for (const ind of form.indicators) {
    if (ind.duplicateOf !== null) {
      ctx.add('DUPLICATE_INDICATOR', ind.name.cell, `${label(ind)}与第 ${ind.duplicateOf + 1} 行重复，只计算一次`);
      continue;
    }
    checkIndicator(ctx, ind, form.kind, fund, ctx.profile.places);
  }
  const categories = new Set(countedIndicators(form).map((i) => i.level1));
  const missing = REQUIRED_CATEGORIES.filter((c) => !categories.has(c));
  if (missing.length > 0 && form.indicatorHeader) {
    ctx.add(
      'MISSING_CATEGORY',
      form.indicatorHeader.cell,
      `缺少${missing.join('、')}，绩效指标应包括产出、效益和满意度三类`,
      REQUIRED_CATEGORIES.join('、'),
      [...categories].join('、'),
    );
  }
}

/**
 * One indicator row: its blanks and, on a 自评表, its score against its 分值, target and
 * actual, and its 偏差原因. Also what PERF.CHECK runs on a single row.
 */
/** Checks one indicator row; `places` is how many decimals the form prints scores with. */
export function checkIndicator(
  ctx: Reporter,
  ind: Indicator,
  kind: FormKind,
  fund: FundEvaluation | null,
  places = 2,
): void {
  if (ind.name.value === '') ctx.add('EMPTY_FIELD', ind.name.cell, `第 ${ind.row + 1} 行的三级指标名称为空`);
  if (ind.target.value.kind === 'empty') ctx.add('EMPTY_FIELD', ind.target.cell, `${label(ind)}的年度指标值为空`);
  if (kind === 'self-eval') checkScoredRow(ctx, ind, fund, places);
}

function checkScoredRow(ctx: Reporter, ind: Indicator, fund: FundEvaluation | null, places: number): void {
  const what = label(ind);
  if (ind.actual.value.kind === 'empty') ctx.add('EMPTY_FIELD', ind.actual.cell, `${what}的实际完成值为空`);
  const weight = numberIn(ctx, ind.weight, `${what}的分值`);
  const score = numberIn(ctx, ind.score, `${what}的得分`);
  if (ind.weight?.value.kind === 'empty' || !ind.weight)
    ctx.add('EMPTY_FIELD', ind.weight?.cell ?? ind.name.cell, `${what}的分值为空`);
  if (ind.score?.value.kind === 'empty' || !ind.score)
    ctx.add('EMPTY_FIELD', ind.score?.cell ?? ind.name.cell, `${what}的得分为空`);
  checkExecRateIndicator(ctx, ind, fund);
  if (weight === null || score === null) return;
  const scoreCell = ind.score!.cell;
  if (score.gt(weight) || score.isNegative()) {
    ctx.add(
      'SCORE_EXCEEDS_WEIGHT',
      scoreCell,
      `${what}的得分 ${score.toFixed()} 超出分值 ${weight.toFixed()} 的范围（0 到 ${weight.toFixed()}）`,
      `0–${weight.toFixed()}`,
      score.toFixed(),
    );
    return;
  }
  const judgement = judgeIndicator(ind.target.value, ind.actual.value);
  const full = score.eq(weight);
  // Some districts score satisfaction by the actual: 97% → 9.70 of 10.
  const actual = ind.actual.value;
  const byActual =
    judgement.attainment === 'met' &&
    actual.kind === 'quantity' &&
    actual.percent &&
    actual.value.lte(100) &&
    roundTo(actual.value.div(100).times(weight), 2, 'half-up').eq(score);
  if (judgement.attainment === 'missed' && judgement.quantitative && full) {
    ctx.add(
      'TARGET_NOT_MET_FULL_SCORE',
      scoreCell,
      `${what}未完成${targetAndActual(ind)}，却给了满分 ${score.toFixed()}；按比例应为 ${show(judgement.band![1].times(weight))}`,
      show(judgement.band![1].times(weight)),
      score.toFixed(),
    );
  } else if (!byActual && !scoreInBand(judgement, weight, score, places)) {
    const [lo, hi] = judgement.band!.map((b) => b.times(weight));
    const range = lo.eq(hi) ? show(hi) : `${show(lo)}–${show(hi)}`;
    ctx.add(
      'SCORE_OUT_OF_BAND',
      scoreCell,
      `${what}${judgement.reason.replace(/^指标/, '')}${targetAndActual(ind)}，得分应${lo.eq(hi) ? `为 ${range}` : `在 ${range} 之间`}，表中为 ${score.toFixed()}`,
      range,
      score.toFixed(),
    );
  }
  const shortfall = score.lt(weight) || judgement.attainment === 'missed' || judgement.attainment === 'partial';
  if (shortfall && isBlankReason(ind.reason.value)) {
    if (byActual) {
      ctx.add(
        'MISSING_DEVIATION_REASON',
        ind.reason.cell,
        `${what}按完成比例计分（${actual.text} × ${weight.toFixed()} = ${score.toFixed()}），目标已完成，偏差原因可不填`,
        null,
        null,
        'info',
      );
    } else {
      const why = score.lt(weight)
        ? `得分 ${score.toFixed()} 低于分值 ${weight.toFixed()}${judgement.attainment === 'missed' ? '（目标未完成）' : ''}`
        : `目标${judgement.attainment === 'partial' ? '部分达成' : '未完成'}${targetAndActual(ind)}`;
      ctx.add('MISSING_DEVIATION_REASON', ind.reason.cell, `${what}${why}，应填写偏差原因分析及改进措施`);
    }
  }
}

/** An indicator named 预算执行率 must state the fund table's own 执行率. */
function checkExecRateIndicator(ctx: Reporter, ind: Indicator, fund: FundEvaluation | null): void {
  if (!/(预算|资金)执行率/.test(normalizeLabel(ind.name.value))) return;
  const computed = fund?.rate.computed;
  const actual = ind.actual.value;
  if (!computed || actual.kind !== 'quantity') return;
  const value = actual.percent || actual.value.gt(1) ? actual.value : actual.value.times(100);
  if (value.minus(computed).abs().gt(new Decimal('0.01'))) {
    ctx.add(
      'EXEC_RATE_INDICATOR_MISMATCH',
      ind.actual.cell,
      `“${ind.name.value}”的实际完成值 ${ind.actual.text} 与项目资金表计算的执行率 ${show(computed)}% 不符`,
      `${show(computed)}%`,
      ind.actual.text,
    );
  }
}
