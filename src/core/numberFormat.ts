import { format as formatWithCode, getFormatInfo } from 'numfmt';
import { Decimal, decimalFromNumber } from './decimal';

/**
 * Number format codes as spreadsheets store and report them, displayed with numfmt (a
 * maintained implementation of the ECMA-376 format code grammar: sections, conditions,
 * `[Red]`, `_x` spacing, `\x` escapes, quoted text, `@`, percent, thousands, scaling).
 *
 * What numfmt does not read is the Chinese spelling of the grammar that WPS 表格 and a
 * Chinese Excel report and that files saved by WPS carry as a custom format: General as
 * `G/通用格式` (or `通用格式`, `常规`) and colours as `[红色]`. Those are mapped to the
 * invariant spelling first.
 *
 * Hosts that give us the displayed text (Excel, WPS) need only `formatDecimals` and
 * `isPercentFormat`; a file read with exceljs needs `formatNumber` too.
 */

/**
 * Spellings of General: the invariant one, WPS's and Chinese Excel's (`G/通用格式`, as
 * `Range.NumberFormat` and xlsx files saved by WPS give it), the names of the format in
 * the Chinese format dialogs (`通用格式` in Excel, `常规` in WPS), and the other East
 * Asian Excel locales' local codes (`G/標準` ja-JP, `G/표준` ko-KR). Longest first, so
 * `G/通用格式` is not read as `G/` + `通用格式`.
 */
const GENERAL_SPELLINGS = ['G/通用格式', 'G/標準', 'G/표준', 'General', '通用格式', '常规', '常規'];

/** Colour names of the Chinese format dialogs (simplified and traditional) → ECMA-376 names. */
const COLOURS = new Map([
  ['黑色', 'Black'],
  ['蓝色', 'Blue'],
  ['藍色', 'Blue'],
  ['青色', 'Cyan'],
  ['绿色', 'Green'],
  ['綠色', 'Green'],
  ['洋红', 'Magenta'],
  ['洋红色', 'Magenta'],
  ['洋紅', 'Magenta'],
  ['红色', 'Red'],
  ['紅色', 'Red'],
  ['白色', 'White'],
  ['黄色', 'Yellow'],
  ['黃色', 'Yellow'],
]);

/**
 * A format code in the invariant spelling numfmt reads: General spellings become
 * `General`, Chinese colours `[Red]`, `[颜色12]` `[Color12]`. Quoted text and `\`
 * escapes are left alone, so `"常规"0.00` keeps its literal text. A missing or empty
 * format is General.
 */
export function invariantFormat(format: string | undefined): string {
  const code = format ?? '';
  let out = '';
  let i = 0;
  while (i < code.length) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      out += code.slice(i, stop);
      i = stop;
    } else if (ch === '\\') {
      out += code.slice(i, i + 2);
      i += 2;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      out += `[${bracketToken(code.slice(i + 1, end < 0 ? code.length : end))}]`;
      i = stop;
    } else {
      const general = GENERAL_SPELLINGS.find((g) => code.slice(i, i + g.length).toLowerCase() === g.toLowerCase());
      if (general) {
        out += 'General';
        i += general.length;
      } else {
        out += ch;
        i++;
      }
    }
  }
  return out.trim() === '' ? 'General' : out;
}

function bracketToken(token: string): string {
  const colour = COLOURS.get(token.trim());
  if (colour) return colour;
  const indexed = /^\s*(?:颜色|顏色)\s*(\d+)\s*$/.exec(token);
  return indexed ? `Color${indexed[1]}` : token;
}

type FormatInfo = ReturnType<typeof getFormatInfo>;

/** Format codes repeat across a sheet: each is parsed once. Bounded: codes are workbook text. */
const infos = new Map<string, FormatInfo>();
const MAX_CACHED = 500;

function infoOf(code: string): FormatInfo {
  let info = infos.get(code);
  if (info === undefined) {
    info = getFormatInfo(code);
    if (infos.size >= MAX_CACHED) infos.clear();
    infos.set(code, info);
  }
  return info;
}

/** The kinds of format whose display is the value rounded to a fixed number of decimals. */
const FIXED_DECIMALS = new Set(['number', 'grouped', 'percent', 'currency']);

/**
 * Displays a number the way a spreadsheet does with this format code. A code that
 * cannot be read displays the number as General does.
 */
export function formatNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const code = invariantFormat(format);
  try {
    return formatWithCode(code, roundedAsShown(value, sectionFor(code, value)));
  } catch {
    return formatWithCode('General', value);
  }
}

/**
 * The value rounded as the sheet shows it: Excel rounds the 15-digit decimal it keeps,
 * halves away from zero (1.005 shows as 1.01), where numfmt would round the binary
 * float (1.00499… → 1.00). Rounding first makes the text agree with `formatDecimals`.
 */
function roundedAsShown(value: number, section: string): number {
  const info = infoOf(section);
  if (!FIXED_DECIMALS.has(info.type)) return value;
  const scale = new Decimal(info.scale || 1);
  return decimalFromNumber(value)
    .times(scale)
    .toDecimalPlaces(info.maxDecimals, Decimal.ROUND_HALF_UP)
    .div(scale)
    .toNumber();
}

/** The sections of a code (split at `;` outside quotes, escapes and brackets). */
function sections(code: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') i = code.indexOf('"', i + 1) < 0 ? code.length : code.indexOf('"', i + 1);
    else if (ch === '\\') i++;
    else if (ch === '[') i = code.indexOf(']', i + 1) < 0 ? code.length : code.indexOf(']', i + 1);
    else if (ch === ';') {
      out.push(code.slice(start, i));
      start = i + 1;
    }
  }
  out.push(code.slice(start));
  return out;
}

/**
 * The section that displays this value: positive; negative; zero (the first when a
 * section is missing). With conditions (`[>=100]`) the whole code decides.
 */
function sectionFor(code: string, value: number): string {
  const parts = sections(code);
  if (parts.length === 1 || /\[\s*[<>=]/.test(code)) return code;
  const at = value > 0 ? 0 : value < 0 ? 1 : 2;
  return parts[at] !== undefined && parts[at].trim() !== '' ? parts[at] : parts[0];
}

/**
 * The number of decimals the format shows positive numbers with (2 for `0.00%`, for
 * `#,##0.00_);[红色](#,##0.00)`), or null when the display is not a fixed number of
 * decimals (General in any spelling, text `@`, dates, a code that cannot be read).
 */
export function formatDecimals(format: string | undefined): number | null {
  return factsOf(format).decimals;
}

/** Whether the format shows numbers as percentages (`0.00%`; not `0.00"%"` or `0.00\%`). */
export function isPercentFormat(format: string | undefined): boolean {
  return factsOf(format).percent;
}

// A workbook has a handful of formats and every number cell asks about its own.
const factsByFormat = new Map<string, { decimals: number | null; percent: boolean }>();

function factsOf(format: string | undefined) {
  const key = format ?? '';
  let facts = factsByFormat.get(key);
  if (facts === undefined) {
    const info = infoOf(sections(invariantFormat(format))[0]);
    facts = { decimals: FIXED_DECIMALS.has(info.type) ? info.maxDecimals : null, percent: info.isPercent };
    if (factsByFormat.size >= 10_000) factsByFormat.clear();
    factsByFormat.set(key, facts);
  }
  return facts;
}
