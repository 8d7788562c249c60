import { Finding, Severity, FINDING_CODES } from './findings';

/**
 * How findings are marked on a sheet, shared by every host and the annotated copy the
 * command line writes: one fill and one note per cell, the worst severity's colour.
 */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface CellAnnotation {
  sheet: string;
  cell: string;
  severity: Severity;
  fill: string;
  /** The note text: every finding at the cell, worst first. */
  note: string;
  findings: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Where a note starts, so PerfCheck's notes are told apart from the user's own. */
export const NOTE_PREFIX = 'PerfCheck 检查：';

export function annotationsFor(findings: Finding[]): CellAnnotation[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  return [...byCell.values()].map((list) => {
    const sorted = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const severity = sorted[0].severity;
    // Codes stay in the 检查结果 sheet and the JSON: a note is read by people.
    const lines = sorted.map((f) => `【${SEVERITY_NAMES[f.severity]}】${f.message}`);
    return {
      sheet: sorted[0].sheet,
      cell: sorted[0].cell,
      severity,
      fill: SEVERITY_FILL[severity],
      note: `${NOTE_PREFIX}\n${lines.join('\n')}`,
      findings: sorted,
    };
  });
}

/** The name of the sheet that lists every finding. */
export const REPORT_SHEET = '检查结果';

export const REPORT_HEADER = [
  '序号',
  '严重程度',
  '代码',
  '含义',
  '工作表',
  '单元格',
  '项目',
  '说明',
  '应为',
  '实际',
] as const;

export interface ReportRow {
  index: number;
  severity: string;
  code: string;
  meaning: string;
  sheet: string;
  cell: string;
  project: string;
  message: string;
  expected: string;
  actual: string;
}

/** One row a finding for the 检查结果 sheet; `projects` maps form id → 项目名称. */
export function reportRows(findings: Finding[], projects: Map<string, string>): ReportRow[] {
  return findings.map((f, i) => ({
    index: i + 1,
    severity: SEVERITY_NAMES[f.severity],
    code: f.code,
    meaning: FINDING_CODES[f.code].meaning,
    sheet: f.sheet,
    cell: f.cell,
    project: f.form ? (projects.get(f.form) ?? '') : '',
    message: f.message,
    expected: f.expected ?? '',
    actual: f.actual ?? '',
  }));
}

/** A hyperlink target inside the workbook: `'Sheet name'!B12`. */
export function internalLink(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
