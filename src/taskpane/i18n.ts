import { FindingCode, FINDING_CODES, Severity } from '../core/findings';
import type { RuleUsed } from './checkGrids';

/**
 * The pane's own words in Chinese (default) and English. A finding's detailed message
 * comes from the engine and stays Chinese in both: it quotes the form's own labels and
 * values. Finding codes never show in the Chinese pane (they stay in the JSON and the
 * 检查结果 sheet).
 */
export type Lang = 'zh' | 'en';

type Rounding = RuleUsed['rateRounding'];

const zh = {
  appTitle: 'PerfCheck 绩效自评表检查',
  language: 'English',
  languageName: '切换到英文界面',
  check: '检查',
  checkSheet: '检查当前工作表',
  checkWorkbook: '检查整个工作簿',
  scopeSheet: '当前工作表',
  scopeWorkbook: '整个工作簿',
  scopeMenu: '选择检查范围',
  checkScope: (scope: string) => `检查：${scope}`,
  more: '更多',
  moreMenu: '更多操作',
  annotate: '标注到表格',
  clear: '清除标注',
  report: '生成检查结果表',
  rules: '规则',
  profile: '计分规则',
  profileAuto: '自动识别',
  profileName: (id: string, name: string) => name || id,
  rule: (r: RuleUsed) => r.reason,
  reading: (done: number, total: number) => `正在读取工作表（${done}/${total}）…`,
  checking: (done: number, total: number) => `正在检查表格（${done}/${total}）…`,
  working: '正在处理…',
  cancel: '取消',
  cancelled: '已取消检查，表格没有任何改动。',
  emptyTitle: '还没有检查结果',
  emptyHint: '打开含有“财政项目支出绩效自评表”的工作表，然后点击“检查当前工作表”或“检查整个工作簿”。',
  emptyHintPreview: '打开文件后，点击“检查当前工作表”或“检查整个工作簿”。',
  previewHint: '当前不在 Excel 中运行：可以打开本机的 .xlsx 或 .tsv 文件进行检查（文件不会上传，也不会被修改）。',
  openFile: '打开文件…',
  opened: (name: string) => `已打开：${name}`,
  noForms:
    '没有找到“财政项目支出绩效自评表”或“绩效目标申报表”。请确认表头文字（如“项目名称”“年度指标值”）是否完整，或换一个工作表再检查。',
  noProblems: (forms: number) => `已检查 ${forms} 张表格，没有发现问题。`,
  summary: (forms: number, findings: number) => `已检查 ${forms} 张表格，发现 ${findings} 个问题`,
  filter: '按严重程度筛选',
  all: '全部',
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
  count: (label: string, n: number) => `${label} ${n}`,
  groupByForm: '按表格分组',
  findings: '检查结果',
  emptyFiltered: '没有符合此筛选条件的问题。点击“全部”查看所有问题。',
  meaning: (code: FindingCode) => FINDING_CODES[code].meaning as string,
  subject: (subject: string) => subject,
  /** `表中 8.72 → 应为 8.27`; “实际” is kept for 实际完成值. */
  values: (inSheet: string | null, expected: string | null) =>
    [inSheet !== null ? `表中 ${inSheet}` : null, expected !== null ? `应为 ${expected}` : null]
      .filter(Boolean)
      .join(' → '),
  annotated: (cells: number) => `已在 ${cells} 个单元格上标注颜色和批注。`,
  annotatedNoNotes: (cells: number) => `已在 ${cells} 个单元格上标注颜色。此版本的 Excel 不支持批注，说明请看本窗格。`,
  officeJsOutdated: '（此 Excel 支持“注释”，但加载项服务器上的 office.js 版本较旧，所以改用批注线程或只填色。请管理员更新 office.js，见使用说明。）',
  cleared: (cells: number) => `已清除 ${cells} 个单元格的标注，原有颜色和批注已恢复。`,
  nothingToClear: '没有需要清除的标注。',
  reported: '已生成“检查结果”工作表，点击其中的单元格地址可跳到对应位置。',
  reportedPreview: '已生成“检查结果”表，显示在表格预览中。预览中的地址不能点击跳转，请点击本窗格中的问题定位单元格。',
  unexpected: '出现意外错误，操作没有完成。请重试；如果问题仍然存在，请把此消息发给技术支持：',
  formOf: (project: string, sheet: string) => `${project}（${sheet}）`,
  untitled: '（未填写项目名称）',
  gridLabel: '表格预览（只读）',
  sheetTabs: '工作表',
  gridRegion: (sheet: string) => `表格预览（只读）：${sheet}`,
  fix: '改正',
  fixCell: (at: string, value: string) => `改正 ${at} 为 ${value}`,
  fixAll: '全部改正',
  fixAllWorkbook: '全部改正：所有已检查的表格',
  fixAllForm: (form: string) => `全部改正：${form}`,
  undoChanges: '撤销改正',
  toFormulas: '改为公式',
  formulasPlain: '普通公式（推荐：任何电子表格都能计算）',
  formulasPerf: 'PERF.* 函数（需要安装 PerfCheck 才能计算）',
  insertBlank: '插入空白自评表',
  /** `表4!H6 8.72 → 8.27`, the first few, then 等. */
  changeList: (cells: { at: string; before: string; after: string }[]) =>
    cells
      .slice(0, 5)
      .map((c) => `${c.at} ${c.before || '（空白）'} → ${c.after || '（空白）'}`)
      .join('，') + (cells.length > 5 ? ` 等 ${cells.length} 处` : ''),
  fixed: (cells: number, list: string) => `已改正 ${cells} 个单元格：${list}；可点击“撤销改正”恢复。`,
  nothingToFix: '没有可以自动改正的问题：剩下的问题需要由填表人判断，请按提示填写。',
  formulated: (cells: number, rules: number) =>
    `已把 ${cells} 个单元格改为公式，并添加 ${rules} 条条件格式规则（得分低于分值却没有偏差原因、得分超过分值时自动标色，不需要 PerfCheck）；可点击“撤销改正”恢复。`,
  formulatedPerf: '注意：PERF.* 函数只在安装了 PerfCheck 的 Excel 或 WPS 中计算，没有安装的人打开会看到 #NAME?。',
  noFormulas: '没有可以改为公式的单元格（没有找到绩效自评表）。',
  blankInserted: (area: string, cells: number, rules: number) =>
    `已在 ${area} 插入空白自评表（资金 10 分 + 指标 90 分，${cells} 个单元格，${rules} 条条件格式规则）：填写预算数、执行数和得分后，执行率、资金得分、总分和等级会自动计算。可点击“撤销改正”恢复。`,
  blankOccupied: (at: string, area: string, occupied: string[]) =>
    `不能在 ${at} 插入空白自评表：需要的区域 ${area} 中已有内容（${occupied.slice(0, 3).join('、')}${occupied.length > 3 ? ` 等 ${occupied.length} 个单元格` : ''}），PerfCheck 不会覆盖任何内容，表格没有改动。请选中一块空白区域的左上角单元格后重试。`,
  undone: (cells: number) => `已撤销改正：${cells} 个单元格恢复了原来的值、公式和格式，条件格式规则已移除（标注保留）。`,
  nothingToUndo: '没有需要撤销的改正。',
  downloadCopy: '下载改正后的副本',
  nothingToDownload: 'PerfCheck 还没有改动这个文件：先改正或改为公式，再下载副本。',
  copyHint: '在“更多”中可下载改正后的副本（原文件不会改动）。',
  copyDownloaded: (name: string, cells: number) =>
    `已下载“${name}”：打开的文件加上现在的 ${cells} 处改动，每个改动的单元格有批注（原值 → 新值），并附“改正记录”工作表。原文件没有改动。`,
  copyFailed: (reason: string) => `无法生成改正后的副本：工作簿中有 exceljs 无法重新写出的内容（${reason}）。原文件没有改动。`,
};

