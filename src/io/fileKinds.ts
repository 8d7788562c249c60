/**
 * Which files PerfCheck reads and which it leaves out, by name: shared by the command
 * line's folder walk and the preview page's batch, so both skip the same files for the
 * same reasons. Pure: no file system, no path module (it runs in the browser too).
 */

/** The name part every annotated copy ends with: `<name>.检查结果.xlsx`. */
export const COPY_SUFFIX = '.检查结果.xlsx';

/** Corrected copies (`--fix`), and copies that compute themselves (`--formulas` alone). */
export const FIXED_SUFFIX = '.已改正.xlsx';
export const FORMULAS_SUFFIX = '.公式.xlsx';

/**
 * How each kind of file is read: `xlsx` by exceljs; `legacy` (Excel 97–2003 .xls, WPS
 * .et) by SheetJS; `text` tab-separated, `csv` comma-separated (RFC 4180).
 */
export type InputKind = 'xlsx' | 'legacy' | 'text' | 'csv';

const KINDS: ReadonlyMap<string, InputKind> = new Map([
  ['.xlsx', 'xlsx'],
  ['.xls', 'legacy'],
  ['.et', 'legacy'],
  ['.tsv', 'text'],
  ['.txt', 'text'],
  ['.csv', 'csv'],
]);

/** What PerfCheck reads, for messages. */
export const READABLE = '.xlsx、.xls、.et 工作簿和 .csv、.tsv、.txt 文本';

/** `.xlsx` of `表/副本.XLSX`; '' when the name has none (as path.extname, lower-cased). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function inputKind(file: string): InputKind | null {
  return KINDS.get(extensionOf(file)) ?? null;
}

/** Why a file found in a folder is not checked, or null when it is. */
export function skipReason(name: string): string | null {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  if (base.startsWith('~$')) return 'Office 打开文件时留下的临时锁文件，不是表格';
  if (base.endsWith(COPY_SUFFIX)) return 'PerfCheck 写出的带标注副本';
  if (base.endsWith(FIXED_SUFFIX)) return 'PerfCheck 写出的改正副本';
  if (base.endsWith(FORMULAS_SUFFIX)) return 'PerfCheck 写出的公式副本';
  if (inputKind(base)) return null;
  const ext = extensionOf(base);
  if (ext === '.pdf') return 'PDF 文件无法检查：请向报送单位索取 Excel 或 WPS 原表';
  if (ext === '.doc' || ext === '.docx' || ext === '.wps') return 'Word 文档无法检查：请向报送单位索取 Excel 或 WPS 原表';
  return `不是可检查的文件类型（可检查 ${READABLE}）`;
}

/** Natural order, as a file manager shows names: 副本2 before 副本10. */
export const naturalOrder = new Intl.Collator('zh', { numeric: true });
