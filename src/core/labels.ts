/**
 * Label matching over the vocabulary. Labels on real forms carry stray spaces and line
 * breaks (`年度 指标值`), full-width punctuation (`项目资金（万元）`), trailing colons,
 * a leading `其中`, and annotations in brackets (`产出指标(50分)`, `全年预算数(A)`,
 * `执行率(B/A)`, `执行率(%)`); matching works on a key without them.
 */
import {
  AMOUNT_UNITS,
  DECLARATION_TITLE,
  FUND_COLUMNS,
  FUND_HEADER,
  FUND_LINES,
  FundColumn,
  FundLine,
  GRADE_WORDS,
  INDICATOR_COLUMNS,
  IndicatorColumn,
  LEVEL1_NAMES,
  LEVEL2_PARENTS,
  PLACEHOLDER,
  SELF_EVAL_TITLE,
  TABLE_CAPTION,
  TITLE_MAX_LENGTH,
  TITLE_YEAR,
} from './vocabulary';

export type { FundColumn, FundLine, IndicatorColumn } from './vocabulary';
export { FIELD_LABELS, OTHER_FIELD_LABELS } from './vocabulary';

/** A label's two keys: normalized, and without annotations (see labelKey). */
interface LabelKeys {
  normalized: string;
  key: string;
  /** The text as a title: without a trailing year, or '' when too long to be one. */
  title: string;
  // What the text names in each table, worked out on first asking (undefined until then).
  fundColumn?: FundColumn | null;
  fundLine?: FundLine | null;
  indicatorColumn?: IndicatorColumn | null;
}

// Forms repeat the same few hundred labels, and every reading pass asks about each
// cell: one cached entry per text keeps NFKC and the replacements off the hot path.
const keysByText = new Map<string, LabelKeys>();
const CACHE_LIMIT = 50_000;

/** Bracketed annotations a label may carry: a weight, a unit, a formula letter, a percent sign. */
const ANNOTATION = /\((?:\d+(?:\.\d+)?分|[A-Z](?:[/\-+*][A-Z])*|%|万元|元|千元)\)/g;

function keysOf(text: string): LabelKeys {
  let keys = keysByText.get(text);
  if (keys === undefined) {
    const normalized = text
      .normalize('NFKC')
      .replace(/[\s\u3000\u00a0\u200b]+/g, '')
      .replace(/[:：]+$/u, '')
      .replace(/^其中[:：,，]?/u, '其中');
    const key = normalized
      .replace(ANNOTATION, '')
      .replace(/^其中/u, '')
      .replace(/[:：]+$/u, '');
    const title = normalized.length > TITLE_MAX_LENGTH ? '' : normalized.replace(TITLE_YEAR, '');
    keys = { normalized, key, title };
    if (keysByText.size >= CACHE_LIMIT) keysByText.clear();
    keysByText.set(text, keys);
  }
  return keys;
}

/** NFKC folds full-width forms and odd signs; then every space, line break and trailing colon goes. */
export function normalizeLabel(text: string): string {
  return keysOf(text).normalized;
}

/** A label's key: normalized, without `其中` and without bracketed annotations. */
export function labelKey(text: string): string {
  return keysOf(text).key;
}

/** The weight a label carries, e.g. 50 for `产出指标(50分)` or `(50分)`. */
export function weightInLabel(text: string): number | null {
  const m = /\((\d+(?:\.\d+)?)分\)/.exec(normalizeLabel(text));
  return m ? Number(m[1]) : null;
}

/** Whether the label is nothing but a weight, like `(50分)`. */
export function isWeightOnly(text: string): boolean {
  return weightInLabel(text) !== null && labelKey(text) === '';
}

function firstMatch<T>(table: readonly (readonly [T, RegExp])[], key: string): T | null {
  if (key === '') return null;
  for (const [name, re] of table) if (re.test(key)) return name;
  return null;
}

export function fundColumnOf(label: string): FundColumn | null {
  const keys = keysOf(label);
  if (keys.fundColumn === undefined) keys.fundColumn = firstMatch(FUND_COLUMNS, keys.key);
  return keys.fundColumn;
}

export function fundLineOf(label: string): FundLine | null {
  const keys = keysOf(label);
  if (keys.fundLine === undefined) keys.fundLine = firstMatch(FUND_LINES, keys.key);
  return keys.fundLine;
}

export function indicatorColumnOf(label: string): IndicatorColumn | null {
  const keys = keysOf(label);
  if (keys.indicatorColumn === undefined) keys.indicatorColumn = firstMatch(INDICATOR_COLUMNS, keys.key);
  return keys.indicatorColumn;
}

/** Whether a 执行率 column holds bare percents (`执行率(%)`, `执行率%`). */
export function isPercentColumn(label: string): boolean {
  return /%/.test(normalizeLabel(label));
}

export function isSelfEvalTitle(text: string): boolean {
  return SELF_EVAL_TITLE.test(keysOf(text).title);
}

export function isDeclarationTitle(text: string): boolean {
  return DECLARATION_TITLE.test(keysOf(text).title);
}

export function isFundHeader(text: string): boolean {
  return FUND_HEADER.test(labelKey(text));
}

/** The amount unit named in a label such as `项目资金（万元）`, or null when it names none. */
export function amountUnitIn(text: string): '元' | '万元' | null {
  const key = normalizeLabel(text);
  for (const [unit, re] of AMOUNT_UNITS) if (re.test(key)) return unit;
  return null;
}

/** The amount unit of a fund header: 元 unless it says otherwise. */
export function amountUnitOf(text: string): '元' | '万元' {
  return amountUnitIn(text) ?? '元';
}

export function matches(text: string, re: RegExp): boolean {
  const { normalized, key } = keysOf(text);
  return re.test(normalized) || (key !== normalized && re.test(key));
}

export function isLevel1Name(text: string): boolean {
  return LEVEL1_NAMES.has(labelKey(text));
}

export function isLevel2Name(text: string): boolean {
  return LEVEL2_PARENTS.has(labelKey(text));
}

export function parentOfLevel2(text: string): string | null {
  return LEVEL2_PARENTS.get(labelKey(text)) ?? null;
}

/** Fragments of the leftmost `绩效指标` label column, which carry no meaning per row. */
export function isTableCaption(text: string): boolean {
  return TABLE_CAPTION.test(labelKey(text));
}

/** A blank template's leftover (`指标2`, `……`, `/`). */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(normalizeLabel(text));
}

export function isGradeWord(text: string): boolean {
  return GRADE_WORDS.test(normalizeLabel(text));
}

/** The three categories every form must have (guide: MISSING_CATEGORY). */
export const REQUIRED_CATEGORIES = ['产出指标', '效益指标', '满意度指标'] as const;
