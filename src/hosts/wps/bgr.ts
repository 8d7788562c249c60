/**
 * ET colours are numbers in BGR order (0xBBGGRR), the reverse of CSS `#RRGGBB`;
 * PerfCheck's fills are written as CSS colours (SEVERITY_FILL).
 */
export function bgrOf(css: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css.trim());
  if (!m) throw new Error(`不是有效的颜色：${css}`);
  return parseInt(m[3] + m[2] + m[1], 16);
}
