/// <reference types="office-js" />
import { FillRecord } from './snapshot';

export const FILL_PROPERTIES = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';

/**
 * Office.js reports a cell with no fill as color #FFFFFF, exactly like a white fill; only
 * `tintAndShade` tells them apart (null for no fill, a number for any real fill —
 * OfficeDev/office-js#4900). Pattern "None" means no fill too.
 */
export function fillRecordOf(fill: Excel.RangeFill): FillRecord {
  if (fill.tintAndShade === null || fill.pattern === 'None') return { none: true };
  return {
    none: false,
    color: fill.color,
    pattern: fill.pattern ?? null,
    patternColor: fill.patternColor ?? null,
    tintAndShade: fill.tintAndShade,
    patternTintAndShade: fill.patternTintAndShade ?? null,
  };
}

/** Puts a recorded fill back: clear() for no fill, every recorded property otherwise. */
export function restoreFill(fill: Excel.RangeFill, record: FillRecord): void {
  if (record.none) {
    fill.clear();
    return;
  }
  // The pattern first: setting it resets the colours Excel derives from it.
  if (record.pattern !== null) fill.pattern = record.pattern as Excel.FillPattern;
  fill.color = record.color;
  if (record.tintAndShade !== null) fill.tintAndShade = record.tintAndShade;
  if (record.patternColor !== null) fill.patternColor = record.patternColor;
  if (record.patternTintAndShade !== null) fill.patternTintAndShade = record.patternTintAndShade;
}

/** A PerfCheck highlight: a plain solid fill. */
export function markFill(fill: Excel.RangeFill, color: string): void {
  fill.clear();
  fill.color = color;
}
