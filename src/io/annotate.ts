import type ExcelJS from 'exceljs';
import {
  annotationsFor,
  internalLink,
  NOTE_PREFIX,
  REPORT_HEADER,
  REPORT_SHEET,
  reportRows,
  SEVERITY_FILL,
} from '../core/annotations';
import { Finding } from '../core/findings';

/**
 * Marks findings on a workbook for the annotated copy the command line writes: each
 * finding cell gets its worst severity's fill and a note with every message, and a
 * 检查结果 sheet lists the findings with a link to each cell. The workbook is changed in
 * place; callers pass a copy loaded from the user's file, never the file itself.
 */
export function annotateWorkbook(wb: ExcelJS.Workbook, findings: Finding[], projects: Map<string, string>): void {
  for (const a of annotationsFor(findings)) {
    const ws = wb.getWorksheet(a.sheet);
    // A finding about the whole file (no form found in an empty workbook) has no cell.
    if (!ws || a.sheet === '') continue;
    const cell = ws.getCell(a.cell);
    // A loaded workbook's cells share one style object per style: assigning cell.fill
    // would colour every cell of that style, so this cell gets a style of its own.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(a.fill) } } };
    cell.note = mergedNote(cell.note, a.note);
  }
  writeReportSheet(wb, findings, projects);
}

export function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

type Note = string | ExcelJS.Comment | undefined;

/**
 * The user's own note stays first and keeps its formatting; ours follows. A PerfCheck
 * note (starting with `prefix`) left in the file by an earlier run is replaced, so notes
 * never stack.
 */
export function mergedNote(existing: Note, ours: string, prefix = NOTE_PREFIX): string | ExcelJS.Comment {
  if (existing === undefined || existing === null) return ours;
  const texts = typeof existing === 'string' ? [{ text: existing }] : (existing.texts ?? []);
  const plain = texts.map((t) => t.text).join('');
  const stale = plain.indexOf(prefix);
  if (stale >= 0) {
    const theirs = plain.slice(0, stale).trimEnd();
    return theirs === '' ? ours : `${theirs}\n\n${ours}`;
  }
  if (plain.trim() === '') return ours;
  if (typeof existing === 'string') return `${existing}\n\n${ours}`;
  return { ...existing, texts: [...texts, { text: `\n\n${ours}` }] };
}

/**
 * Report sheets PerfCheck wrote earlier (their first row is our header) are replaced; a
 * sheet of the user's that happens to be named 检查结果 is kept, and ours takes the next
 * free name.
 */
function reportSheetName(wb: ExcelJS.Workbook): string {
  for (const ws of [...wb.worksheets]) if (isOurReport(ws)) wb.removeWorksheet(ws.id);
  if (!wb.getWorksheet(REPORT_SHEET)) return REPORT_SHEET;
  for (let n = 2; ; n++) {
    const name = `${REPORT_SHEET}${n}`;
    if (!wb.getWorksheet(name)) return name;
  }
}

function isOurReport(ws: ExcelJS.Worksheet): boolean {
  return REPORT_HEADER.every((h, i) => ws.getRow(1).getCell(i + 1).text === h);
}

const COLUMN_WIDTHS: Record<(typeof REPORT_HEADER)[number], number> = {
  序号: 6,
  严重程度: 9,
  代码: 28,
  含义: 30,
  工作表: 14,
  单元格: 9,
  项目: 30,
  说明: 70,
  应为: 12,
  实际: 12,
};

function writeReportSheet(wb: ExcelJS.Workbook, findings: Finding[], projects: Map<string, string>): void {
  const ws = wb.addWorksheet(reportSheetName(wb), { views: [{ state: 'frozen', ySplit: 1 }] });
  // The finding code is for tools and support, not for the reader: kept, but hidden.
  ws.columns = REPORT_HEADER.map((h) => ({ header: h, width: COLUMN_WIDTHS[h], hidden: h === '代码' }));
  ws.getRow(1).font = { bold: true };
  const cellColumn = REPORT_HEADER.indexOf('单元格') + 1;
  const severityColumn = REPORT_HEADER.indexOf('严重程度') + 1;
  reportRows(findings, projects).forEach((r, i) => {
    const row = ws.addRow([r.index, r.severity, r.code, r.meaning, r.sheet, r.cell, r.project, r.message, r.expected, r.actual]);
    row.getCell(severityColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[findings[i].severity]) } };
    if (r.sheet !== '' && wb.getWorksheet(r.sheet)) {
      // A HYPERLINK formula, not a cell hyperlink: exceljs writes an internal cell
      // hyperlink as an external relationship too, which Excel on Windows and WPS
      // follow as a file path; the formula jumps inside the workbook in every program.
      const target = `#${internalLink(r.sheet, r.cell)}`.replace(/"/g, '""');
      const link = row.getCell(cellColumn);
      link.value = { formula: `HYPERLINK("${target}","${r.cell}")`, result: r.cell };
      link.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_HEADER.length } };
}
