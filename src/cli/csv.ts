import { SEVERITY_NAMES } from '../core/annotations';
import { Severity } from '../core/findings';
import { JsonReport } from '../core/report';
import { OutputLanguage } from './args';
import { keepLayout } from './printable';

export const CSV_HEADER = [
  'file',
  'sheet',
  'cell',
  'form',
  'project',
  'severity',
  'code',
  'message',
  'expected',
  'actual',
] as const;

/** The same columns as a Chinese reviewer reads them (the default). */
export const CSV_HEADER_ZH = [
  '文件',
  '工作表',
  '单元格',
  '表格',
  '项目名称',
  '严重程度',
  '代码',
  '说明',
  '应为',
  '实际',
] as const;

/** What the severity column says of a file that was not checked. */
const NOT_CHECKED = {
  zh: { unreadable: '无法读取', skipped: '已跳过' },
  en: { unreadable: 'unreadable', skipped: 'skipped' },
} as const;

/**
 * One row per finding, and one per file that could not be read or was skipped (the
 * reason under message, the severity column saying which). Headers and severities are
 * Chinese unless `lang` is `en`; codes and messages are the same in both. Excel takes a CSV without a byte order mark for the local code
 * page (GBK on Chinese Windows) and garbles UTF-8, hence the BOM; CRLF line ends as
 * RFC 4180 and Excel expect.
 */
export function csvOutput(report: JsonReport, lang: OutputLanguage = 'zh'): string {
  const rows: string[][] = [[...(lang === 'en' ? CSV_HEADER : CSV_HEADER_ZH)]];
  const severity = (s: Severity) => (lang === 'en' ? s : SEVERITY_NAMES[s]);
  for (const file of report.files) {
    if (file.error !== undefined || file.skipped !== undefined) {
      const which = file.error !== undefined ? NOT_CHECKED[lang].unreadable : NOT_CHECKED[lang].skipped;
      rows.push([file.path, '', '', '', '', which, '', file.error ?? file.skipped ?? '', '', '']);
      continue;
    }
    const projects = new Map(file.forms.map((f) => [f.id, f.project ?? '']));
    for (const f of file.findings) {
      rows.push([
        file.path,
        f.sheet,
        f.cell,
        f.form ?? '',
        f.form ? (projects.get(f.form) ?? '') : '',
        severity(f.severity),
        f.code,
        f.message,
        f.expected ?? '',
        f.actual ?? '',
      ]);
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?%?$/;

/**
 * Quotes a field holding a comma, quote or line break, doubling inner quotes. Text that
 * Excel would run as a formula (starting =, +, -, @, or a tab or CR) is prefixed with an
 * apostrophe: project names and cell texts come from other people's workbooks. Plain
 * numbers such as -3.5 are left as they are. Control characters other than tabs and line
 * breaks (an ESC sequence in a cell) and bidi marks are removed, since the CSV is often
 * printed on a terminal.
 */
export function csvField(value: string): string {
  let v = keepLayout(value);
  if (/^[=+\-@\t\r]/.test(v) && !PLAIN_NUMBER.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
