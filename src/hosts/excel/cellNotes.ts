/// <reference types="office-js" />
import { internalLink } from '../../core/annotations';
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

/** Reads queued before a shared sync; `settle` gives the notes found (it may sync once more). */
export interface PendingNotes {
  settle(): Promise<Map<string, ExistingNote>>;
}

/**
 * Where PerfCheck's message goes: a cell note (ExcelApi 1.18), else a threaded comment
 * (ExcelApi 1.10), else nowhere (the fill alone marks the cell and the pane says why).
 */
export interface CellNotes {
  readonly kind: NoteRecord['kind'];
  queueRead(context: Excel.RequestContext, cells: CellRef[]): PendingNotes;
  /** Writes PerfCheck's text; `original` is what the cell had before PerfCheck first marked it. */
  write(context: Excel.RequestContext, at: CellRef, text: string, existing: ExistingNote | undefined, original: NoteRecord): void;
  restore(context: Excel.RequestContext, at: CellRef, original: NoteRecord, existing: ExistingNote | undefined): void;
  /** What to record for a cell never marked before. */
  recordOf(existing: ExistingNote | undefined): NoteRecord;
}

export function cellNotesFor(isSetSupported: (name: string, version: string) => boolean): CellNotes {
  if (isSetSupported('ExcelApi', '1.18')) return NOTES;
  if (isSetSupported('ExcelApi', '1.10')) return COMMENTS;
  return NONE;
}

/** Keeps the user's own note visible under PerfCheck's while the cell is marked. */
export function noteText(text: string, original: string | null): string {
  return original === null ? text : `${text}\n\n原批注：\n${original}`;
}

const NOTES: CellNotes = {
  kind: 'note',
  queueRead(context, cells) {
    const found = cells.map((c) => ({
      key: recordKey(c.sheet, c.cell),
      note: context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(c.cell).load('content'),
    }));
    return {
      settle: async () => new Map(found.filter((f) => !f.note.isNullObject).map((f) => [f.key, { content: f.note.content, note: f.note }])),
    };
  },
  write(context, at, text, existing, original) {
    const content = noteText(text, original.kind === 'note' ? original.original : null);
    if (existing?.note) existing.note.content = content;
    else context.workbook.worksheets.getItem(at.sheet).notes.add(at.cell, content);
  },
  restore(context, at, original, existing) {
    const text = original.kind === 'note' ? original.original : null;
    if (text === null) existing?.note?.delete();
    else if (existing?.note) existing.note.content = text;
    else context.workbook.worksheets.getItem(at.sheet).notes.add(at.cell, text);
  },
  recordOf: (existing) => ({ kind: 'note', original: existing?.content ?? null }),
};

/** `'Sheet'!B3` or `Sheet!B3` → the key of that cell. */
function keyOfAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return recordKey(sheet, address.slice(bang + 1).replace(/\$/g, ''));
}

const COMMENTS: CellNotes = {
  kind: 'comment',
  queueRead(context) {
    // A comment's cell is only known through getLocation(), which needs the comment
    // list first: one more sync, whatever the number of comments.
    const comments = context.workbook.comments.load('items/content');
    return {
      settle: async () => {
        const located = comments.items.map((comment) => ({ comment, where: comment.getLocation().load('address') }));
        await context.sync();
        return new Map(located.map((l) => [keyOfAddress(l.where.address), { content: l.comment.content, comment: l.comment }]));
      },
    };
  },
  write(context, at, text, existing, original) {
    // A user's thread is never edited: the fill alone marks that cell.
    if (original.kind === 'comment' && !original.added) return;
    if (existing?.comment) existing.comment.content = text;
    else context.workbook.comments.add(internalLink(at.sheet, at.cell), text);
  },
  restore(_context, _at, original, existing) {
    if (original.kind === 'comment' && original.added) existing?.comment?.delete();
  },
  recordOf: (existing) => ({ kind: 'comment', added: existing === undefined }),
};

const NONE: CellNotes = {
  kind: 'none',
  queueRead: () => ({ settle: async () => new Map() }),
  write() {},
  restore() {},
  recordOf: () => ({ kind: 'none' }),
};
