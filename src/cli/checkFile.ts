import type * as SheetJS from '@e965/xlsx';
import ExcelJS from 'exceljs';
import * as path from 'path';
import { checkWorkbook, projectNames, WorkbookResult } from '../core/engine';
import { CellWrite, ConditionalRule } from '../core/cellWrite';
import { FINDING_CODES } from '../core/findings';
import { fixWorkbook } from '../core/fixAll';
import { workbookFormulas } from '../core/formFormulas';
import { cellAt, Grid, parseAddress } from '../core/grid';
import { jsonFile, JsonFile } from '../core/report';
import { parseCsv } from '../core/csvGrid';
import { parseTsv } from '../core/tsv';
import { annotateWorkbook } from '../io/annotate';
import { addConditionalRules, applyCellWrites, recordChanges, WrittenChange } from '../io/cellWrites';
import { explainWorkbook } from '../core/explain';
import { gridWorkbook } from '../io/gridWorkbook';
import { LegacyWorkbookError, readLegacyWorkbook } from '../io/legacyWorkbook';
import { checkTextLimits, count, LimitError, Limits, overLimit } from '../io/limits';
import { NotAFileError, readBounded } from '../io/readBounded';
import { sheetNameFor } from '../io/sheetName';
import { decodeText, TextEncodingError } from '../io/text';
import { worksheetGrid } from '../io/xlsx';
import { checkXlsxLimits } from '../io/xlsxLimits';
import { ZipError } from '../io/zip';
import { fileErrorReason, InputKind } from './inputs';

/** One file to read and check, as the command line hands it to a worker. */
export interface FileJob {
  path: string;
  kind: InputKind;
  profile: string;
  limits: Limits;
  /** Whether to make the annotated copy's bytes (`--out-dir`). */
  annotate: boolean;
  /** Whether to say what was read from which cell (`--explain`). */
  explain: boolean;
  /** `--fix`: the copy is the corrected workbook, and the report is its check. */
  fix?: boolean;
  /** `--formulas`: the copy computes its 执行率, 资金得分, 总分 and 等级 (`perf`: with PERF.*). */
  formulas?: 'excel' | 'perf' | null;
}

/** One cell the corrected copy changed, as the command line prints it. */
export interface CellChange {
  sheet: string;
  cell: string;
  before: string;
  after: string;
  reason: string;
}

export type FileOutcome =
  | {
      path: string;
      ok: true;
      file: JsonFile;
      /** Things the user should know that are not findings, e.g. bytes replaced while decoding. */
      warnings: string[];
      /** The annotated copy's .xlsx bytes, or why it could not be made. */
      copy: Uint8Array | null;
      copyError: string | null;
      /** With `--explain`: what was read from which cell, line by line. */
      account: string[] | null;
      /** With `--fix` or `--formulas`: every cell the copy changed. */
      changes: CellChange[];
    }
  | { path: string; ok: false; error: string };

/** A checked file as the reports show it: the JSON report's file, with any reading warnings and changes. */
export type ReportedFile = JsonFile & { warnings?: string[]; changes?: CellChange[] };

/** A file read into grids, and the workbook to annotate for its copy. */
interface ReadFile {
  grids: Grid[];
  workbook: () => ExcelJS.Workbook;
  warnings: string[];
}

/**
 * Reads one input within the limits and checks all its sheets as one workbook. Whatever
 * goes wrong comes back as a Chinese reason, never as an exception, so the other files
 * are still checked. This runs inside the per-file worker (fileWorker.ts): a file that
 * still exhausts memory or time only takes that worker down.
 */
