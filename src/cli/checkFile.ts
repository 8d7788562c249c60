import ExcelJS from 'exceljs';
import * as path from 'path';
import { checkWorkbook, projectNames, WorkbookResult } from '../core/engine';
import { Grid } from '../core/grid';
import { jsonFile, JsonFile } from '../core/report';
import { parseTsv } from '../core/tsv';
import { annotateWorkbook } from '../io/annotate';
import { explainWorkbook } from '../core/explain';
import { gridWorkbook } from '../io/gridWorkbook';
import { checkTextLimits, LimitError, Limits } from '../io/limits';
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
    }
  | { path: string; ok: false; error: string };

/** A checked file as the reports show it: the JSON report's file, with any reading warnings. */
export type ReportedFile = JsonFile & { warnings?: string[] };

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
    read = job.kind === 'xlsx' ? await readWorkbook(bytes, job.limits) : readText(bytes, job.path, job.limits);
  } catch (e) {
    if (
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
  try {
    result = checkWorkbook(read.grids, { profile: job.profile });
  } catch (e) {
    return fail(`检查时出现内部错误，请将此文件反馈给开发者（${reason(e)}）`);
  }
  let copy: Uint8Array | null = null;
  let copyError: string | null = null;
  if (job.annotate) {
    try {
      const wb = read.workbook();
      annotateWorkbook(wb, result.findings, projectNames(result));
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
  };
}

async function readWorkbook(bytes: Buffer, limits: Limits): Promise<ReadFile> {
  const problem = notAWorkbook(bytes);
  if (problem) throw new ZipError(problem);
  checkXlsxLimits(bytes, limits);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { grids: wb.worksheets.map(worksheetGrid), workbook: () => wb, warnings: [] };
}

function readText(bytes: Buffer, file: string, limits: Limits): ReadFile {
  const { text, warning } = decodeText(bytes);
  checkTextLimits(text, limits);
  const sheet = sheetNameFor(path.basename(file, path.extname(file)));
  const grids = [parseTsv(text, sheet)];
  return { grids, workbook: () => gridWorkbook(grids, ExcelJS), warnings: warning ? [warning] : [] };
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What the first bytes say a file named .xlsx really is, before handing it to a zip reader. */
function notAWorkbook(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件是空的（0 字节），不是 Excel 工作簿';
  // OLE compound file: an old .xls, or an .xlsx protected with a password to open.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return '这是旧版 .xls 工作簿或设置了打开密码的工作簿，无法读取；请在 Excel 或 WPS 中去掉密码并另存为 .xlsx 后再检查';
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return '不是有效的 .xlsx 工作簿（文件内容不是 Excel 格式，可能是改了扩展名的文本或其他文件）';
  }
  return null;
}
