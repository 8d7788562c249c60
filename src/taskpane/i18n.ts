/**
 * The pane's own words in Chinese (default) and English. Finding messages and code
 * meanings come from the engine and stay Chinese: they quote the forms' own labels.
 */
export type Lang = 'zh' | 'en';

const zh = {
  appTitle: 'PerfCheck 绩效自评表检查',
  language: 'English',
  checkSheet: '检查当前工作表',
  checkWorkbook: '检查整个工作簿',
  annotate: '标注到表格',
  clear: '清除标注',
  report: '生成检查结果表',
  profile: '计分规则',
  profileAuto: '自动识别',
  profileChosen: '本次使用的规则：',
  reading: (done: number, total: number) => `正在读取工作表（${done}/${total}）…`,
  checking: (done: number, total: number) => `正在检查表格（${done}/${total}）…`,
  working: '正在处理…',
  emptyTitle: '还没有检查结果',
  emptyHint: '打开含有“财政项目支出绩效自评表”的工作表，然后点击“检查当前工作表”或“检查整个工作簿”。',
  previewHint: '当前不在 Excel 中运行：可以打开本机的 .xlsx 或 .tsv 文件进行检查（文件不会上传，也不会被修改）。',
  openFile: '打开文件…',
  opened: (name: string) => `已打开：${name}`,
  noForms: '没有找到“财政项目支出绩效自评表”或“绩效目标申报表”。请确认表头文字（如“项目名称”“年度指标值”）是否完整，或换一个工作表再检查。',
  noProblems: (forms: number) => `已检查 ${forms} 张表格，没有发现问题。`,
  summary: (forms: number, findings: number) => `已检查 ${forms} 张表格，发现 ${findings} 个问题。`,
  all: '全部',
  severity: { error: '错误', warning: '警告', info: '提示' },
  expected: '应为',
  actual: '实际',
  annotated: (cells: number) => `已在 ${cells} 个单元格上标注颜色和批注。`,
  annotatedNoNotes: (cells: number) => `已在 ${cells} 个单元格上标注颜色。此版本的 Excel 不支持批注，说明请看本窗格。`,
  officeJsOutdated: '（此 Excel 支持“注释”，但加载项服务器上的 office.js 版本较旧，所以改用批注线程或只填色。请管理员更新 office.js，见使用说明。）',
  cleared: (cells: number) => `已清除 ${cells} 个单元格的标注，原有颜色和批注已恢复。`,
  nothingToClear: '没有需要清除的标注。',
  reported: '已生成“检查结果”工作表，点击其中的单元格地址可跳到对应位置。',
  unexpected: '出现意外错误，操作没有完成。请重试；如果问题仍然存在，请把此消息发给技术支持：',
  formOf: (project: string, sheet: string) => `${project}（${sheet}）`,
  untitled: '（未填写项目名称）',
  gridLabel: '表格预览（只读）',
};

export type Messages = typeof zh;

const en: Messages = {
  appTitle: 'PerfCheck performance self-evaluation check',
  language: '中文',
  checkSheet: 'Check this sheet',
  checkWorkbook: 'Check the whole workbook',
  annotate: 'Mark in the sheet',
  clear: 'Clear marks',
  report: 'Write the findings sheet',
  profile: 'Scoring rules',
  profileAuto: 'Detect automatically',
  profileChosen: 'Rules used: ',
  reading: (done, total) => `Reading sheets (${done}/${total})…`,
  checking: (done, total) => `Checking forms (${done}/${total})…`,
  working: 'Working…',
  emptyTitle: 'No results yet',
  emptyHint: 'Open a sheet holding a 财政项目支出绩效自评表, then choose “Check this sheet” or “Check the whole workbook”.',
  previewHint: 'Not running inside Excel: open a local .xlsx or .tsv file to check it (the file is neither uploaded nor changed).',
  openFile: 'Open a file…',
  opened: (name) => `Opened: ${name}`,
  noForms: 'No 财政项目支出绩效自评表 or 绩效目标申报表 was found. Check that the header labels (项目名称, 年度指标值 …) are complete, or try another sheet.',
  noProblems: (forms) => `${forms} form(s) checked, no problems found.`,
  summary: (forms, findings) => `${forms} form(s) checked, ${findings} problem(s) found.`,
  all: 'All',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  expected: 'Expected',
  actual: 'Actual',
  annotated: (cells) => `Marked ${cells} cell(s) with colours and notes.`,
  annotatedNoNotes: (cells) => `Marked ${cells} cell(s) with colours. This Excel version has no notes; read the messages in this pane.`,
  officeJsOutdated: ' (This Excel offers notes, but the office.js on the add-in server is too old, so comments or fills alone were used. Ask the administrator to update office.js; see the guide.)',
  cleared: (cells) => `Cleared the marks on ${cells} cell(s); their colours and notes are back.`,
  nothingToClear: 'There are no marks to clear.',
  reported: 'The 检查结果 sheet is written; click a cell address there to jump to it.',
  unexpected: 'Something unexpected went wrong and the action did not complete. Please retry; if it persists, send this message to support: ',
  formOf: (project, sheet) => `${project} (${sheet})`,
  untitled: '(no project name)',
  gridLabel: 'Sheet preview (read only)',
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Chinese unless Office says the user works in another language. */
export function langFor(displayLanguage: string | undefined): Lang {
  if (!displayLanguage) return 'zh';
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
