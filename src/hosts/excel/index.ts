/// <reference types="office-js" />
import { REPORT_SHEET } from '../../core/annotations';
import { AnnotateResult, Host } from '../host';
import { annotate, clearAnnotations } from './annotate';
import { cellNotesFor } from './cellNotes';
import { activeCell, applyChanges, pendingChanges, undoChanges } from './changes';
import { ExcelAction, hostErrorOf } from './errors';
import { ExcelApi } from './excelApi';
import { ChangeLog } from './payload';
import { readSheets } from './readSheets';
import { writeReport } from './report';
import { SNAPSHOT_SHEET } from './snapshot';

/** Runs one user action; any failure reaches the pane as a HostError in plain Chinese. */
async function action<T>(what: ExcelAction, run: (log: ChangeLog) => Promise<T>): Promise<T> {
  const log: ChangeLog = { changed: 'nothing' };
  try {
    return await run(log);
  } catch (e) {
    throw hostErrorOf(e, what, log);
  }
}

/** The Host over Office.js. `notesAvailable` tells the pane whether messages go into notes. */
export function createExcelHost(api: ExcelApi): Host & { readonly notesAvailable: boolean } {
  const { notes, libraryBehind } = cellNotesFor(api);
  // The pane is told once that the loaded office.js held notes back.
  let libraryBehindUntold = libraryBehind;
  return {
    kind: 'excel',
    notesAvailable: notes.kind !== 'none',
    sheets: () =>
      action('sheets', () =>
        api.run(async (context) => {
          const sheets = context.workbook.worksheets.load('items/name,items/visibility');
          const active = context.workbook.worksheets.getActiveWorksheet().load('name');
          await context.sync();
          const names = sheets.items
            .filter((s) => s.visibility === 'Visible' && s.name !== SNAPSHOT_SHEET && s.name !== REPORT_SHEET)
            .map((s) => s.name);
          return { names, active: active.name };
        }),
      ),
    readSheets: (names, onProgress) => action('read', () => readSheets(api, names, onProgress)),
    annotate: async (findings) => {
      const out: AnnotateResult = await action('annotate', (log) => annotate(api, notes, findings, log));
      if (!libraryBehindUntold) return out;
      libraryBehindUntold = false;
      return { ...out, officeJsOutdated: true };
    },
    clearAnnotations: () => action('clear', (log) => clearAnnotations(api, notes, log)),
    select: (sheet, cell) =>
      action('select', () =>
        api.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(cell).select();
          await context.sync();
        }),
      ),
    writeReport: (rows) => action('report', (log) => writeReport(api, rows, log)),
    applyChanges: (change) => action('change', (log) => applyChanges(api, change, log)),
    undoChanges: () => action('undo', (log) => undoChanges(api, log)),
    pendingChanges: () => action('pending', () => pendingChanges(api)),
    activeCell: () => action('active', () => activeCell(api)),
  };
}

export { officeExcelApi } from './excelApi';