export type Messages = typeof zh;

const ROUNDING_EN: Record<Rounding, string> = { 'half-up': 'rounded half up', up: 'rounded up', down: 'rounded down' };

const PROFILE_EN = new Map<string, string>([
  ['national', 'National (rates rounded half up)'],
  ['round-up', 'Rates rounded up (ROUNDUP, as in Baoshan)'],
  ['round-down', 'Rates rounded down (ROUNDDOWN)'],
  ['rounded-rate', 'Fund score from the rounded rate'],
  ['threshold-90', 'Full fund score from a 90% rate'],
  ['whole-numbers', 'Rates and fund scores as whole numbers (86%, 9)'],
  ['fund-excluded', 'Fund score not in the total (indicators add up to 100)'],
]);

/** The rule in English, built from the same facts as the Chinese sentence. */
function ruleEn(r: RuleUsed): string {
  const district = r.rateRounding === 'up' ? 'Baoshan practice: ' : '';
  const base = r.scoreBase === 'rounded' ? ', fund score from the rounded rate' : '';
  const scoreRounding = r.scoreRounding === 'half-up' ? '' : `, fund score ${ROUNDING_EN[r.scoreRounding]}`;
  const threshold = r.fullMarksThreshold === null ? '' : `, full fund score from a ${r.fullMarksThreshold}% rate`;
  const whole = r.places === 0 ? ', rates and fund scores as whole numbers' : '';
  const sentence = `${district}execution rates ${ROUNDING_EN[r.rateRounding]}${whole}${base}${scoreRounding}${threshold}`;
  const rule = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  if (!r.auto) return `Chosen rule: ${PROFILE_EN.get(r.id) ?? rule}`;
  const a = r.agreement;
  if (!a)
    return `No execution rate in the sheet to infer the rule from: ${rule.charAt(0).toLowerCase()}${rule.slice(1)}`;
  const some = (n: number, matched: number, what: string) =>
    matched === n ? `all ${n} ${what}` : `${matched} of ${n} ${what}`;
  const scores = a.scores === 0 ? '' : ` and ${some(a.scores, a.scoresMatched, 'fund scores')}`;
  return `${rule} (matches ${some(a.rates, a.ratesMatched, 'rates')}${scores} in the sheet)`;
}

