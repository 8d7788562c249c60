/// <reference types="office-js" />
import { REPORT_SHEET } from '../../core/annotations';
import { Host } from '../host';
import { annotate, clearAnnotations } from './annotate';
import { cellNotesFor } from './cellNotes';
import { hostErrorOf } from './errors';
import { ExcelApi } from './excelApi';
import { readSheets } from './readSheets';
import { writeReport } from './report';
import { SNAPSHOT_SHEET } from './snapshot';

/** Runs one user action; any failure reaches the pane as a HostError in plain Chinese. */
async function action<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw hostErrorOf(e);
  }
}

/** The Host over Office.js. `notesAvailable` tells the pane whether messages go into notes. */
export function createExcelHost(api: ExcelApi): Host & { readonly notesAvailable: boolean } {
  const notes = cellNotesFor((name, version) => api.isSetSupported(name, version));
  return {
    kind: 'excel',
    notesAvailable: notes.kind !== 'none',
    sheets: () =>
      action(() =>
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
    readSheets: (names, onProgress) => action(() => readSheets(api, names, onProgress)),
    annotate: (findings) => action(() => annotate(api, notes, findings)),
    clearAnnotations: () => action(() => clearAnnotations(api, notes)),
    select: (sheet, cell) =>
      action(() =>
        api.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(cell).select();
          await context.sync();
        }),
      ),
    writeReport: (rows) => action(() => writeReport(api, rows)),
  };
}

export { officeExcelApi } from './excelApi';
