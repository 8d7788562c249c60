import { Decimal, decimalFromNumber } from './decimal';

/**
 * Displays a number the way a spreadsheet does for the number formats found on these
 * forms (`0`, `0.00`, `#,##0.00`, `0.00%`, `General`). Hosts that give us the displayed
 * text (Excel, WPS) do not need this; a file read with exceljs does.
 */
export function formatNumber(value: number, format: string | undefined): string {
  const fmt = (format ?? 'General').split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return generalText(value);
  const percent = fmt.includes('%');
  const dot = fmt.indexOf('.');
  const decimals = dot < 0 ? 0 : (fmt.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const grouping = /[#0],[#0]/.test(fmt);
  let d: Decimal = decimalFromNumber(value);
  if (percent) d = d.times(100);
  // Excel displays with halves away from zero.
  const fixed = d.abs().toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [intPart, frac] = fixed.split('.');
  const grouped = grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : intPart;
  const sign = d.isNegative() && !/^0(\.0*)?$/.test(fixed) ? '-' : '';
  return `${sign}${grouped}${frac !== undefined ? '.' + frac : ''}${percent ? '%' : ''}`;
}

/** Excel's General format: up to 11 significant characters, no trailing zeros. */
function generalText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return decimalFromNumber(value).toSignificantDigits(10).toFixed();
}

/** The number of decimals a format shows (2 for `0.00%`), or null for General. */
export function formatDecimals(format: string | undefined): number | null {
  const fmt = (format ?? 'General').split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return null;
  const dot = fmt.indexOf('.');
  return dot < 0 ? 0 : (fmt.slice(dot + 1).match(/[0#?]/g) ?? []).length;
}
