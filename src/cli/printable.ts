/**
 * Workbook text reaches the terminal (cell texts inside messages, sheet and project
 * names, file names). An ESC sequence in a cell could move the cursor, erase a finding
 * line or retitle the window, and a bidi override could make a line read backwards, so
 * everything printed goes through here.
 */

// ESC sequences first, whole, so that no parameter bytes are left behind: CSI (ESC [ …
// final byte), OSC/DCS/APC/PM/SOS strings ended by BEL or ESC \, then any other ESC and
// the byte after it (an unended string loses only its opening, never the text after it).
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- finding control characters is this file's job
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]P^_X][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[\s\S]?|\x9b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls and DEL, except tab and line breaks (handled by the callers).
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
// Bidi embeddings, overrides and isolates (Unicode TR9), and the Arabic letter mark.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for one line of the table output or of stderr: no controls, tabs and line breaks as spaces. */
export function oneLine(text: string): string {
  return keepLayout(text).replace(/[\t\r\n]+/g, ' ');
}

/** Text with its tabs and line breaks kept (CSV fields, which quote them), other controls removed. */
export function keepLayout(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(BIDI, '');
}

/**
 * JSON.stringify already escapes C0 controls; C1 controls, DEL and bidi marks are
 * escaped too, so that the data stays exact but nothing acts on a terminal.
 */
export function jsonText(json: string): string {
  return json.replace(
    /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