export async function checkFile(job: FileJob): Promise<FileOutcome> {
  const fail = (error: string): FileOutcome => ({ path: job.path, ok: false, error });
  let read: ReadFile;
  try {
    const bytes = await readBounded(job.path, job.limits.maxBytes);
    read = await readInput(bytes, job);
  } catch (e) {
    if (e instanceof LegacyWorkbookError && path.extname(job.path).toLowerCase() === '.et') {
      return fail(`${e.message}。${SAVE_ET_AS_XLSX}`);
    }
    if (
      e instanceof LegacyWorkbookError ||
      e instanceof LimitError ||
      e instanceof ZipError ||
      e instanceof TextEncodingError ||
      e instanceof NotAFileError
    )
      return fail(e.message);
    if ((e as NodeJS.ErrnoException)?.code !== undefined) return fail(`无法读取文件（${fileErrorReason(e)}）`);
    return fail(`工作簿已损坏或不完整，无法打开（${reason(e)}）`);
  }
  let result: WorkbookResult;
  let edits: CopyEdits | null = null;
  try {
    if (job.fix || job.formulas) {
      edits = copyEdits(read.grids, job);
      result = edits.result;
    } else result = checkWorkbook(read.grids, { profile: job.profile });
  } catch (e) {
    return fail(`检查时出现内部错误，请将此文件反馈给开发者（${reason(e)}）`);
  }
  let copy: Uint8Array | null = null;
  let copyError: string | null = null;
  if (job.annotate) {
    try {
      const wb = read.workbook();
      if (edits) {
        applyCellWrites(wb, edits.writes);
        addConditionalRules(wb, edits.rules);
        recordChanges(wb, edits.changes);
      } else annotateWorkbook(wb, result.findings, projectNames(result));
      copy = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    } catch (e) {
      copyError = `工作簿中有 exceljs 无法重新写出的内容（${reason(e)}）`;
    }
  }
  const account = job.explain ? explainWorkbook(result) : null;
  return {
    path: job.path,
    ok: true,
    file: jsonFile(job.path, result),
    warnings: read.warnings,
    copy,
    copyError,
    account,
    changes: (edits?.changes ?? []).map((c) => ({
      sheet: c.write.sheet,
      cell: c.write.cell,
      before: c.before,
      after: c.after,
      reason: c.reason,
    })),
  };
}

/** What to do with a WPS .et file that cannot be read, step by step in WPS 表格's own words. */
export const SAVE_ET_AS_XLSX =
  '请在 WPS 表格中打开此文件，点“文件 → 另存为”，“文件类型”选“Excel 工作簿(*.xlsx)”，保存后检查新的 .xlsx 文件';

function readInput(bytes: Buffer, job: FileJob): Promise<ReadFile> | ReadFile {
  switch (job.kind) {
    case 'xlsx':
      return readWorkbook(bytes, job.limits);
    case 'legacy':
      return readLegacy(bytes, job.limits);
    case 'text':
      return readText(bytes, job.path, job.limits, parseTsv);
    case 'csv':
      return readText(bytes, job.path, job.limits, parseCsv);
  }
}

/**
 * An .xls or .et: an OLE compound file (Excel 97–2003, WPS), or what systems export
 * under that name and Excel opens: an .xlsx (read as one), an HTML table or an XML
 * Spreadsheet 2003. Anything else is refused rather than guessed at.
 */
async function readLegacy(bytes: Buffer, limits: Limits): Promise<ReadFile> {
  if (bytes.length === 0) throw new LegacyWorkbookError('文件是空的（0 字节），不是 Excel 或 WPS 工作簿');
  if (isZip(bytes)) return readWorkbook(bytes, limits);
  if (!isOle(bytes) && !isMarkup(bytes)) {
    throw new LegacyWorkbookError('不是有效的 Excel 或 WPS 工作簿（文件内容不是表格格式，可能是改了扩展名的其他文件）');
  }
  return readOle(bytes, limits);
}

