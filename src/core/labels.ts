/**
 * Label matching. Labels on real forms carry stray spaces and line breaks (`年度 指标值`),
 * full-width punctuation (`项目资金（万元）`), trailing colons and small wording variants
 * (分值/分数, 执行率/执行率(%)); matching works on a normalized key.
 */

// Forms repeat the same few hundred labels; NFKC on each lookup dominated the profile.
const normalized = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** NFKC folds full-width forms; then every space, line break and colon goes. */
export function normalizeLabel(text: string): string {
  let key = normalized.get(text);
  if (key === undefined) {
    key = text
      .normalize('NFKC')
      .replace(/[\s\u3000\u00a0]+/g, '')
      .replace(/[:：]+$/u, '')
      .replace(/^其中[:：]?/u, '其中');
    if (normalized.size >= CACHE_LIMIT) normalized.clear();
    normalized.set(text, key);
  }
  return key;
}

export type FundColumn = 'initialBudget' | 'budget' | 'actual' | 'weight' | 'rate' | 'score';
export type FundLine = 'total' | 'fiscal' | 'carryOver' | 'other';
export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'reason';

const FUND_COLUMNS: [FundColumn, RegExp][] = [
  ['initialBudget', /^年初预算(数|金额)?$/],
  ['budget', /^全年预算(数|金额)?$/],
  ['actual', /^全年执行(数|金额)?$/],
  ['weight', /^(分值|分数|权重)$/],
  ['rate', /^执行率(\(%\)|%)?$/],
  ['score', /^得分$/],
];

const FUND_LINES: [FundLine, RegExp][] = [
  ['total', /^年度资金总额$/],
  ['fiscal', /^其中?当年财政拨款$/],
  ['carryOver', /^(其中)?上年结转(资金)?$/],
  ['other', /^(其中)?其他资金$/],
];

const INDICATOR_COLUMNS: [IndicatorColumn, RegExp][] = [
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['level3', /^三级指标$/],
  ['target', /^(年度)?指标值$|^年度目标值$|^预期指标值$/],
  ['actual', /^实际完成(值|情况)?$/],
  ['weight', /^(分值|分数|权重)$/],
  ['score', /^得分$/],
  ['reason', /^偏差原因/],
];

export function fundColumnOf(label: string): FundColumn | null {
  const key = normalizeLabel(label);
  for (const [col, re] of FUND_COLUMNS) if (re.test(key)) return col;
  return null;
}

export function fundLineOf(label: string): FundLine | null {
  const key = normalizeLabel(label);
  for (const [line, re] of FUND_LINES) if (re.test(key)) return line;
  return null;
}

export function indicatorColumnOf(label: string): IndicatorColumn | null {
  const key = normalizeLabel(label);
  for (const [col, re] of INDICATOR_COLUMNS) if (re.test(key)) return col;
  return null;
}

export function isSelfEvalTitle(text: string): boolean {
  return normalizeLabel(text).includes('绩效自评表');
}

export function isDeclarationTitle(text: string): boolean {
  return /绩效目标申报表/.test(normalizeLabel(text));
}

export function isFundHeader(text: string): boolean {
  return /^项目资金(\((万元|元)\))?$/.test(normalizeLabel(text));
}

/** The amount unit named in a fund header such as `项目资金（万元）`. */
export function amountUnitOf(text: string): '元' | '万元' {
  return normalizeLabel(text).includes('万元') ? '万元' : '元';
}

export const FIELD_LABELS = {
  project: /^项目名称$/,
  department: /^主管部门$/,
  unit: /^实施单位$/,
  total: /^总分$/,
  grade: /^(评分)?等级$|^评价等级$/,
  declTotal: /^项目资金总额$/,
  declFiscal: /^其中财政资金$/,
  declYearTotal: /^年度资金申请总额$/,
} as const;

export function matches(text: string, re: RegExp): boolean {
  return re.test(normalizeLabel(text));
}

/** 一级指标 names (the 成本指标 of newer templates is both a 一级 and an old 二级). */
const LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标', '成本指标']);

/** 二级指标 names and the 一级 each belongs to. */
const LEVEL2_PARENT: Record<string, string> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
};

export function isLevel1Name(text: string): boolean {
  return LEVEL1.has(normalizeLabel(text));
}

export function isLevel2Name(text: string): boolean {
  return normalizeLabel(text) in LEVEL2_PARENT;
}

export function parentOfLevel2(text: string): string | null {
  return LEVEL2_PARENT[normalizeLabel(text)] ?? null;
}

/** Fragments of the leftmost `绩效指标` label column, which carry no meaning per row. */
export function isTableCaption(text: string): boolean {
  return /^(绩效指标|绩效|指标|绩效目标|项目绩效目标)$/.test(normalizeLabel(text));
}

/** The three categories every form must have (guide: MISSING_CATEGORY). */
export const REQUIRED_CATEGORIES = ['产出指标', '效益指标', '满意度指标'] as const;