const MEANING_EN: Record<FindingCode, string> = {
  FUND_RATE_MISMATCH: 'Execution rate differs from the recomputed one',
  FUND_SCORE_MISMATCH: 'Fund score differs from the recomputed one',
  FUND_SUBTOTAL_MISMATCH: 'Fund total is not the sum of its parts',
  FUND_BUDGET_ZERO: 'Full-year budget is 0 or blank: no execution rate',
  FUND_OVER_100: 'Spending exceeds the budget',
  SCORE_EXCEEDS_WEIGHT: 'Score above its weight, or negative',
  MISSING_DEVIATION_REASON: 'Score below full (or target missed) without a reason',
  TARGET_NOT_MET_FULL_SCORE: 'Target missed but given full marks',
  SCORE_OUT_OF_BAND: 'Indicator score outside the range its result allows',
  WEIGHT_SUM_MISMATCH: 'Weights do not add up to 100',
  TOTAL_MISMATCH: 'Total is not the sum of the scores',
  TOTAL_RECOMPUTED_MISMATCH: 'Total carries a wrong fund score',
  GRADE_MISMATCH: 'Grade does not match the total',
  EXEC_RATE_INDICATOR_MISMATCH: 'Execution-rate indicator differs from the computed rate',
  MISSING_CATEGORY: 'Output, outcome or satisfaction indicators missing',
  EMPTY_FIELD: 'Required content is blank',
  UNPARSABLE_VALUE: 'Cell that should hold a number cannot be read',
  NEGATIVE_AMOUNT: 'Negative amount',
  ROUNDING_ROUTE: 'Value comes from another rounding',
  DUPLICATE_INDICATOR: 'Indicator row repeated (counted once)',
  FORM_INCOMPLETE: 'Form incomplete: parts cannot be checked',
  NO_FORM_FOUND: 'No self-evaluation or declaration form found',
  FORMULA_NOT_CALCULATED: 'Formula saved without its result: open and save the file once in Excel or WPS',
};

