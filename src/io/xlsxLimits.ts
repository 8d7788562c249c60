import { count, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, LimitError, Limits, megabytes, overLimit } from './limits';
import { inflateEntry, ZipBudgetError, zipEntries, ZipError } from './zip';

/**
 * Checks an .xlsx against the limits before exceljs loads it. exceljs allocates by what
 * the XML says, not by what it holds: a row number becomes an array index and a merge
 * creates every cell it covers, so a 15 KB file naming row 999999999 or merging
 * A1:XFD1048576 exhausts memory. Everything here works on the raw XML, one zip entry at
 * a time, within the byte budget. Throws LimitError or ZipError with a Chinese message.
 */
export function checkXlsxLimits(bytes: Buffer, limits: Limits): void {
  const entries = zipEntries(bytes);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxBytes) throw tooBig(declared, limits);
  if (entries.some((e) => e.encrypted)) throw new ZipError('工作簿的压缩包内容已加密，无法读取');
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new ZipError('压缩包中没有 xl/workbook.xml，这不是 Excel 工作簿或已损坏，无法读取');
  }
  let used = 0;
  let cells = 0;
  for (const entry of entries) {
    let xml: Buffer;
    try {
      xml = inflateEntry(bytes, entry, limits.maxBytes - used);
    } catch (e) {
      // The directory understated this entry: it inflates past what is left of the budget.
      if (e instanceof ZipBudgetError) throw tooBig(limits.maxBytes + 1, limits);
      throw e;
    }
    used += xml.length;
    // latin1 keeps one character per byte: markup is ASCII, and text lengths are
    // counted from the UTF-8 bytes where they matter.
    const name = entry.name;
    if (name === 'xl/workbook.xml') cells += workbookCells(xml.toString('latin1'), limits, cells);
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) cells += sheetCells(xml.toString('latin1'), name, limits, cells);
    else if (/^xl\/(?:comments[^/]*|tables\/[^/]+)\.xml$/.test(name)) checkRefs(xml.toString('latin1'), name);
    else if (name === 'xl/sharedStrings.xml') checkLongTexts(xml.toString('latin1'), /<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g, limits);
  }
}

function tooBig(bytes: number, limits: Limits): LimitError {
  return overLimit('解压后的大小', `至少 ${megabytes(bytes)}`, megabytes(limits.maxBytes), '--max-size');
}

/**
 * Checks the sheet count, and returns the cells the workbook's defined names cover:
 * exceljs keeps a defined name over `$A$1:$XFD$1048576` as one entry per cell (print
 * areas and titles excepted, which it keeps as text).
 */
function workbookCells(xml: string, limits: Limits, before: number): number {
  const sheets = xml.match(/<(?:\w+:)?sheet\b/g)?.length ?? 0;
  if (sheets > limits.maxSheets) throw overLimit('工作表数', `${count(sheets)} 个`, `${count(limits.maxSheets)} 个`, '--max-sheets');
  let cells = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)) {
    if (/\bname="_xlnm\.Print_(?:Area|Titles)"/.test(m[1])) continue;
    for (const ref of m[2].matchAll(/\$[A-Za-z]+\$\d+(?::\$[A-Za-z]+\$\d+)?/g)) cells += areaOf(ref[0], 'xl/workbook.xml');
    if (before + cells > limits.maxCells) throw tooManyCells(before + cells, limits);
  }
  return cells;
}

function tooManyCells(cells: number, limits: Limits): LimitError {
  return overLimit('单元格数', `至少 ${count(cells)} 个（含合并单元格、数据验证和名称覆盖的单元格）`, `${count(limits.maxCells)} 个`, '--max-cells');
}

/**
 * The cells one sheet makes exceljs create: its cells, every cell its merges cover, and
 * every cell a data validation names (exceljs keeps one entry per cell of its range).
 * Rows and cells outside Excel's sheet are refused.
 */
function sheetCells(xml: string, entry: string, limits: Limits, before: number): number {
  let cells = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?(row|c|mergeCell|dataValidation)\b([^>]*)>/g)) {
    const attrs = m[2];
    if (m[1] === 'row') {
      const r = /\br="(\d+)"/.exec(attrs);
      if (r) checkRow(Number(r[1]), entry);
      continue;
    }
    if (m[1] === 'c') {
      const r = /\br="([A-Za-z]+)(\d+)"/.exec(attrs);
      if (r) checkCell(r[1], Number(r[2]), entry);
      cells++;
    } else {
      const refs = /\b(?:ref|sqref)="([^"]*)"/.exec(attrs)?.[1] ?? '';
      for (const ref of refs.split(/\s+/)) if (ref !== '') cells += areaOf(ref, entry);
    }
    if (before + cells > limits.maxCells) throw tooManyCells(before + cells, limits);
  }
  checkLongTexts(xml, /<(?:\w+:)?(?:v|t)\b[^>]*>([^<]*)</g, limits);
  return cells;
}

/** Cells in a range such as `A1:XFD1048576` (or one cell); a malformed range counts as none. */
function areaOf(ref: string, entry: string): number {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return 0;
  const c1 = checkCell(m[1], Number(m[2]), entry);
  const c2 = m[3] ? checkCell(m[3], Number(m[4]), entry) : c1;
  const r2 = m[4] ? Number(m[4]) : Number(m[2]);
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - Number(m[2])) + 1);
}

/** Notes and tables name cells too: each must lie inside Excel's sheet, as exceljs indexes rows by them. */
function checkRefs(xml: string, entry: string): void {
  for (const m of xml.matchAll(/\bref="\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?"/g)) {
    checkCell(m[1], Number(m[2]), entry);
    if (m[3]) checkCell(m[3], Number(m[4]), entry);
  }
}

function checkRow(row: number, entry: string): void {
  if (row < 1 || row > EXCEL_MAX_ROWS) {
    throw new LimitError(`${entry} 中的行号 ${count(row)} 超出 Excel 工作表的范围（1 至 ${count(EXCEL_MAX_ROWS)} 行），文件已损坏或被改动，无法读取`);
  }
}

/** The column number; a cell outside Excel's sheet is refused. */
function checkCell(letters: string, row: number, entry: string): number {
  checkRow(row, entry);
  let column = 0;
  for (const ch of letters.toUpperCase()) {
    column = column * 26 + (ch.charCodeAt(0) - 64);
    if (column > EXCEL_MAX_COLUMNS) break;
  }
  if (column > EXCEL_MAX_COLUMNS) {
    throw new LimitError(`${entry} 中的单元格 ${letters}${row} 超出 Excel 工作表的范围（最多 XFD 列），文件已损坏或被改动，无法读取`);
  }
  return column;
}

/**
 * Text longer than the limit, in characters. A run of bytes can only hold too many
 * characters if it has at least as many bytes, so only such runs are decoded.
 */
function checkLongTexts(xml: string, pattern: RegExp, limits: Limits): void {
  for (const m of xml.matchAll(pattern)) {
    if (m[1].length <= limits.maxTextLength) continue;
    const text = Buffer.from(m[1].replace(/<[^>]*>/g, ''), 'latin1')
      .toString('utf8')
      .replace(/&(?:#\d+|#x[0-9a-fA-F]+|\w+);/g, '_');
    const length = Array.from(text).length;
    if (length > limits.maxTextLength) {
      throw overLimit('单元格文字长度', `有一段文字 ${count(length)} 个字符`, `${count(limits.maxTextLength)} 个字符`, '--max-text');
    }
  }
}
