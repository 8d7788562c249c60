import type * as SheetJS from '@e965/xlsx';
import type ExcelJS from 'exceljs';
import { Grid } from '../core/grid';
import { jsonReport, JsonFile } from '../core/report';
import { parseCsv } from '../core/csvGrid';
import { parseTsv } from '../core/tsv';
import { annotateWorkbook } from '../io/annotate';
import { COPY_SUFFIX, inputKind, naturalOrder, skipReason } from '../io/fileKinds';
import { gridWorkbook } from '../io/gridWorkbook';
import { readLegacyWorkbook } from '../io/legacyWorkbook';
import { checkTextLimits, DEFAULT_LIMITS, megabytes } from '../io/limits';
import { sheetNameFor } from '../io/sheetName';
import { decodeText } from '../io/text';
import { readXlsx } from '../io/xlsx';
import { summaryWorkbook } from '../cli/summaryWorkbook';
import type { CheckOutcome } from './checkGrids';

/**
 * The preview page's batch (issue 13, “without a terminal”): many local files checked
 * by the same readers, engine and writers as the command line, in the browser. Nothing
 * is sent anywhere: files are read with File.arrayBuffer() and results leave the page
 * only as downloads the user asks for.
 */

/** A file the user picked or dropped: its name inside the folder, and its bytes on demand. */
export interface BatchInput {
  /** `文件夹/子文件夹/表.xlsx` for a folder, the bare name otherwise. */
  name: string;
  size: number;
  bytes: () => Promise<ArrayBuffer>;
}

/** One file of the batch once looked at: checked, unreadable (report.error) or skipped (report.skipped). */
export interface BatchResult {
  input: BatchInput;
  report: JsonFile;
  /** What the single-file view shows when the user opens this file; null unless checked. */
  outcome: CheckOutcome | null;
  warnings: string[];
}

/** What the page accepts in its file picker. */
export const BATCH_ACCEPT = '.xlsx,.xls,.et,.csv,.tsv,.txt';

