import type { Lang } from './i18n';

/** The batch view's own words (the preview page only), in the pane's two languages. */
const zh = {
  openBatch: '批量检查…',
  title: '批量检查',
  back: '返回单个文件',
  backToBatch: '返回批量结果',
  intro:
    '一次检查多个文件或整个文件夹：.xlsx、.xls、.et 工作簿和 .csv、.tsv 文本。文件只在本机浏览器中读取和检查，不会上传。',
  pickFiles: '选择文件…',
  pickFolder: '选择文件夹…',
  dropZone: '或把文件、文件夹拖到这里',
  checking: (done: number, total: number, name: string) => `正在检查第 ${done + 1}/${total} 个文件：${name}`,
  progressLabel: '批量检查进度',
  zipping: (done: number, total: number) => `正在生成带标注的副本（${done}/${total}）…`,
  cancel: '取消',
  cancelled: (done: number) => `已取消：只列出已检查的 ${done} 个文件。`,
  summary: (files: number, forms: number, errors: number, unreadable: number, skipped: number) =>
    `共 ${files} 个文件，${forms} 张表，${errors} 个错误；${unreadable} 个文件无法读取，${skipped} 个文件已跳过。`,
  tableCaption: '检查汇总（点列标题排序，点文件名查看该文件的问题和表格）',
  openForm: (file: string, sheet: string) => `查看 ${file}${sheet ? ` 的“${sheet}”` : ''}`,
  downloadSummary: '下载汇总表（.xlsx）',
  downloadZip: '下载带标注的副本（.zip）',
  summaryName: '汇总表.xlsx',
  zipName: '带标注的副本.zip',
  skippedTitle: '已跳过的文件',
  noFiles: '没有选择任何文件。',
  sortAscending: '升序',
  sortDescending: '降序',
  columns: {
    file: '文件',
    sheet: '工作表',
    project: '项目名称',
    rate: '执行率(%)',
    fundScore: '资金得分',
    total: '总分',
    grade: '等级',
    errors: '错误',
    warnings: '警告',
    infos: '提示',
    note: '说明',
  },
};

export type BatchMessages = typeof zh;

const en: BatchMessages = {
  openBatch: 'Check many files…',
  title: 'Check many files',
  back: 'Back to one file',
  backToBatch: 'Back to the batch',
  intro:
    'Check many files or a whole folder at once: .xlsx, .xls, .et workbooks and .csv, .tsv text. Files are read and checked in this browser only; nothing is uploaded.',
  pickFiles: 'Choose files…',
  pickFolder: 'Choose a folder…',
  dropZone: 'or drop files or folders here',
  checking: (done, total, name) => `Checking file ${done + 1} of ${total}: ${name}`,
  progressLabel: 'Batch progress',
  zipping: (done, total) => `Making the annotated copies (${done}/${total})…`,
  cancel: 'Cancel',
  cancelled: (done) => `Cancelled: only the ${done} files checked so far are listed.`,
  summary: (files, forms, errors, unreadable, skipped) =>
    `${files} files, ${forms} forms, ${errors} errors; ${unreadable} files could not be read, ${skipped} were skipped.`,
  tableCaption: 'Summary (click a column header to sort, a file name to see its findings and grid)',
  openForm: (file, sheet) => `Open ${file}${sheet ? `, sheet ${sheet}` : ''}`,
  downloadSummary: 'Download the summary (.xlsx)',
  downloadZip: 'Download the annotated copies (.zip)',
  summaryName: '汇总表.xlsx',
  zipName: '带标注的副本.zip',
  skippedTitle: 'Skipped files',
  noFiles: 'No files were chosen.',
  sortAscending: 'ascending',
  sortDescending: 'descending',
  columns: {
    file: 'File',
    sheet: 'Sheet',
    project: 'Project',
    rate: 'Execution rate (%)',
    fundScore: 'Fund score',
    total: 'Total',
    grade: 'Grade',
    errors: 'Errors',
    warnings: 'Warnings',
    infos: 'Notes',
    note: 'Remark',
  },
};

export const BATCH_MESSAGES: Record<Lang, BatchMessages> = { zh, en };
