import { CellValue } from '../../core/grid';

/**
 * In `Range.Value2` WPS (like Excel over COM) hands an error cell over as the number
 * 0x800A0000 + the xlErr code, e.g. -2146826281 for #DIV/0!. No form holds such a
 * number as data, so these exact values are read as errors.
 */
const COM_ERROR_BASE = -2146828288;

const XL_ERRORS: Record<number, string> = {
  2000: '#NULL!',
  2007: '#DIV/0!',
  2015: '#VALUE!',
  2023: '#REF!',
  2029: '#NAME?',
  2036: '#NUM!',
  2042: '#N/A',
  2045: '#SPILL!',
  2050: '#CALC!',
};

/** The error name for a Value2 number that encodes a cell error, else null. */
export function etErrorName(v: number): string | null {
  return XL_ERRORS[v - COM_ERROR_BASE] ?? null;
}

/** One element of a `Value2` array as a grid value; empty cells are null. */
export function cellValueOf(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    const error = etErrorName(v);
    return error ? { error } : v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}