/** The files to check and the ones left out, each in natural order (副本2 before 副本10). */
export function sortInputs(inputs: BatchInput[]): { toCheck: BatchInput[]; skipped: BatchResult[] } {
  const sorted = [...inputs].sort((a, b) => naturalOrder.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const toCheck: BatchInput[] = [];
  const skipped: BatchResult[] = [];
  for (const input of sorted) {
    const reason = skipReason(input.name);
    if (reason === null) toCheck.push(input);
    else skipped.push({ input, report: { path: input.name, skipped: reason, forms: [], findings: [] }, outcome: null, warnings: [] });
  }
  return { toCheck, skipped };
}

// Loaded on first use only: the task pane inside Excel never downloads them.
export async function loadExcel(): Promise<typeof ExcelJS> {
  const loaded = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
  // The browser build of exceljs is CommonJS: its namespace is under `default`.
  return (loaded as unknown as { default?: typeof ExcelJS }).default ?? (loaded as unknown as typeof ExcelJS);
}

async function loadSheetJs(): Promise<typeof SheetJS> {
  return await import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx');
}

/** The file's grids, read as the command line reads that kind of file; throws a Chinese message. */
export async function readBatchFile(name: string, data: ArrayBuffer): Promise<{ grids: Grid[]; warnings: string[] }> {
  if (data.byteLength > DEFAULT_LIMITS.maxBytes) {
    throw new Error(`文件太大（${megabytes(data.byteLength)}，上限 ${megabytes(DEFAULT_LIMITS.maxBytes)}）`);
  }
  const bytes = new Uint8Array(data);
  const kind = inputKind(name);
  if (kind === 'text' || kind === 'csv') {
    const { text, warning } = decodeText(bytes);
    checkTextLimits(text, DEFAULT_LIMITS);
    const sheet = sheetNameFor(baseName(name));
    return { grids: [(kind === 'csv' ? parseCsv : parseTsv)(text, sheet)], warnings: warning ? [warning] : [] };
  }
  if (bytes.length === 0) throw new Error('文件是空的（0 字节），不是 Excel 或 WPS 工作簿');
  // An .xls that is really an .xlsx (and the other way round) is read by what it is.
  if (isZip(bytes)) {
    try {
      return { grids: await readXlsx(data, await loadExcel()), warnings: [] };
    } catch {
      throw new Error('工作簿已损坏或不完整，无法打开');
    }
  }
  if (kind === 'xlsx' && !isOle(bytes)) {
    throw new Error('不是有效的 .xlsx 工作簿（文件内容不是 Excel 格式，可能是改了扩展名的文本或其他文件）');
  }
  return { grids: readLegacyWorkbook(bytes, await loadSheetJs(), DEFAULT_LIMITS), warnings: [] };
}

export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function baseName(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The 汇总表, by the command line's own writer, as .xlsx bytes. */
export async function summaryBytes(results: BatchResult[]): Promise<Uint8Array> {
  const report = jsonReport(results.map((r) => (r.warnings.length ? { ...r.report, warnings: r.warnings } : r.report)));
  const wb = summaryWorkbook(report, new Map(), '汇总表.xlsx', await loadExcel());
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The annotated copy of one checked file, as the command line's `--out-dir` writes it:
 * the workbook itself for an .xlsx, the grids as a workbook for anything else, marked
 * by annotateWorkbook. The file is read again, so the batch never holds every workbook.
 */
export async function annotatedCopy(result: BatchResult): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const data = await result.input.bytes();
  let wb: ExcelJS.Workbook;
  if (isZip(new Uint8Array(data))) {
    wb = new Excel.Workbook();
    await wb.xlsx.load(data);
  } else {
    wb = gridWorkbook((await readBatchFile(result.input.name, data)).grids, Excel);
  }
  annotateWorkbook(wb, result.report.findings, result.outcome?.projects ?? new Map());
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** `<name>.检查结果.xlsx` inside the zip, keeping the folder; `<name> (2)…` when two files share a name. */
export function copyNames(results: BatchResult[]): Map<BatchResult, string> {
  const taken = new Set<string>();
  const out = new Map<BatchResult, string>();
  for (const r of results) {
    const dir = r.input.name.includes('/') ? r.input.name.slice(0, r.input.name.lastIndexOf('/') + 1) : '';
    const base = baseName(r.input.name);
    for (let n = 1; ; n++) {
      const name = `${dir}${base}${n === 1 ? '' : ` (${n})`}${COPY_SUFFIX}`;
      if (!taken.has(name)) {
        taken.add(name);
        out.set(r, name);
        break;
      }
    }
  }
  return out;
}

/**
 * One .zip of the annotated copies of every checked file. A copy that cannot be written
 * (content exceljs cannot write back) is left out and named in 未能生成的副本.txt, so one
 * bad file never loses the others.
 */
export async function copiesZip(results: BatchResult[], onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const loaded = await import(/* webpackChunkName: "jszip" */ 'jszip');
  const JSZip = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  const zip = new (JSZip as unknown as new () => import('jszip'))();
  const checked = results.filter((r) => r.outcome !== null);
  const names = copyNames(checked);
  const failed: string[] = [];
  for (const [i, r] of checked.entries()) {
    onProgress(i, checked.length);
    try {
      zip.file(names.get(r) ?? '', await annotatedCopy(r));
    } catch (e) {
      failed.push(`${r.input.name}：工作簿中有 exceljs 无法重新写出的内容（${e instanceof Error ? e.message : String(e)}）`);
    }
  }
  onProgress(checked.length, checked.length);
  if (failed.length) zip.file('未能生成的副本.txt', `${failed.join('\r\n')}\r\n`);
  return await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** One row of the page's summary table: a form, or a file without one (unreadable, skipped, no form). */
export interface SummaryRow {
  key: string;
  result: BatchResult;
  file: string;
  sheet: string;
  project: string;
  rate: string | null;
  fundScore: string | null;
  total: string | null;
  grade: string;
  errors: number;
  warnings: number;
  infos: number;
  note: string;
}

export type SummaryColumn = Exclude<keyof SummaryRow, 'key' | 'result'>;

/** The rows the 汇总表 has, in the same order: one per form, one per file without a form. */
export function summaryRows(results: BatchResult[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const counts = (findings: { severity: string }[]) => ({
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  });
  results.forEach((result, i) => {
    const { report } = result;
    if (report.forms.length === 0) {
      const note =
        report.skipped !== undefined
          ? `已跳过：${report.skipped}`
          : report.error !== undefined
            ? `无法读取：${report.error}`
            : '没有找到绩效自评表或申报表';
      rows.push({
        key: `${i}`,
        result,
        file: report.path,
        sheet: '',
        project: '',
        rate: null,
        fundScore: null,
        total: null,
        grade: '',
        ...counts(report.findings),
        note,
      });
      return;
    }
    for (const form of report.forms) {
      rows.push({
        key: `${i}:${form.id}`,
        result,
        file: report.path,
        sheet: form.sheet,
        project: form.project ?? '',
        rate: form.fund?.rate.printed ?? form.fund?.rate.computed ?? null,
        fundScore: form.fund?.score.printed ?? form.fund?.score.computed ?? null,
        total: form.total.printed,
        grade: form.grade.printed ?? '',
        ...counts(report.findings.filter((f) => f.form === form.id)),
        note: result.warnings.join('；'),
      });
    }
  });
  return rows;
}

const NUMERIC: ReadonlySet<SummaryColumn> = new Set(['rate', 'fundScore', 'total', 'errors', 'warnings', 'infos']);

/**
 * The rows sorted by one column (a stable sort: equal rows keep the 汇总表's order).
 * Numbers compare as numbers, names in natural order; blanks go last either way.
 */
export function sortRows(rows: SummaryRow[], column: SummaryColumn, descending: boolean): SummaryRow[] {
  const blank = (v: unknown) => v === null || v === '';
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (blank(x) || blank(y)) return blank(x) === blank(y) ? 0 : blank(x) ? 1 : -1;
    const order = NUMERIC.has(column) ? Number(x) - Number(y) : naturalOrder.compare(String(x), String(y));
    return descending ? -order : order;
  });
}
