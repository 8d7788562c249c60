/**
 * A change PerfCheck makes to one cell: the unit every shell applies (the command line
 * through exceljs; the Excel and WPS hosts later), so the core decides what is written
 * and the shells only write it.
 */
export interface CellWrite {
  sheet: string;
  /** A1 address on the sheet. */
  cell: string;
  /**
   * `number`: a decimal string, written as a number in the cell's own format (a percent
   * cell gets the fraction, 0.8413 for 84.13%); `text`: written as text; `formula`: an
   * Excel formula without the leading `=`.
   */
  kind: 'number' | 'text' | 'formula';
  value: string;
  /** For a formula: the value it evaluates to now, so a reader that does not recalculate shows it. */
  result?: { kind: 'number' | 'text'; value: string };
  /** The number format to set, or null to keep the cell's own. */
  numberFormat: string | null;
}

/** A conditional-formatting rule over a range of one sheet, live in any spreadsheet. */
export interface ConditionalRule {
  sheet: string;
  /** A1 range, e.g. `H10:H25`. */
  range: string;
  /** Excel expression without `=`, relative to the range's top-left cell. */
  formula: string;
  /** Fill colour, `#RRGGBB`. */
  fill: string;
  /** What the rule marks, in plain Chinese. */
  meaning: string;
}
