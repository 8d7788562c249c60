/**
 * What a cell looked like before PerfCheck first marked it, kept in the workbook itself
 * so that 清除标注 restores it exactly, even after the file is saved, closed and
 * reopened on another computer.
 *
 * Why a very hidden worksheet rather than CustomXmlParts: both are saved in the .xlsx,
 * but a sheet is read and rewritten with plain range values inside the same batch as
 * the highlights (no extra round trip for getXml), holds tens of thousands of rows
 * without building one huge XML string, and survives in WPS 表格 and older Excel
 * versions that do not keep custom XML. VeryHidden keeps it out of the sheet tabs and
 * the Unhide dialog, so users do not edit it by accident.
 */
export const SNAPSHOT_SHEET = '__perfcheck';

/** A cell's fill as RangeFill reports it. "No fill" is not white (see fill.ts). */
export type FillRecord =
  | { none: true }
  | {
      none: false;
      color: string;
      pattern: string | null;
      patternColor: string | null;
      tintAndShade: number | null;
      patternTintAndShade: number | null;
    };

/**
 * A cell's note before PerfCheck wrote one. With notes (ExcelApi 1.18) the user's own
 * note text is kept and put back; with threaded comments (ExcelApi 1.10) a user's thread
 * is never touched, so only whether PerfCheck added a comment is kept.
 */
export type NoteRecord =
  | { kind: 'note'; original: string | null }
  | { kind: 'comment'; added: boolean }
  | { kind: 'none' };

export interface CellRecord {
  sheet: string;
  cell: string;
  fill: FillRecord;
  note: NoteRecord;
}

/** The first row: what the sheet is, and the format version. */
export const SNAPSHOT_HEADER = ['PerfCheck 标注前的原始格式（清除标注时使用，请勿修改）', 'v1', '', ''];

export function recordKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

/** One row per record, four text columns (the header row is SNAPSHOT_HEADER). */
export function encodeRecords(records: CellRecord[]): string[][] {
  return records.map((r) => [r.sheet, r.cell, JSON.stringify(r.fill), JSON.stringify(r.note)]);
}

/** Whether rows read from the sheet start with PerfCheck's header. */
export function hasSnapshotHeader(values: unknown[][] | null): boolean {
  return !!values && values.length > 0 && values[0][0] === SNAPSHOT_HEADER[0] && values[0][1] === SNAPSHOT_HEADER[1];
}

/**
 * Reads the snapshot sheet's values back, in row order; rows that do not parse are
 * skipped. A cell's record never changes once written, so when a key appears twice (a
 * rewrite interrupted part-way) both rows say the same and the first is kept.
 */
export function decodeSnapshot(values: unknown[][] | null): Map<string, CellRecord> {
  const out = new Map<string, CellRecord>();
  if (!values || !hasSnapshotHeader(values)) return out;
  for (const row of values.slice(1)) {
    const [sheet, cell, fill, note] = row.map((v) => String(v ?? ''));
    if (!sheet || !cell || out.has(recordKey(sheet, cell))) continue;
    try {
      out.set(recordKey(sheet, cell), { sheet, cell, fill: JSON.parse(fill), note: JSON.parse(note) });
    } catch {
      // A row damaged by hand: that cell cannot be restored, the others still can.
    }
  }
  return out;
}
