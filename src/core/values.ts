import { Cell, isCellError } from './grid';
import { Decimal, decimalFromNumber } from './decimal';
import { formatDecimals, isPercentFormat } from './numberFormat';

/**
 * What a cell that should hold a number holds. `decimals` is how many decimals the
 * sheet shows, which bounds how far a printed value may be from the true one.
 */
export type NumberReading =
  | { kind: 'empty' }
  | {
      kind: 'number';
      /** The stored value (percent cells in percent units: 0.8413 as 84.13). */
      value: Decimal;
      /** The value as displayed: typed numbers rounded as their format shows them. */
      shown: Decimal;
      percent: boolean;
      decimals: number;
    }
  | { kind: 'invalid'; text: string }
  | { kind: 'error'; text: string };

const DASHES = /^[—–\-―－一~～/／]+$|^(无|不适用|N\/?A)$/i;

function decimalsIn(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1].length : 0;
}

// Row mapping asks the same cells again and again whether they hold numbers.
const readings = new WeakMap<Cell, NumberReading>();

/** Reads an amount, score or rate cell. `—`/`-` are empty, never zero. */
export function readNumber(cell: Cell): NumberReading {
  let r = readings.get(cell);
  if (r === undefined) {
    r = readCell(cell);
    readings.set(cell, r);
  }
  return r;
}

function readCell(cell: Cell): NumberReading {
  const v = cell.value;
  if (isCellError(v)) return { kind: 'error', text: v.error };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', text: String(v) };
    const percent = isPercentFormat(cell.format);
    const value = percent ? decimalFromNumber(v).times(100) : decimalFromNumber(v);
    const places = formatDecimals(cell.format);
    return {
      kind: 'number',
      value,
      // Excel displays halves away from zero.
      shown: places === null ? value : value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP),
      percent,
      decimals: places ?? decimalsIn(cell.text || String(v)),
    };
  }
  if (typeof v === 'boolean') return { kind: 'invalid', text: String(v) };
  return readNumberText(cell.text !== '' ? cell.text : (v ?? ''));
}

/**
 * A number as typed or pasted from a PDF with its unit around it: `¥1,000.00`, `1,000.00元`,
 * `10分`, and a minus sign (U+2212) that NFKC leaves as it is. `万元` is not taken off: a
 * 万元 amount in a 元 table is another number, not a slip of the pen.
 */
function withoutUnit(text: string): string {
  // Lookaheads only: Safari 14, the engine of Excel on older Macs, cannot parse a lookbehind.
  return text
    .replace(/^¥(?=[\d.])/, '')
    .replace(/([\d.])(元|分)$/, '$1')
    .replace(/^\u2212(?=[\d.])/, '-');
}

export function readNumberText(raw: string): NumberReading {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { kind: 'empty' };
  if (/^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i.test(text)) {
    return { kind: 'error', text: text.toUpperCase() };
  }
  if (DASHES.test(text)) return { kind: 'empty' };
  const m = /^([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(%|\(%\))?$/.exec(withoutUnit(text.replace(/\s+/g, '')));
  if (!m || (m[2] === undefined && m[3] === undefined)) return { kind: 'invalid', text: raw.trim() };
  const digits = `${m[1]}${(m[2] ?? '0').replace(/,/g, '')}${m[3] ?? ''}`;
  const value = new Decimal(digits);
  return { kind: 'number', value, shown: value, percent: m[4] !== undefined, decimals: decimalsIn(text) };
}

export function numberOrNull(r: NumberReading): Decimal | null {
  return r.kind === 'number' ? r.value : null;
}

/** Comparison in a target such as `≥8000.00(人)`; `≈` is `约`. */
export type TargetOp = '>=' | '>' | '<=' | '<' | '=' | '≈';

/**
 * A parsed 年度指标值 or 实际完成值. Quantities keep their scale word (万) applied, and
 * note whether they carried one, because a bare `13.9` next to a target of `=17万元`
 * means 13.9万.
 */
export type Measure =
  | { kind: 'empty' }
  | {
      kind: 'quantity';
      op: TargetOp | null;
      value: Decimal;
      scale: Decimal | null;
      unit: string;
      percent: boolean;
      text: string;
    }
  | { kind: 'quality'; text: string };

const OP_WORDS: [RegExp, TargetOp][] = [
  [/^(>=|≥|=>|≧|≽|不低于|不少于|至少|达到|大于等于|增长|提高|提升|增加|超过)/u, '>='],
  [/^(<=|≤|=<|≦|≼|不高于|不超过|不多于|至多|小于等于|控制在)/u, '<='],
  [/^(>|大于|高于|多于)/u, '>'],
  [/^(<|小于|低于|少于)/u, '<'],
  [/^(≈|约|大约|左右)/u, '≈'],
  // ﹦ folds to = under NFKC; ═ (a box-drawing line) and ＝ are equals signs too.
  [/^(==|=|═|等于)/u, '='],
];

const SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/** Parses targets and actuals: `≥8000.00(人)`, `>=4500人`, `=100%`, `约2000人次`, `3万人次`. */
export function parseMeasure(raw: string | number | null | undefined, percentCell = false): Measure {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'quality', text: String(raw) };
    const value = percentCell ? decimalFromNumber(raw).times(100) : decimalFromNumber(raw);
    return { kind: 'quantity', op: null, value, scale: null, unit: '', percent: percentCell, text: String(raw) };
  }
  const original = raw.trim();
  let text = original
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/<\/?p>/gi, '');
  if (text === '' || /^[—–\-―]+$/.test(text) || /^[.。,，]+$/.test(text)) return { kind: 'empty' };
  let op: TargetOp | null = null;
  for (const [re, o] of OP_WORDS) {
    const m = re.exec(text);
    if (m) {
      op = o;
      text = text.slice(m[0].length);
      break;
    }
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(万|亿|千|百)?(\(%\)|%)?([^\d]{0,6}?)(左右|以上|以下)?$/u.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return { kind: 'quality', text: original };
  let unit = (m[5] ?? '').replace(/^\((.*)\)$/, '$1');
  let percent = m[4] !== undefined;
  if (unit === '%' || unit === '(%)' || unit === '百分比' || unit === '百分点') {
    percent = true;
    unit = '';
  }
  if (/[<>=≥≤]/.test(unit)) return { kind: 'quality', text: original };
  if (op === null && m[6] === '以上') op = '>=';
  if (op === null && m[6] === '以下') op = '<=';
  if (op === null && m[6] === '左右') op = '≈';
  let value = new Decimal(`${(m[1] ?? '0').replace(/,/g, '')}${m[2] ?? ''}`);
  const scale = m[3] ? new Decimal(SCALES[m[3]]) : null;
  if (scale) value = value.times(scale);
  return { kind: 'quantity', op, value, scale, unit, percent: percent || percentCell, text: original };
}

