/**
 * Every word the reader knows: titles, field labels, the fund table's columns and lines,
 * the indicator table's columns, level names, placeholders and units, with the synonyms
 * real templates across China use (guide: "Templates outside Shanghai"; issue #8).
 * A new province's wording is a few entries here, not new code.
 *
 * Patterns match a label's key: NFKC-folded, without spaces, line breaks, trailing
 * colons, and without the annotations templates add in brackets (`(50分)`, `(A)`,
 * `(B/A)`, `(万元)`, `(%)`), which `labels.ts` reads separately.
 */

/**
 * Titles of the forms the engine checks, matched at the end of a title cell's key once a
 * trailing `(2022年度)` is cut (so `是否完成绩效目标申报表中申报的数量` is no title).
 */
export const SELF_EVAL_TITLE = /(绩效自评表|绩效目标自评表|绩效自评情况表|绩效自评结果表)$/;
export const DECLARATION_TITLE = /(绩效目标申报表|绩效目标表)$/;
/** A title of a department's whole-spending form (a 部门 line, no 项目名称). */
export const DEPARTMENT_TITLE = /部门整体/;
/** The year annotation a title may end with. */
export const TITLE_YEAR = /[(（]?(19|20)\d{2}年度?[)）]?$/;
/** Longer cells are sentences that mention a form, not its title. */
export const TITLE_MAX_LENGTH = 60;

/** Labels of the form's header fields. */
export const FIELD_LABELS = {
  project: /^(项目名称|项目)$/,
  department: /^(主管部门|主管部门及代码|主管单位|部门|部门名称|预算部门)$/,
  unit: /^(实施单位|实施单位及代码|项目实施单位|预算单位)$/,
  total: /^(总分|合计|总计|自评得分|自评总分|综合得分)$/,
  grade: /^(评分等级|等级|评价等级|自评等级|绩效等级|自评结果)$/,
  declTotal: /^项目资金总额$/,
  declFiscal: /^其中财政资金$/,
  declYearTotal: /^年度资金申请总额$/,
} as const;

/** Other header-field labels: a field's value never runs into them. */
export const OTHER_FIELD_LABELS =
  /^(项目类别|计划开始日期|计划完成日期|项目负责人|项目负责人及电话|联系电话|项目属性|项目期限|其中当年财政拨款|上年结转资金|其他资金)$/;

/**
 * The cell that heads the fund table, in its first column. Some templates head it with
 * a score (`预算执行情况(10分)`) or name only the unit in a column header
 * (`年度预算数(万元)`): those are found by their columns instead.
 */
export const FUND_HEADER =
  /^(项目资金|资金情况|预算资金|项目资金情况|资金投入情况|预算执行情况|年度资金情况|资金来源)$/;

export type FundColumn = 'initialBudget' | 'budget' | 'actual' | 'weight' | 'rate' | 'score' | 'other';

/** Fund table columns. `other` columns (原因, 得分计算方法) hold text the check skips. */
export const FUND_COLUMNS: readonly (readonly [FundColumn, RegExp])[] = [
  ['initialBudget', /^(年初预算|年初预算数|年初预算金额|年初批复预算|年初预算安排数?)$/],
  ['budget', /^(全年预算|全年预算数|全年预算金额|调整后预算|调整后预算数|年度预算数?|预算数|全年可用预算数?)$/],
  ['actual', /^(全年执行|全年执行数|全年执行金额|预算执行数|执行数|实际执行数|全年实际支出数?|实际支出数?)$/],
  ['weight', /^(分值|分数|权重|指标分值|标准分值)$/],
  ['rate', /^(执行率|预算执行率|资金执行率|全年执行率)$/],
  ['score', /^(得分|自评得分|评分|实际得分|评价得分|自评分)$/],
  ['other', /^(原因|偏差原因|得分计算方法|计算方法|备注|说明)/],
];

export type FundLine = 'total' | 'fiscal' | 'carryOver' | 'specialAccount' | 'unitFunds' | 'other';

/** Fund table lines, keys without a leading `其中`. */
export const FUND_LINES: readonly (readonly [FundLine, RegExp])[] = [
  ['total', /^(年度资金总额|资金总额|总额|年度资金合计|合计)$/],
  ['fiscal', /^((当年|本年)?财政拨款|财政资金|(当年|本年)?一般公共预算(拨款|资金)?|本年财政资金|当年财政资金)$/],
  ['carryOver', /^(上年结转|上年结转资金|上年结余结转|结转结余资金)$/],
  ['specialAccount', /^(财政专户管理资金|财政专户资金)$/],
  ['unitFunds', /^(单位资金|单位自有资金|自有资金)$/],
  ['other', /^(其他资金|其它资金)$/],
];