const SUBJECT_EN = new Map<string, string>([
  ['资金得分', 'fund score'],
  ['年度资金总额', 'total funds'],
  ['当年财政拨款', 'fiscal funds'],
  ['上年结转资金', 'carried-over funds'],
  ['其他资金', 'other funds'],
  ['年度资金总额执行率', 'execution rate'],
  ['总分', 'total score'],
  ['评分等级', 'grade'],
  ['项目名称', 'project name'],
]);

const en: Messages = {
  appTitle: 'PerfCheck self-evaluation check',
  language: '中文',
  languageName: 'Switch to Chinese',
  check: 'Check',
  checkSheet: 'Check this sheet',
  checkWorkbook: 'Check the workbook',
  scopeSheet: 'This sheet',
  scopeWorkbook: 'Whole workbook',
  scopeMenu: 'Choose what to check',
  checkScope: (scope) => `Check: ${scope.toLowerCase()}`,
  more: 'More',
  moreMenu: 'More actions',
  annotate: 'Mark in the sheet',
  clear: 'Clear marks',
  report: 'Write the findings sheet',
  rules: 'Rules',
  profile: 'Scoring rules',
  profileAuto: 'Detect automatically',
  profileName: (id, name) => PROFILE_EN.get(id) ?? name,
  rule: ruleEn,
  reading: (done, total) => `Reading sheets (${done}/${total})...`,
  checking: (done, total) => `Checking forms (${done}/${total})...`,
  working: 'Working...',
  cancel: 'Cancel',
  cancelled: 'Check cancelled; nothing in the workbook was changed.',
  emptyTitle: 'No results yet',
  emptyHint:
    'Open a sheet holding a self-evaluation form (财政项目支出绩效自评表), then choose "Check this sheet" or "Check the workbook".',
  emptyHintPreview: 'Open a file, then choose "Check this sheet" or "Check the workbook".',
  previewHint:
    'Not running inside Excel: open a local .xlsx or .tsv file to check it (the file is neither uploaded nor changed).',
  openFile: 'Open a file...',
  opened: (name) => `Opened: ${name}`,
  noForms:
    'No self-evaluation form (财政项目支出绩效自评表) or target declaration (绩效目标申报表) was found. Check that the header labels (项目名称, 年度指标值 ...) are complete, or try another sheet.',
  noProblems: (forms) => `${forms} form(s) checked, no problems found.`,
  summary: (forms, findings) => `${forms} form(s) checked, ${findings} problem(s) found`,
  filter: 'Filter by severity',
  all: 'All',
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  count: (label, n) => `${label} ${n}`,
  groupByForm: 'Group by form',
  findings: 'Findings',
  emptyFiltered: 'No findings match this filter. Choose "All" to see every finding.',
  meaning: (code) => MEANING_EN[code],
  subject: (subject) => SUBJECT_EN.get(subject) ?? subject,
  values: (inSheet, expected) =>
    [inSheet !== null ? `sheet has ${inSheet}` : null, expected !== null ? `should be ${expected}` : null]
      .filter(Boolean)
      .join(', '),
  annotated: (cells) => `Marked ${cells} cell(s) with colours and notes.`,
  annotatedNoNotes: (cells) =>
    `Marked ${cells} cell(s) with colours. This Excel version has no notes; read the messages in this pane.`,
  officeJsOutdated:
    ' (This Excel offers notes, but the office.js on the add-in server is too old, so comments or fills alone were used. Ask the administrator to update office.js; see the guide.)',
  cleared: (cells) => `Cleared the marks on ${cells} cell(s); their colours and notes are back.`,
  nothingToClear: 'There are no marks to clear.',
  reported: 'The findings sheet (检查结果) is written; click a cell address there to jump to it.',
  reportedPreview:
    'The findings sheet (检查结果) is shown in the sheet preview. Its addresses cannot be followed in the preview: click a finding in this pane instead.',
  unexpected:
    'Something unexpected went wrong and the action did not complete. Please retry; if it persists, send this message to support: ',
  formOf: (project, sheet) => `${project} (${sheet})`,
  untitled: '(no project name)',
  gridLabel: 'Sheet preview (read only)',
  sheetTabs: 'Sheets',
  gridRegion: (sheet) => `Sheet preview (read only): ${sheet}`,
  fix: 'Fix',
  fixCell: (at, value) => `Fix ${at} to ${value}`,
  fixAll: 'Fix all',
  fixAllWorkbook: 'Fix all: every checked form',
  fixAllForm: (form) => `Fix all: ${form}`,
  undoChanges: 'Undo fixes',
  toFormulas: 'Turn into formulas',
  formulasPlain: 'Plain formulas (recommended: any spreadsheet computes them)',
  formulasPerf: 'PERF.* functions (need PerfCheck installed to compute)',
  insertBlank: 'Insert a blank form',
  changeList: (cells) =>
    cells
      .slice(0, 5)
      .map((c) => `${c.at} ${c.before || '(blank)'} -> ${c.after || '(blank)'}`)
      .join(', ') + (cells.length > 5 ? ` and ${cells.length - 5} more` : ''),
  fixed: (cells, list) => `Fixed ${cells} cell(s): ${list}. Choose "Undo fixes" to restore them.`,
  nothingToFix: 'Nothing can be fixed automatically: the findings left need the person filling in the form to decide.',
  formulated: (cells, rules) =>
    `Turned ${cells} cell(s) into formulas and added ${rules} conditional formatting rule(s) (a score below its weight without a reason, or above its weight, is coloured without PerfCheck). Choose "Undo fixes" to restore them.`,
  formulatedPerf: ' Note: PERF.* functions compute only where PerfCheck is installed; others see #NAME?.',
  noFormulas: 'No cell to turn into a formula (no self-evaluation form found).',
  blankInserted: (area, cells, rules) =>
    `Inserted a blank form at ${area} (funds 10 + indicators 90; ${cells} cell(s), ${rules} conditional formatting rule(s)): fill in the budgets, spending and scores, and the rates, fund score, total and grade compute themselves. Choose "Undo fixes" to remove it.`,
  blankOccupied: (at, area, occupied) =>
    `Cannot insert a blank form at ${at}: the area it needs, ${area}, is not empty (${occupied.slice(0, 3).join(', ')}${occupied.length > 3 ? ` and ${occupied.length - 3} more` : ''}). PerfCheck overwrites nothing; the sheet is unchanged. Select the top-left cell of an empty area and retry.`,
  undone: (cells) => `Undid the fixes: ${cells} cell(s) have their values, formulas and formats back; the conditional formatting rules are removed (marks stay).`,
  nothingToUndo: 'There are no fixes to undo.',
  downloadCopy: 'Download the corrected copy',
  nothingToDownload: 'PerfCheck has not changed this file yet: fix or turn into formulas first, then download the copy.',
  copyHint: ' Choose More > "Download the corrected copy" to save it (your file is not changed).',
  copyDownloaded: (name, cells) =>
    `Downloaded "${name}": the opened file with the ${cells} change(s) now in force; each changed cell has a note (old -> new value) and the copy has a "改正记录" sheet listing them. Your file is not changed.`,
  copyFailed: (reason) => `Could not write the corrected copy: the workbook holds content exceljs cannot write back (${reason}). Your file is not changed.`,
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Chinese unless Office says the user works in another language. */
export function langFor(displayLanguage: string | undefined): Lang {
  if (!displayLanguage) return 'zh';
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