function readOle(bytes: Buffer, limits: Limits): ReadFile {
  // Loaded on the first .xls or .et only: SheetJS takes tens of MB of heap, which every
  // worker would otherwise spend at start under its --max-memory cap.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const XLSX = require('@e965/xlsx') as typeof SheetJS;
  const grids = readLegacyWorkbook(bytes, XLSX, limits);
  return { grids, workbook: () => gridWorkbook(grids, ExcelJS), warnings: [] };
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
/** HTML or XML, after an optional UTF-8 byte order mark and white space. */
const isMarkup = (b: Uint8Array) => /^(\uFEFF)?\s*</.test(new TextDecoder().decode(b.subarray(0, 512)));

/** What a corrected or self-computing copy gets, and the check the report shows. */
interface CopyEdits {
  writes: CellWrite[];
  rules: ConditionalRule[];
  changes: WrittenChange[];
  result: WorkbookResult;
}

/**
 * `--fix`: every fix, followed to what it uncovers, and the corrected workbook's check;
 * `--formulas`: formulas and rules over the (corrected) forms. Each changed cell is
 * listed once with its original text.
 */
function copyEdits(grids: Grid[], job: FileJob): CopyEdits {
  const changes = new Map<string, WrittenChange>();
  let current = grids;
  let result: WorkbookResult;
  if (job.fix) {
    const fixed = fixWorkbook(grids, { profile: job.profile });
    for (const c of fixed.changes) {
      const reason = [...new Set(c.codes.map((code) => FINDING_CODES[code].meaning))].join('；');
      changes.set(`${c.write.sheet}!${c.write.cell}`, { write: c.write, before: c.before, after: c.after, reason });
    }
    current = fixed.grids;
    result = fixed.after;
  } else result = checkWorkbook(grids, { profile: job.profile });
  let rules: ConditionalRule[] = [];
  if (job.formulas) {
    const planned = workbookFormulas(result, current, { perf: job.formulas === 'perf' });
    rules = planned.rules;
    for (const w of planned.writes) {
      const key = `${w.sheet}!${w.cell}`;
      const before = changes.get(key)?.before ?? textIn(grids, w.sheet, w.cell);
      changes.set(key, { write: w, before, after: `=${w.value}`, reason: '改为公式，随表中数字自动计算' });
    }
  }
  const writes = [...changes.values()].map((c) => c.write);
  return { writes, rules, changes: [...changes.values()], result };
}

function textIn(grids: Grid[], sheet: string, a1: string): string {
  const grid = grids.find((g) => g.sheet === sheet);
  if (!grid) return '';
  const { row, col } = parseAddress(a1);
  return cellAt(grid, row - grid.top, col - grid.left).text;
}

async function readWorkbook(bytes: Buffer, limits: Limits): Promise<ReadFile> {
  // An .xls saved under the name .xlsx, or an .xlsx protected with a password to open
  // (an encrypted OLE file): SheetJS reads the one and says which the other is.
  if (isOle(bytes)) return readOle(bytes, limits);
  const problem = notAWorkbook(bytes);
  if (problem) throw new ZipError(problem);
  checkXlsxLimits(bytes, limits);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { grids: wb.worksheets.map(worksheetGrid), workbook: () => wb, warnings: [] };
}

function readText(bytes: Buffer, file: string, limits: Limits, parse: (text: string, sheet: string) => Grid): ReadFile {
  const { text, warning } = decodeText(bytes);
  checkTextLimits(text, limits);
  const sheet = sheetNameFor(path.basename(file, path.extname(file)));
  const grids = [parse(text, sheet)];
  checkGridLimits(grids[0], limits);
  return { grids, workbook: () => gridWorkbook(grids, ExcelJS), warnings: warning ? [warning] : [] };
}

/** A CSV's cells are only known once its quotes are read; the text limits count tabs. */
function checkGridLimits(grid: Grid, limits: Limits): void {
  let cells = 0;
  for (const row of grid.cells) {
    cells += row.length;
    if (cells > limits.maxCells)
      throw overLimit('单元格数', `至少 ${count(cells)} 个`, `${count(limits.maxCells)} 个`, '--max-cells');
    for (const cell of row) {
      if (cell && cell.text.length > limits.maxTextLength) {
        throw overLimit(
          '单元格文字长度',
          `有一个单元格 ${count(cell.text.length)} 个字符`,
          `${count(limits.maxTextLength)} 个字符`,
          '--max-text',
        );
      }
    }
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What the first bytes say a file named .xlsx really is, before handing it to a zip reader. */
function notAWorkbook(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件是空的（0 字节），不是 Excel 工作簿';
  if (!isZip(bytes)) {
    return '不是有效的 .xlsx 工作簿（文件内容不是 Excel 格式，可能是改了扩展名的文本或其他文件）';
  }
  return null;
}
