/// <reference types="office-js" />
import { internalLink } from '../../core/annotations';
import { ExcelApi } from './excelApi';
import { CALL_BYTES, jsonBytes, ReadItem } from './payload';
import { splitAddress } from './cells';
import { NoteRecord, recordKey } from './snapshot';

export interface CellRef {
  sheet: string;
  cell: string;
}

/** A note or comment found at a cell, with the proxy to change it. */
export interface ExistingNote {
  content: string;
  note?: Excel.Note;
  comment?: Excel.Comment;
}

/**
 * Where PerfCheck's message goes: a cell note (ExcelApi 1.18), else a threaded comment
 * (ExcelApi 1.10), else nowhere (the fill alone marks the cell and the pane says why).
 */
export interface CellNotes {
  readonly kind: NoteRecord['kind'];
  /**
   * Reads that find the notes at these cells, for the caller to sync with others in
   * payload-sized groups (comments first need their list: one sync here).
   */
  readers(context: Excel.RequestContext, cells: CellRef[]): Promise<ReadItem<FoundNote>[]>;
  /**
   * Queues writing PerfCheck's text; `original` is what the cell had before PerfCheck
   * first marked it. Returns the estimated request bytes.
   */
  write(context: Excel.RequestContext, at: CellRef, text: string, existing: ExistingNote | undefined, original: NoteRecord): number;
  /** Queues putting the original back; returns the estimated request bytes. */
  restore(context: Excel.RequestContext, at: CellRef, original: NoteRecord, existing: ExistingNote | undefined): number;
  /** What to record for a cell never marked before. */
  recordOf(existing: ExistingNote | undefined): NoteRecord;
}

/** A note found at a cell (its key), or null. */
export type FoundNote = [string, ExistingNote] | null;

/** The notes found, by cell key. */
export function notesFound(found: FoundNote[]): Map<string, ExistingNote> {
  return new Map(found.filter((f): f is [string, ExistingNote] => f !== null));
}

/** How notes work in this Excel with this office.js, and whether the library held it back. */
export interface NotesChoice {
  notes: CellNotes;
  /** Excel offers a better kind than the loaded office.js defines (an old intranet copy). */
  libraryBehind: boolean;
}

/**
 * Notes need both: Excel reporting the set (isSetSupported reads what the application
 * implements) and the loaded office.js defining the class. With the @microsoft/office-js
 * copy (ExcelApi ≤ 1.15, no Excel.NoteCollection) in an Excel that reports 1.18,
 * `worksheet.notes` is undefined, so the host falls back instead of throwing.
 */
export function cellNotesFor(api: Pick<ExcelApi, 'isSetSupported' | 'hasClass'>): NotesChoice {
  const excelNotes = api.isSetSupported('ExcelApi', '1.18');
  const excelComments = api.isSetSupported('ExcelApi', '1.10');
  if (excelNotes && api.hasClass('NoteCollection')) return { notes: NOTES, libraryBehind: false };
  if (excelComments && api.hasClass('CommentCollection')) return { notes: COMMENTS, libraryBehind: excelNotes };
  return { notes: NONE, libraryBehind: excelNotes || excelComments };
}

/** Keeps the user's own note visible under PerfCheck's while the cell is marked. */
export function noteText(text: string, original: string | null): string {
  return original === null ? text : `${text}\n\n原批注：\n${original}`;
}

/** A note read: three calls (sheet, getItemOrNullObject, load) and a short answer; a longer one splits the group. */
const NOTE_READ_BYTES = 3 * CALL_BYTES + 64;

/** Worksheet proxies reused within one batch, so each cell does not add a sheet path. */
export function sheetsOf(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      cache.set(name, ws);
    }
    return ws;
  };
}

const NOTES: CellNotes = {
  kind: 'note',
  async readers(context, cells) {
    const sheet = sheetsOf(context);
    return cells.map((c) => ({
      bytes: NOTE_READ_BYTES,
      queue: () => {
        const note = sheet(c.sheet).notes.getItemOrNullObject(c.cell).load('content');
        return (): FoundNote => (note.isNullObject ? null : [recordKey(c.sheet, c.cell), { content: note.content, note }]);
      },
    }));
  },
  write(context, at, text, existing, original) {
    const content = noteText(text, original.kind === 'note' ? original.original : null);
    if (existing?.note) existing.note.content = content;
    else context.workbook.worksheets.getItem(at.sheet).notes.add(at.cell, content);
    return 3 * CALL_BYTES + jsonBytes(content);
  },
  restore(context, at, original, existing) {
    const text = original.kind === 'note' ? original.original : null;
    if (text === null) existing?.note?.delete();
    else if (existing?.note) existing.note.content = text;
    else context.workbook.worksheets.getItem(at.sheet).notes.add(at.cell, text);
    return 3 * CALL_BYTES + jsonBytes(text);
  },
  recordOf: (existing) => ({ kind: 'note', original: existing?.content ?? null }),
};

/** `'Sheet'!B3` or `Sheet!B3` → the key of that cell. */
function keyOfAddress(address: string): string {
  const { sheet, cell } = splitAddress(address);
  return recordKey(sheet, cell);
}

const COMMENTS: CellNotes = {
  kind: 'comment',
  async readers(context) {
    // A comment's cell is only known through getLocation(), which needs the comment
    // list first: one sync for the list, then the locations with the caller's reads.
    const comments = context.workbook.comments.load('items/content');
    await context.sync();
    return comments.items.map((comment) => ({
      bytes: 3 * CALL_BYTES + 64,
      queue: () => {
        const where = comment.getLocation().load('address');
        return (): FoundNote => [keyOfAddress(where.address), { content: comment.content, comment }];
      },
    }));
  },
  write(context, at, text, existing, original) {
    // A user's thread is never edited: the fill alone marks that cell.
    if (original.kind === 'comment' && !original.added) return 0;
    if (existing?.comment) existing.comment.content = text;
    else context.workbook.comments.add(internalLink(at.sheet, at.cell), text);
    return 2 * CALL_BYTES + jsonBytes(text);
  },
  restore(_context, _at, original, existing) {
    if (original.kind === 'comment' && original.added) existing?.comment?.delete();
    return 2 * CALL_BYTES;
  },
  recordOf: (existing) => ({ kind: 'comment', added: existing === undefined }),
};

const NONE: CellNotes = {
  kind: 'none',
  readers: async () => [],
  write: () => 0,
  restore: () => 0,
  recordOf: () => ({ kind: 'none' }),
};
