/**
 * Bounds on what one input file may make PerfCheck read, so that a hostile or broken
 * file (a zip bomb, a sheet naming row 999999999, a merge over the whole sheet) is
 * refused with a Chinese message before a parser allocates for it. Each bound can be
 * raised on the command line (docs/cli.md, 限制).
 */
export interface Limits {
  /** Bytes a file may hold once unzipped (all entries of an .xlsx together; a text file's size). */
  maxBytes: number;
  /** Cells per file, counting every cell a merged range covers. */
  maxCells: number;
  /** Characters in one cell's text. */
  maxTextLength: number;
  /** Worksheets per workbook. */
  maxSheets: number;
  /** Heap of the worker that reads and checks one file, in MB. */
  memoryMb: number;
  /** Time to read and check one file, in seconds. */
  timeSeconds: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBytes: 100 * 1024 * 1024,
  maxCells: 1_000_000,
  // Excel's own limit for the text of one cell.
  maxTextLength: 32_767,
  maxSheets: 255,
  memoryMb: 1024,
  timeSeconds: 120,
});

/** Excel's sheet size: no workbook Excel or WPS writes has a cell beyond XFD1048576. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** A file refused because it goes past one of the limits; the message is for the user. */
export class LimitError extends Error {}

export const count = (n: number): string => n.toLocaleString('en-US');

export const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

/** The Chinese message for a count that went past its limit, naming the option that raises it. */
export function overLimit(what: string, found: string, limit: string, option: string): LimitError {
  return new LimitError(`${what}超过上限：${found}，上限 ${limit}（可用 ${option} 调整）`);
}

/** Text of a TSV file: its cells and the length of each. */
export function checkTextLimits(text: string, limits: Limits): void {
  let cells = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 9 && c !== 10) continue;
    cells++;
    if (i - start > limits.maxTextLength) {
      throw overLimit('单元格文字长度', `有一个单元格 ${count(i - start)} 个字符`, `${count(limits.maxTextLength)} 个字符`, '--max-text');
    }
    if (cells > limits.maxCells) {
      throw overLimit('单元格数', `至少 ${count(cells)} 个`, `${count(limits.maxCells)} 个`, '--max-cells');
    }
    start = i + 1;
  }
}
