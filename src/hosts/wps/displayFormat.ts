/**
 * A number format equivalent to what a displayed number shows (`84.13%` → `0.00%`,
 * `1,000,000.00` → `#,##0.00`), for WPS builds that give each cell's displayed text
 * but no per-cell number format: the engine needs to know a cell shows a percentage
 * and how many decimals it shows. Null when the text is not a plain displayed number
 * (`####` in a narrow column, dates, custom formats).
 */
export function formatShown(text: string): string | null {
  const m = /^-?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$/.exec(text.trim());
  if (!m) return null;
  const int = m[1].includes(',') ? '#,##0' : '0';
  const decimals = m[2] ? '.' + '0'.repeat(m[2].length) : '';
  return `${int}${decimals}${m[3]}`;
}
