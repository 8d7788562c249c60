/** Findings: what a check reports, with stable codes (guide: "Findings"). */

import type { Fix } from './fixes';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding points at. */
  cell: string;
  /** Id of the form it belongs to, null for a finding about the whole file. */
  form: string | null;
  /** Plain Chinese: what is wrong and what the expected value is. */
  message: string;
  expected: string | null;
  actual: string | null;
  /** Set when the form determines the correct value (issue 14): what to write, and how. */
  fix?: Fix;
}

/** Every code, its severity and its meaning in plain Chinese. Codes are never renamed. */
export const FINDING_CODES = {
  FUND_RATE_MISMATCH: { severity: 'error', meaning: '执行率与重新计算的结果不符' },
  FUND_SCORE_MISMATCH: { severity: 'error', meaning: '资金得分与重新计算的结果不符' },
  FUND_SUBTOTAL_MISMATCH: { severity: 'error', meaning: '资金总额不等于各项资金之和' },
  FUND_BUDGET_ZERO: { severity: 'error', meaning: '全年预算数为 0 或空白，无法计算执行率' },
  FUND_OVER_100: { severity: 'warning', meaning: '执行数超过预算数' },
  SCORE_EXCEEDS_WEIGHT: { severity: 'error', meaning: '得分超过分值或为负数' },
  MISSING_DEVIATION_REASON: { severity: 'error', meaning: '未满分（或未完成目标）却没有填写偏差原因' },
  TARGET_NOT_MET_FULL_SCORE: { severity: 'warning', meaning: '目标未完成却给了满分' },
  SCORE_OUT_OF_BAND: { severity: 'warning', meaning: '指标得分超出完成情况允许的范围' },
  WEIGHT_SUM_MISMATCH: { severity: 'error', meaning: '分值合计不等于 100' },
  TOTAL_MISMATCH: { severity: 'error', meaning: '总分不等于各项得分之和' },
  TOTAL_RECOMPUTED_MISMATCH: { severity: 'error', meaning: '总分沿用了错误的资金得分' },
  GRADE_MISMATCH: { severity: 'error', meaning: '评分等级与总分不符' },
  EXEC_RATE_INDICATOR_MISMATCH: { severity: 'error', meaning: '“预算执行率”指标的完成值与计算的执行率不符' },
  MISSING_CATEGORY: { severity: 'error', meaning: '缺少产出、效益或满意度指标' },
  EMPTY_FIELD: { severity: 'error', meaning: '必填内容为空' },
  UNPARSABLE_VALUE: { severity: 'warning', meaning: '应为数字的单元格无法识别' },
  NEGATIVE_AMOUNT: { severity: 'error', meaning: '金额为负数' },
  ROUNDING_ROUTE: { severity: 'info', meaning: '数值可由另一种舍入方式得到' },
  DUPLICATE_INDICATOR: { severity: 'warning', meaning: '同一指标行重复出现（未重复计入）' },
  FORM_INCOMPLETE: { severity: 'error', meaning: '表格不完整，部分内容无法检查' },
  NO_FORM_FOUND: { severity: 'warning', meaning: '没有找到绩效自评表或申报表' },
  // An error, not a warning: a form whose values are unknown has not been checked, and
  // must not pass a batch with exit status 0.
  FORMULA_NOT_CALCULATED: {
    severity: 'error',
    meaning: '公式没有保存计算结果，无法核对（在 Excel/WPS 中打开并保存一次）',
  },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Builds findings for one form with the code's own severity unless told otherwise. */
export function findingsFor(sheet: string, form: string | null) {
  const out: Finding[] = [];
  const add = (
    code: FindingCode,
    cell: string,
    message: string,
    expected: string | null = null,
    actual: string | null = null,
    severity: Severity = FINDING_CODES[code].severity,
  ) => {
    out.push({ code, severity, sheet, cell, form, message, expected, actual });
  };
  return { out, add };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function bySeverity(a: Finding, b: Finding): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
