import { Rounding } from '../core/decimal';
import {
  checkFormOf,
  checkWorkbook,
  findForms,
  projectNames,
  reportUncalculated,
  resolveProfile,
  WorkbookResult,
} from '../core/engine';
import { Finding } from '../core/findings';
import { Form } from '../core/form';
import { Grid } from '../core/grid';
import { jsonFile, JsonFile } from '../core/report';
import { ProfileChoice } from '../core/autoProfile';

export type Progress = { phase: 'read' | 'check'; done: number; total: number };

/** A finding as the pane shows it: with what it is about (`资金得分`, an indicator's name). */
export interface PaneFinding extends Finding {
  subject: string | null;
}

/** The rule a check used, as plain data (it crosses from the worker by structured clone). */
export interface RuleUsed {
  id: string;
  name: string;
  auto: boolean;
  rateRounding: Rounding;
  /** Decimals rates and fund scores are printed with: 2, or 0 for whole numbers. */
  places: number;
  scoreBase: 'exact' | 'rounded';
  scoreRounding: Rounding;
  /** Percent, as text; null for none. */
  fullMarksThreshold: string | null;
  /** Chinese, plain words: `按宝山区做法：执行率向上舍入（与表中 19 个执行率全部一致）`. */
  reason: string;
  agreement: ProfileChoice['agreement'] | null;
}

/** What the pane keeps of a check: everything it shows, nothing it does not. */
export interface CheckOutcome {
  formCount: number;
  findings: PaneFinding[];
  rule: RuleUsed;
  /** Form id → 项目名称, for grouping and the 检查结果 sheet. */
  projects: Map<string, string>;
  /** The same file as the command line's JSON report holds it: what the 汇总表 is written from. */
  report: JsonFile;
}

const FUND_LINES: Record<string, string> = {
  total: '年度资金总额',
  fiscal: '当年财政拨款',
  carryOver: '上年结转资金',
  other: '其他资金',
};

/** What the cell at `cell` is on the form: the indicator, fund line or total it belongs to. */
export function subjectOf(form: Form, cell: string): string | null {
  for (const ind of form.indicators) {
    const cells = [ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.reason].map((r) => r?.cell);
    if (cells.includes(cell)) return ind.name.value || null;
  }
  for (const row of form.fund?.rows ?? []) {
    if (row.score?.cell === cell) return '资金得分';
    if (row.rate?.cell === cell) return `${FUND_LINES[row.line] ?? ''}执行率`;
    const cells = [row.label, row.initialBudget, row.budget, row.actual, row.weight].map((r) => r?.cell);
    if (cells.includes(cell)) return FUND_LINES[row.line] ?? null;
  }
  if (form.total && [form.total.label, form.total.weight, form.total.score].some((r) => r?.cell === cell))
    return '总分';
  if (form.grade?.cell === cell) return '评分等级';
  if (form.project?.cell === cell) return '项目名称';
  return null;
}

function ruleUsed(choice: ProfileChoice): RuleUsed {
  const p = choice.profile;
  return {
    id: p.id,
    name: p.name,
    auto: choice.auto,
    rateRounding: p.rateRounding,
    places: p.places,
    scoreBase: p.scoreBase,
    scoreRounding: p.scoreRounding,
    fullMarksThreshold: p.fullMarksThreshold?.toFixed() ?? null,
    reason: choice.reason,
    agreement: choice.agreement ?? null,
  };
}

function outcomeOf(result: WorkbookResult, file: string): CheckOutcome {
  const forms = new Map(result.forms.map((r) => [r.form.id, r.form]));
  const findings = result.findings.map((f) => {
    const form = f.form === null ? undefined : forms.get(f.form);
    return { ...f, subject: form ? subjectOf(form, f.cell) : null };
  });
  return {
    formCount: result.forms.length,
    findings,
    rule: ruleUsed(result.profile),
    projects: projectNames(result),
    report: jsonFile(file, result),
  };
}

/**
 * The check as checkWorkbook does it, one step per sheet and per form, so that whoever
 * drives it (the Web Worker, or the pane itself where no worker can start) reports
 * progress and can stop between steps. Yields progress; returns the outcome. `file` is
 * the name the report gives the workbook (the preview's batch checks many).
 */
export function* checkGrids(grids: Grid[], profile: string, file = ''): Generator<Progress, CheckOutcome> {
  const forms: Form[] = [];
  for (const grid of grids) forms.push(...findForms(grid));
  if (forms.length === 0) return outcomeOf(checkWorkbook(grids, { profile }), file);
  const choice = resolveProfile(profile, forms);
  const sheets = new Map(grids.map((g) => [g.sheet, g]));
  const checked = [];
  for (const [i, form] of forms.entries()) {
    yield { phase: 'check', done: i, total: forms.length };
    checked.push(checkFormOf(form, choice.profile, sheets.get(form.sheet)));
  }
  yield { phase: 'check', done: forms.length, total: forms.length };
  const results = reportUncalculated(grids, checked);
  return outcomeOf({ forms: results, findings: results.flatMap((r) => r.findings), profile: choice }, file);
}
