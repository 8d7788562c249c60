import { Decimal } from '../decimal';
import { countedIndicators, indicatorSum } from '../form';
import { Grade, gradeOf, isGrade } from '../grade';
import { normalizeLabel } from '../labels';
import { CheckContext, numberIn, show, shownIn } from './context';
import { FundEvaluation } from './fund';

export interface TotalsEvaluation {
  total: { printed: Decimal | null; computed: Decimal | null };
  grade: { printed: string | null; computed: Grade | null };
  fundInTotal: boolean;
}

const HUNDRED = new Decimal(100);

/** 分值 add up to 100, 总分 adds up the 得分, 评分等级 matches 总分. */
export function checkTotals(ctx: CheckContext, fund: FundEvaluation | null): TotalsEvaluation {
  const { form, profile } = ctx;
  const rows = countedIndicators(form);
  const sum = (pick: (r: (typeof rows)[number]) => Decimal | null) =>
    rows.reduce((s, r) => s.plus(pick(r) ?? 0), new Decimal(0));
  const weights = indicatorSum(form, 'weight');
  const fundWeight = fund?.weight ?? null;
  let fundInTotal: boolean;
  if (profile.fundInTotal !== 'by-weights') fundInTotal = profile.fundInTotal === 'yes';
  else fundInTotal = !weights.eq(HUNDRED);
  const expectedWeights = fundInTotal ? HUNDRED.minus(fundWeight ?? 10) : HUNDRED;
  const where = form.total?.weight?.cell ?? form.total?.label.cell ?? form.indicatorHeader?.cell ?? form.anchor;
  if (rows.length > 0 && !weights.eq(expectedWeights)) {
    ctx.add(
      'WEIGHT_SUM_MISMATCH',
      where,
      fundInTotal
        ? `指标分值合计 ${weights.toFixed()}，加上资金分值 ${(fundWeight ?? new Decimal(10)).toFixed()} 应为 100（指标应合计 ${expectedWeights.toFixed()}）`
        : `指标分值合计 ${weights.toFixed()}，应为 100`,
      expectedWeights.toFixed(),
      weights.toFixed(),
    );
  }
  const totalWeight = form.total ? numberIn(ctx, form.total.weight, '总分的分值') : null;
  if (totalWeight !== null && !totalWeight.eq(HUNDRED)) {
    ctx.add(
      'WEIGHT_SUM_MISMATCH',
      form.total!.weight!.cell,
      `总分的分值应为 100，表中为 ${totalWeight.toFixed()}`,
      '100',
      totalWeight.toFixed(),
    );
  }

  const indicatorScores = sum((r) => (r.score?.value.kind === 'number' ? r.score.value.shown : null));
  const printedSum = indicatorScores.plus(fundInTotal ? (fund?.score.printed ?? 0) : 0);
  const computed = fund?.score.computed ?? fund?.score.printed ?? null;
  const computedTotal = fundInTotal ? (computed === null ? null : indicatorScores.plus(computed)) : indicatorScores;
  const printedTotal =
    form.total && numberIn(ctx, form.total.score, '总分') !== null ? shownIn(form.total.score) : null;
  const result: TotalsEvaluation = {
    total: { printed: printedTotal, computed: computedTotal },
    grade: { printed: form.grade?.value ? normalizeLabel(form.grade.value) : null, computed: null },
    fundInTotal,
  };
  if (form.total && (!form.total.score || form.total.score.value.kind === 'empty')) {
    ctx.add(
      'EMPTY_FIELD',
      form.total.score?.cell ?? form.total.label.cell,
      '总分为空',
      computedTotal ? show(computedTotal) : null,
    );
  }
  if (printedTotal !== null) {
    const cell = form.total!.score!.cell;
    if (!printedTotal.eq(printedSum)) {
      ctx.add(
        'TOTAL_MISMATCH',
        cell,
        `总分应为各项得分之和 ${show(printedSum)}${fundInTotal ? '（含资金得分）' : ''}，表中为 ${printedTotal.toFixed()}`,
        show(printedSum),
        printedTotal.toFixed(),
      );
    } else if (fund?.scoreWrong && fundInTotal && computedTotal && !printedTotal.eq(computedTotal)) {
      ctx.add(
        'TOTAL_RECOMPUTED_MISMATCH',
        cell,
        `总分 ${printedTotal.toFixed()} 沿用了错误的资金得分 ${fund.score.printed?.toFixed()}；资金得分改为 ${show(fund.score.computed!)} 后，总分应为 ${show(computedTotal)}`,
        show(computedTotal),
        printedTotal.toFixed(),
      );
    }
  }
  const basis = fund?.scoreWrong ? computedTotal : (printedTotal ?? computedTotal);
  result.grade.computed = basis === null ? null : gradeOf(basis);
  if (form.grade) {
    const printed = result.grade.printed ?? '';
    if (printed === '') {
      ctx.add(
        'EMPTY_FIELD',
        form.grade.cell,
        `评分等级为空${result.grade.computed ? `，应为“${result.grade.computed}”` : ''}`,
        result.grade.computed,
      );
    } else if (result.grade.computed && (!isGrade(printed) || printed !== result.grade.computed)) {
      ctx.add(
        'GRADE_MISMATCH',
        form.grade.cell,
        `总分 ${show(basis!)} 对应的评分等级是“${result.grade.computed}”，表中为“${printed}”`,
        result.grade.computed,
        printed,
      );
    }
  }
  return result;
}