/**
 * A deadline target (`10月前`, `6月底前`, `年底前`, `12月31日前`, `按时完成`): the last
 * month it allows, 12 for the year's end, or `on-time` for a deadline without a date.
 */
export type Deadline = number | 'on-time';

export function deadlineOf(text: string): Deadline | null {
  // Most targets are numbers or words without 月/年/时/期: no normalizing needed to say no.
  if (!/[月年时期]/.test(text)) return null;
  const t = normalizeWords(text);
  if (/^(年底|年末|年内|本年度内?|当年)(前|之前|完成)?/.test(t)) return 12;
  const m = /^(\d{1,2})月(底|末|份|\d{1,2}日)?(前|之前|以前)(完成)?$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return Number(m[1]);
  if (/^(按时|按期|及时|如期)(完成)?$/.test(t)) return 'on-time';
  return null;
}

/**
 * When an actual says a job was done, against a deadline: a month, `on-time` for words
 * that say so (按时完成, 已完成, 达成), `late` for words that say not; null when it says neither.
 */
export function completionOf(text: string): number | 'on-time' | 'late' | null {
  const t = normalizeWords(text);
  if (/^(未|没有|逾期|延期|推迟|滞后)/.test(t)) return 'late';
  const m = /^(?:(?:19|20)\d{2}年)?(\d{1,2})月(底|末|份|初|中旬|上旬|下旬|\d{1,2}日)?(前|之前)?(已?完成)?$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return Number(m[1]);
  if (/^(年底|年末|年内)(前)?(已?完成)?$/.test(t)) return 12;
  if (
    /^(已?按时|已?按期|已?及时|提前|如期|已|全部)?(完成|达成|达到)?(指标|目标|预期指标|预期目标)?$/.test(t) &&
    t !== ''
  )
    return 'on-time';
  if (/^(是|按时|按期|及时)$/.test(t)) return 'on-time';
  return null;
}

/** The words people write when a qualitative target is met or not (guide: 定性). */
export type QualityVerdict = 'met' | 'partial' | 'missed' | null;

export function qualityVerdict(actual: string, target: string): QualityVerdict {
  const a = normalizeWords(actual);
  if (a === '') return null;
  if (/^(未达成|未完成|未达到|没有达成)/.test(a)) return 'missed';
  if (/^(部分达成|部分完成|基本达成|基本完成)/.test(a)) return 'partial';
  if (/^(已?达成(指标|目标)?|已?全部?完成|已?达到(目标)?|完全达成|是)$/.test(a)) return 'met';
  if (a === normalizeWords(target)) return 'met';
  return null;
}

function normalizeWords(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/<\/?p>/gi, '')
    .replace(/\s+/g, '')
    .replace(/[。.,，;；]+$/, '');
}
