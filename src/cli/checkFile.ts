import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { checkWorkbook, WorkbookResult } from '../core/engine';
import { Grid } from '../core/grid';
import { parseTsv } from '../core/tsv';
import { gridWorkbook } from '../io/gridWorkbook';
import { sheetNameFor } from '../io/sheetName';
import { decodeText } from '../io/text';
import { worksheetGrid } from '../io/xlsx';
import { fileErrorReason, Input } from './inputs';

export type CheckedFile =
  | { path: string; ok: true; result: WorkbookResult; workbook: () => ExcelJS.Workbook }
  | { path: string; ok: false; error: string };

/**
 * Reads one input and checks all its sheets as one workbook. Whatever goes wrong comes
 * back as a Chinese reason, never as an exception, so the other files are still checked.
 * `workbook()` gives the workbook to annotate: the file's own, loaded once, or for text
 * a new one holding the grid.
 */
export async function checkFile(input: Input, profile: string): Promise<CheckedFile> {
  const fail = (error: string): CheckedFile => ({ path: input.path, ok: false, error });
  if (input.problem !== null || input.kind === null) return fail(input.problem ?? `不支持的文件类型：${input.path}`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input.path);
  } catch (e) {
    return fail(`无法读取文件（${fileErrorReason(e)}）`);
  }
  let grids: Grid[];
  let workbook: () => ExcelJS.Workbook;
  if (input.kind === 'xlsx') {
    const problem = notAWorkbook(bytes);
    if (problem) return fail(problem);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      grids = wb.worksheets.map(worksheetGrid);
    } catch (e) {
      return fail(`工作簿已损坏或不完整，无法打开（${e instanceof Error ? e.message : String(e)}）`);
    }
    workbook = () => wb;
  } else {
    const { text } = decodeText(bytes);
    const sheet = sheetNameFor(path.basename(input.path, path.extname(input.path)));
    grids = [parseTsv(text, sheet)];
    workbook = () => gridWorkbook(grids, ExcelJS);
  }
  try {
    return { path: input.path, ok: true, result: checkWorkbook(grids, { profile }), workbook };
  } catch (e) {
    return fail(`检查时出现内部错误，请将此文件反馈给开发者（${e instanceof Error ? e.message : String(e)}）`);
  }
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
