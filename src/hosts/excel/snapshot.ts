/**
 * What a cell looked like before PerfCheck first marked or changed it, kept in the
 * workbook itself so that 清除标注 and 撤销改正 restore it exactly, even after the file
 * is saved, closed and reopened on another computer.
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

/**
 * A cell's content before PerfCheck first changed it (改正, 改为公式, 插入空白自评表), as
 * Office.js reads it: `formula` (with its `=`) when the cell held one, else the constant
 * `value` of `type` (Excel.RangeValueType: a text that looks like a number stays text);
 * and the number format.
 */
export interface ContentRecord {
  sheet: string;
  cell: string;
  formula: string | null;
  value: string | number | boolean | null;
  type: string;
  numberFormat: string;
}

/** A conditional-formatting rule PerfCheck added: found again by all four fields to be removed. */
export interface RuleRecord {
  sheet: string;
  /** A1 range without the sheet, e.g. `G13:G19`. */
  range: string;
  /** Without the leading `=`. */
  formula: string;
  fill: string;
}

/** One row of the snapshot, in the order written. */
export type SnapshotEntry =
  | { kind: 'mark'; record: CellRecord }
  | { kind: 'content'; record: ContentRecord }
  | { kind: 'rule'; record: RuleRecord };

/**
 * The first row: what the sheet is, and the format version. Still v1 with change
 * records: they are rows whose third column is a tag (CONTENT_TAG, RULE_TAG) rather
 * than a fill's JSON, which the released version skips as damaged rows, so it still
 * restores every highlight of a workbook that also holds changes.
 */
export const SNAPSHOT_HEADER = ['PerfCheck 标注前的原始格式（清除标注时使用，请勿修改）', 'v1', '', ''];
const CONTENT_TAG = '改正前内容';
const RULE_TAG = '新增条件格式';

export function recordKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

/** What makes two rows the same record: a kind and its cell, or a rule and all its fields. */
export function entryKey(e: SnapshotEntry): string {
  if (e.kind === 'rule') return `rule\u0000${e.record.sheet}\u0000${e.record.range}\u0000${e.record.formula}\u0000${e.record.fill}`;
  return `${e.kind}\u0000${recordKey(e.record.sheet, e.record.cell)}`;
}

/** Mark records only, as v1 wrote them (the header row is SNAPSHOT_HEADER). */
export function encodeRecords(records: CellRecord[]): string[][] {
  return encodeEntries(records.map((record) => ({ kind: 'mark', record })));
}

/** One row per entry, four text columns. */
export function encodeEntries(entries: SnapshotEntry[]): string[][] {
  return entries.map((e) => {
    switch (e.kind) {
      case 'mark':
        return [e.record.sheet, e.record.cell, JSON.stringify(e.record.fill), JSON.stringify(e.record.note)];
      case 'content': {
        const { sheet, cell, ...content } = e.record;
        return [sheet, cell, CONTENT_TAG, JSON.stringify(content)];
      }
      case 'rule': {
        const { sheet, range, ...rule } = e.record;
        return [sheet, range, RULE_TAG, JSON.stringify(rule)];
      }
    }
  });
}

/** Whether rows read from the sheet start with PerfCheck's header. */
export function hasSnapshotHeader(values: unknown[][] | null): boolean {
  return !!values && values.length > 0 && values[0][0] === SNAPSHOT_HEADER[0] && values[0][1] === SNAPSHOT_HEADER[1];
}

function entryOf(sheet: string, cell: string, third: string, fourth: string): SnapshotEntry {
  if (third === CONTENT_TAG) {
    const c = JSON.parse(fourth) as Omit<ContentRecord, 'sheet' | 'cell'>;
    return { kind: 'content', record: { sheet, cell, formula: c.formula, value: c.value, type: c.type, numberFormat: c.numberFormat } };
  }
  if (third === RULE_TAG) {
    const r = JSON.parse(fourth) as Omit<RuleRecord, 'sheet' | 'range'>;
    return { kind: 'rule', record: { sheet, range: cell, formula: String(r.formula), fill: String(r.fill) } };
  }
  return { kind: 'mark', record: { sheet, cell, fill: JSON.parse(third), note: JSON.parse(fourth) } };
}

/**
 * Reads the snapshot sheet's values back, in row order; rows that do not parse are
 * skipped. A record never changes once written, so when one appears twice (a rewrite
 * interrupted part-way) both rows say the same and the first is kept.
 */
export function decodeSnapshot(values: unknown[][] | null): SnapshotEntry[] {
  const out: SnapshotEntry[] = [];
  if (!values || !hasSnapshotHeader(values)) return out;
  const seen = new Set<string>();
  for (const row of values.slice(1)) {
    const [sheet, cell, third, fourth] = row.map((v) => String(v ?? ''));
    if (!sheet || !cell) continue;
    let entry: SnapshotEntry;
    try {
      entry = entryOf(sheet, cell, third, fourth);
    } catch {
      // A row damaged by hand: that record is lost, the others still restore.
      continue;
    }
    if (seen.has(entryKey(entry))) continue;
    seen.add(entryKey(entry));
    out.push(entry);
  }
  return out;
}

/** The mark records among the entries, in order. */
export function marksOf(entries: SnapshotEntry[]): CellRecord[] {
  return entries.flatMap((e) => (e.kind === 'mark' ? [e.record] : []));
}
