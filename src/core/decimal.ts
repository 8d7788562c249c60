import DecimalJs from 'decimal.js';

/**
 * The one Decimal used by the engine. Precision is far above anything a form holds so
 * that only the explicit rounding steps of a rule profile ever round.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/**
 * A spreadsheet number as the spreadsheet itself sees it: Excel and WPS keep 15
 * significant digits, so the binary float 8.435 (8.43499999…) is the decimal 8.435 and
 * 0.1 + 0.2 is 0.3.
 */
export function decimalFromNumber(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return new Decimal(x.toPrecision(15));
}

/** How a value is rounded to a number of decimals, in Excel's words. */
export type Rounding = 'half-up' | 'up' | 'down';

const MODE: Record<Rounding, DecimalJs.Rounding> = {
  // Excel ROUND: halves away from zero.
  'half-up': DecimalJs.ROUND_HALF_UP,
  // Excel ROUNDUP: away from zero.
  up: DecimalJs.ROUND_UP,
  // Excel ROUNDDOWN: towards zero.
  down: DecimalJs.ROUND_DOWN,
};

export function roundTo(x: Decimal, places: number, rounding: Rounding): Decimal {
  return x.toDecimalPlaces(places, MODE[rounding]);
}

/** Decimal string without a trailing exponent, as written in the JSON report. */
export function decimalString(x: Decimal | null | undefined): string | null {
  return x == null ? null : x.toFixed();
}

export const ROUNDINGS: readonly Rounding[] = ['half-up', 'up', 'down'];

export const ROUNDING_NAMES: Record<Rounding, string> = {
  'half-up': '四舍五入',
  up: '向上舍入',
  down: '向下舍去',
};
