import { decimalString } from './decimal';
import { WorkbookResult } from './engine';
import { Finding } from './findings';
import { NumberReading } from './values';

/**
 * The JSON report (issue: `--format json`). Numbers are decimal strings exactly as
 * computed; absent values are null.
 */
export interface JsonForm {
  id: string;
  kind: string;
  sheet: string;
  range: string;
  project: string | null;
  year: number | null;
  /** 主管部门. */
  department: string | null;
  /** 实施单位. */
  unit: string | null;
  profile: string;
  fund: {
    budget: string | null;
    actual: string | null;
    rate: { printed: string | null; computed: string | null };
    score: { printed: string | null; computed: string | null };
  } | null;
  indicators: {
    row: number;
    level1: string;
    level2: string;
    name: string;
    target: string;
    actual: string | null;
    weight: string | null;
    score: string | null;
    reason: string | null;
  }[];
  total: { printed: string | null; computed: string | null };
  grade: { printed: string | null; computed: string | null };
}

export interface JsonFile {
  path: string;
  /** Set when the file could not be read: the reason in Chinese. */
  error?: string;
  /** Set for a file found in a folder and not checked (a PDF, a lock file): why, in Chinese. */
  skipped?: string;
  profile?: { id: string; name: string; auto: boolean; reason: string };
  forms: JsonForm[];
  findings: Finding[];
}

export interface JsonReport {
  files: JsonFile[];
  summary: {
    files: number;
    forms: number;
    errors: number;
    warnings: number;
    infos: number;
    /** Files with at least one error finding. */
    filesWithErrors: number;
    /** Files that could not be read. */
    unreadable: number;
    /** Files read in which no form was found. */
    withoutForm: number;
    /** Files found in folders and not checked. */
    skipped: number;
  };
}

const num = (r: { value: NumberReading } | null | undefined) =>
  r && r.value.kind === 'number' ? r.value.shown.toFixed() : null;

export function jsonFile(path: string, result: WorkbookResult): JsonFile {
  return {
    path,
    profile: {
      id: result.profile.profile.id,
      name: result.profile.profile.name,
      auto: result.profile.auto,
      reason: result.profile.reason,
    },
    forms: result.forms.map(({ form, fund, totals }) => ({
      id: form.id,
      kind: form.kind,
      sheet: form.sheet,
      range: form.range,
      project: form.project?.value || null,
      year: form.year,
      department: form.department?.value || null,
      unit: form.unit?.value || null,
      profile: result.profile.profile.id,
      fund: fund && {
        budget: decimalString(fund.budget),
        actual: decimalString(fund.actual),
        rate: { printed: decimalString(fund.rate.printed), computed: decimalString(fund.rate.computed) },
        score: { printed: decimalString(fund.score.printed), computed: decimalString(fund.score.computed) },
      },
      indicators: form.indicators.map((i) => ({
        row: i.row + 1,
        level1: i.level1,
        level2: i.level2,
        name: i.name.value,
        target: i.target.text,
        actual: form.kind === 'self-eval' ? i.actual.text : null,
        weight: num(i.weight),
        score: num(i.score),
        reason: form.kind === 'self-eval' ? i.reason.value : null,
      })),
      total: { printed: decimalString(totals?.total.printed), computed: decimalString(totals?.total.computed) },
      grade: { printed: totals?.grade.printed ?? null, computed: totals?.grade.computed ?? null },
    })),
    findings: result.findings,
  };
}

export function jsonReport(files: JsonFile[]): JsonReport {
  const all = files.flatMap((f) => f.findings);
  return {
    files,
    summary: {
      files: files.length,
      forms: files.reduce((n, f) => n + f.forms.length, 0),
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      infos: all.filter((f) => f.severity === 'info').length,
      filesWithErrors: files.filter((f) => f.findings.some((x) => x.severity === 'error')).length,
      unreadable: files.filter((f) => f.error !== undefined).length,
      withoutForm: files.filter((f) => f.error === undefined && f.skipped === undefined && f.forms.length === 0).length,
      skipped: files.filter((f) => f.skipped !== undefined).length,
    },
  };
}
