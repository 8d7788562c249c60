import { JsonReport } from '../core/report';
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

/**
 * One row per finding. Excel takes a CSV without a byte order mark for the local code
 * page (GBK on Chinese Windows) and garbles UTF-8, hence the BOM; CRLF line ends as
 * RFC 4180 and Excel expect.
 */
export function csvOutput(report: JsonReport): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const file of report.files) {
    const projects = new Map(file.forms.map((f) => [f.id, f.project ?? '']));
    for (const f of file.findings) {
      rows.push([
        file.path,
        f.sheet,
        f.cell,
        f.form ?? '',
        f.form ? (projects.get(f.form) ?? '') : '',
        f.severity,
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