/** How findings name each fund line. */
export const FUND_LINE_NAMES: Readonly<Record<FundLine, string>> = {
  total: '年度资金总额',
  fiscal: '当年财政拨款',
  carryOver: '上年结转资金',
  specialAccount: '财政专户管理资金',
  unitFunds: '单位资金',
  other: '其他资金',
};

export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target'
  | 'targetOp'
  | 'targetUnit'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason'
  | 'other';

/**
 * Indicator table columns. A 年度指标值 split under a two-row header into
 * `指标性质 | 指标值 | 度量单位` gives targetOp, target and targetUnit.
 */
export const INDICATOR_COLUMNS: readonly (readonly [IndicatorColumn, RegExp])[] = [
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['level3', /^(三级指标|三级指标名称|指标名称|绩效指标名称)$/],
  [
    'target',
    /^(年度指标值|指标值|年度目标值|预期指标值|预期目标值|目标值|年度绩效目标值|年度计划值|计划值|年度指标值\(A\))$/,
  ],
  ['targetOp', /^(指标性质|指标方向|计算符号|符号)$/],
  ['targetUnit', /^(度量单位|计量单位|单位)$/],
  [
    'actual',
    /^(实际完成值|实际完成|实际完成情况|全年实际值|全年实际完成值|全年实际完成情况|完成值|实际完成指标值|实际值|实际达成值|全年完成值)$/,
  ],
  ['weight', /^(分值|分数|权重|指标分值|标准分值)$/],
  ['score', /^(得分|自评得分|评分|实际得分|评价得分|自评分)$/],
  ['reason', /^(偏差原因|未完成原因|原因分析|偏差原因分析|存在问题及原因|偏差分析|偏差说明|差异原因|未达标原因)/],
  ['other', /^(得分计算方法|计算方法|评分标准|备注|指标解释)/],
];

/** Captions of the indicator table's label column; they name no row. */
export const TABLE_CAPTION =
  /^(绩效指标|绩效|指标|绩效目标|项目绩效目标|年度绩效指标完成情况|绩效指标完成情况|年度绩效指标)$/;

/** 一级指标 names (the 成本指标 of newer templates is both a 一级 and an old 二级). */
export const LEVEL1_NAMES: ReadonlySet<string> = new Set(['产出指标', '效益指标', '满意度指标', '成本指标']);

/** 二级指标 names and the 一级 each belongs to. */
export const LEVEL2_PARENTS: ReadonlyMap<string, string> = new Map([
  ['数量指标', '产出指标'],
  ['质量指标', '产出指标'],
  ['时效指标', '产出指标'],
  ['成本指标', '产出指标'],
  ['经济效益指标', '效益指标'],
  ['社会效益指标', '效益指标'],
  ['生态效益指标', '效益指标'],
  ['可持续影响指标', '效益指标'],
  ['服务对象满意度指标', '满意度指标'],
  ['满意度指标', '满意度指标'],
  ['经济成本指标', '成本指标'],
  ['社会成本指标', '成本指标'],
  ['生态环境成本指标', '成本指标'],
]);

/**
 * Rows a blank template leaves behind: `指标1:`, `指标2`, `……`, `/`. With nothing but
 * this in its name cell and no numbers, a row is not an indicator.
 */
export const PLACEHOLDER = /^(指标\d*[:：]?|[….。·]+|[/／\\—–\-－]+|无|略|\d+[、.])$/;

/** A breakdown row under a ★ core indicator; it has no 分值 or 得分 of its own. */
export const BREAKDOWN = /^其中/;

/** Words a 偏差原因 cell holds when nothing was written. */
export const BLANK_REASON = /^(0|[/／\\—–\-－]+|无)$/;

/** 评分等级 words, as they may stand alone in the 总分 row's last cell. */
export const GRADE_WORDS = /^(优|良|中|差|优秀|良好|合格|不合格|较差)$/;

/** Units of the fund table's amounts. */
export const AMOUNT_UNITS = [
  ['万元', /万元/],
  ['元', /元/],
] as const;
