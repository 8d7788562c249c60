import { inferProfile, ProfileChoice } from './autoProfile';
import { checkDeclarationFunds } from './checks/declaration';
import { checkFields } from './checks/fields';
import { checkFund, FundEvaluation } from './checks/fund';
import { checkIndicators } from './checks/indicators';
import { isNotFilledIn, NOT_FILLED_IN } from './checks/notFilledIn';
import { checkTotals, TotalsEvaluation } from './checks/totals';
import { CheckContext } from './checks/context';
import { Finding, findingsFor } from './findings';
import { withFixes } from './fixes';
import { Form } from './form';
import { Grid } from './grid';
import { locateForms } from './locate';
import { NATIONAL, profileById, RuleProfile } from './profiles';
import { readForm } from './readForm';
import { formBands } from './sideBySide';
import { reportUncalculated } from './uncalculated';

export interface FormResult {
  form: Form;
  fund: FundEvaluation | null;
  totals: TotalsEvaluation | null;
  findings: Finding[];
}

export interface WorkbookResult {
  forms: FormResult[];
  /** Every finding, in sheet and form order. */
  findings: Finding[];
  profile: ProfileChoice;
}

export interface CheckOptions {
  /** `auto` (default) or a profile id such as `national` or `round-up`. */
  profile?: string;
}

/** Finds and reads every form on a sheet, side by side ones each on its own. */
export function findForms(grid: Grid): Form[] {
  return formBands(grid).flatMap((band) => locateForms(band).map((region) => readForm(band, region)));
}

/** Said of a form the engine failed on, so that one bad form never stops the others. */
export const INTERNAL_ERROR = '检查此表时出现内部错误';

export function resolveProfile(id: string | undefined, forms: Form[]): ProfileChoice {
  if (id === undefined || id === 'auto') return inferProfile(forms);
  const profile = profileById(id);
  if (!profile) throw new Error(`未知的规则：${id}`);
  return { profile, auto: false, reason: `使用指定规则：${profile.name}` };
}

/** Checks one form under a profile. */
export function checkForm(form: Form, profile: RuleProfile = NATIONAL): FormResult {
  const { out, add } = findingsFor(form.sheet, form.id);
  const ctx: CheckContext = { form, profile, add };
  checkFields(ctx);
  let fund: FundEvaluation | null = null;
  let totals: TotalsEvaluation | null = null;
  if (form.kind === 'self-eval') {
    fund = checkFund(ctx);
    checkIndicators(ctx, fund);
    if (form.indicators.length > 0 || form.total) totals = checkTotals(ctx, fund);
  } else {
    checkDeclarationFunds(ctx);
    checkIndicators(ctx, null);
  }
  if (isNotFilledIn(form)) {
    // The evaluations stay (改为公式 on a blank template needs them); the empty cells become one finding.
    const blank = findingsFor(form.sheet, form.id);
    blank.add('EMPTY_FIELD', form.anchor, NOT_FILLED_IN);
    return { form, fund, totals, findings: [...blank.out, ...out.filter((f) => f.code === 'FORM_INCOMPLETE')] };
  }
  return { form, fund, totals, findings: out };
}

/** checkForm, except that a failure becomes a finding on the form, never an exception. */
export function checkFormGuarded(form: Form, profile: RuleProfile): FormResult {
  try {
    return checkForm(form, profile);
  } catch (e) {
    const { out, add } = findingsFor(form.sheet, form.id);
    add(
      'FORM_INCOMPLETE',
      form.anchor,
      `${INTERNAL_ERROR}（${(e as Error).message}），其他表格不受影响；请把这份文件反馈给 PerfCheck 的开发者`,
    );
    return { form, fund: null, totals: null, findings: out };
  }
}

/**
 * One form as checkWorkbook checks it: guarded, with the fix of each finding its sheet
 * determines. Whoever checks form by form (the task pane's worker) calls this, then
 * `reportUncalculated` over the results, as checkWorkbook does.
 */
export function checkFormOf(form: Form, profile: RuleProfile, grid: Grid | undefined): FormResult {
  const r = checkFormGuarded(form, profile);
  return { ...r, findings: withFixes(r, profile, grid) };
}

export { reportUncalculated };

/** Form id → 项目名称, for grouping findings and the 检查结果 sheet. */
export function projectNames(result: WorkbookResult): Map<string, string> {
  return new Map(result.forms.map(({ form }) => [form.id, form.project?.value ?? '']));
}

/**
 * Checks every form on every sheet of a workbook. With the `auto` profile, the rounding
 * is inferred once from all the workbook's forms, since one author filled them.
 */
export function checkWorkbook(grids: Grid[], options: CheckOptions = {}): WorkbookResult {
  const forms = grids.flatMap(findForms);
  const profile = resolveProfile(options.profile, forms);
  const sheets = new Map(grids.map((g) => [g.sheet, g]));
  const results = reportUncalculated(
    grids,
    forms.map((f) => checkFormOf(f, profile.profile, sheets.get(f.sheet))),
  );
  const findings = results.flatMap((r) => r.findings);
  if (forms.length === 0) {
    const { out, add } = findingsFor(grids[0]?.sheet ?? '', null);
    add(
      'NO_FORM_FOUND',
      'A1',
      grids.length === 0 ? '工作簿中没有工作表' : '没有找到“财政项目支出绩效自评表”或“绩效目标申报表”，请确认表头文字',
    );
    findings.push(...out);
  }
  return { forms: results, findings, profile };
}
