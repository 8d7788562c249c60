import type ExcelJS from 'exceljs';
import { CellWrite, ConditionalRule } from '../core/cellWrite';
import { argb, mergedNote } from './annotate';

/** What the copy records about one changed cell: in its note and on the 改正记录 sheet. */
export interface WrittenChange {
  write: CellWrite;
  before: string;
  after: string;
  /** Why, in plain Chinese. */
  reason: string;
}

/** The sheet listing every change PerfCheck made to a copy. */
export const CHANGES_SHEET = '改正记录';
export const CHANGE_NOTE_PREFIX = 'PerfCheck 改正：';
const CHANGES_HEADER = ['序号', '工作表', '单元格', '原值', '新值', '原因'] as const;

/**
 * Applies the core's cell writes to an exceljs workbook: a number or text replaces the
 * value and keeps the cell's style (its number format included) unless the write sets a
 * format; a formula is written with its current result, and the workbook is marked for
 * recalculation on open. The workbook is changed in place; callers pass a copy loaded
 * from the user's file, never the file itself.
 */
export function applyCellWrites(wb: ExcelJS.Workbook, writes: CellWrite[]): void {
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    if (w.kind === 'number') cell.value = Number(w.value);
    else if (w.kind === 'text') cell.value = w.value;
    else {
      const result = w.result ? (w.result.kind === 'number' ? Number(w.result.value) : w.result.value) : undefined;
      cell.value = { formula: w.value, result } as ExcelJS.CellFormulaValue;
    }
    // A loaded workbook's cells share one style object per style: this cell gets its own.
    if (w.numberFormat !== null) cell.style = { ...cell.style, numFmt: w.numberFormat };
  }
  if (writes.some((w) => w.kind === 'formula')) {
    wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  }
}

/** Notes each changed cell (原值 → 新值, why) and lists the changes on the 改正记录 sheet. */
export function recordChanges(wb: ExcelJS.Workbook, changes: WrittenChange[]): void {
  if (changes.length === 0) return;
  for (const c of changes) {
    const ws = wb.getWorksheet(c.write.sheet);
    if (!ws) continue;
    const cell = ws.getCell(c.write.cell);
    cell.note = mergedNote(cell.note, `${CHANGE_NOTE_PREFIX}原值 ${c.before || '（空白）'} → 新值 ${c.after}（${c.reason}）`, CHANGE_NOTE_PREFIX);
  }
  let name = CHANGES_SHEET;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${CHANGES_SHEET}${n}`;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CHANGES_HEADER.map((h) => ({ header: h, width: h === '原因' ? 60 : h === '序号' ? 6 : 16 }));
  ws.getRow(1).font = { bold: true };
  // Text cells: a value from the workbook is shown, never evaluated.
  changes.forEach((c, i) => ws.addRow([i + 1, c.write.sheet, c.write.cell, c.before, c.after, c.reason]));
}

/** Adds the rules as expression-type conditional formatting with a solid fill. */
export function addConditionalRules(wb: ExcelJS.Workbook, rules: ConditionalRule[]): void {
  for (const r of rules) {
    const ws = wb.getWorksheet(r.sheet);
    if (!ws) continue;
    ws.addConditionalFormatting({
      ref: r.range,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [r.formula],
          // A differential format's solid fill takes its colour from bgColor.
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(r.fill) } } },
        },
      ],
    });
  }
}
