/// <reference types="office-js" />
import { Cell, Grid } from '../../core/grid';
import { RangeData, cellOf } from './cells';
import { ExcelApi } from './excelApi';
import { isPayloadError, jsonBytes, SYNC_BUDGET } from './payload';

/**
 * Bytes per cell of `values,text,numberFormat,valueTypes` assumed before anything has
 * been read: a Chinese label of some twenty characters in both values and text (forms
 * are mostly numbers and blanks, so this reads a hundred forms in one sync). After each
 * sync the densest range read so far sets the estimate.
 */
export const FIRST_BYTES_PER_CELL = 160;
/** After a response too large, the estimate grows this much: sheets of long texts run to ~700 bytes a cell. */
const BACKOFF = 4;
/** An empty cell still costs "", "", "General", "Empty" and separators. */
const MIN_BYTES_PER_CELL = 28;

/** Rows `[start, start + rows)` of sheet number `sheet`'s used range, still to read. */
interface Span {
  sheet: number;
  start: number;
  rows: number;
}

/** Takes from the front of `queue` as many rows as fit in one sync at `bytesPerCell`. */
function nextGroup(queue: Span[], columns: (sheet: number) => number, bytesPerCell: number): Span[] {
  const group: Span[] = [];
  let bytes = 0;
  while (queue.length > 0 && bytes < SYNC_BUDGET) {
    const span = queue[0];
    const rowBytes = columns(span.sheet) * bytesPerCell;
    const fit = Math.floor((SYNC_BUDGET - bytes) / rowBytes);
    if (fit >= span.rows) {
      group.push(queue.shift()!);
      bytes += span.rows * rowBytes;
    } else {
      // A group holds at least one row, even a row estimated above the budget.
      const rows = group.length === 0 ? Math.max(1, fit) : fit;
      if (rows === 0) break;
      group.push({ sheet: span.sheet, start: span.start, rows });
      span.start += rows;
      span.rows -= rows;
      break;
    }
  }
  return group;
}

/** Reports each sheet finished since `reported`, in workbook order; returns the new count. */
function reportDone(reported: number, left: number[], onProgress?: (done: number, total: number) => void): number {
  let done = reported;
  while (done < left.length && left[done] === 0) {
    done++;
    onProgress?.(done, left.length);
  }
  return done;
}

/**
 * Reads the used range of each sheet. The first sync learns where each used range is;
 * then rows are read in groups sized by payload (cells × bytes per cell, texts included,
 * measured on what was already read), one sync per group of about 4 MB at most, so the
 * number of syncs grows with the data and never with the number of blocks. A group
 * whose response still exceeds Excel's limit (a sheet denser than anything before it)
 * is read again at twice the estimate: reading changes nothing.
 */
export async function readSheets(
  api: ExcelApi,
  names: string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Grid[]> {
  return api.run(async (context) => {
    const sheets = names.map((name) => context.workbook.worksheets.getItem(name));
    // valuesOnly: cells that only carry formatting do not widen what is read.
    const used = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
    await context.sync();
    onProgress?.(0, names.length);

    const cells: (Cell | null)[][][] = names.map(() => []);
    const left = used.map((range) => (range.isNullObject ? 0 : range.rowCount));
    const queue: Span[] = left.flatMap((rows, sheet) => (rows > 0 ? [{ sheet, start: 0, rows }] : []));
    const columns = (sheet: number) => used[sheet].columnCount;
    let bytesPerCell = FIRST_BYTES_PER_CELL;
    let densest = 0;
    let reported = 0;
    while (queue.length > 0) {
      const group = nextGroup(queue, columns, bytesPerCell);
      const loads = group.map((span) => {
        const range = used[span.sheet];
        return sheets[span.sheet]
          .getRangeByIndexes(range.rowIndex + span.start, range.columnIndex, span.rows, range.columnCount)
          .load('values,text,numberFormat,valueTypes');
      });
      try {
        await context.sync();
      } catch (e) {
        const oneRow = group.length === 1 && group[0].rows === 1;
        if (!isPayloadError(e) || oneRow) throw e;
        queue.unshift(...group);
        bytesPerCell *= BACKOFF;
        continue;
      }
      group.forEach((span, g) => {
        const data = loads[g] as unknown as RangeData;
        const bytes = jsonBytes([data.values, data.text, data.numberFormat, data.valueTypes]);
        densest = Math.max(densest, bytes / (span.rows * columns(span.sheet)));
        data.values.forEach((row, r) => {
          cells[span.sheet][span.start + r] = row.map((_, c) => cellOf(data, r, c));
        });
        left[span.sheet] -= span.rows;
      });
      bytesPerCell = Math.max(MIN_BYTES_PER_CELL, densest);
      reported = reportDone(reported, left, onProgress);
    }
    reportDone(reported, left.map(() => 0), onProgress);

    return names.map((name, i) => {
      const range = used[i];
      return range.isNullObject
        ? { sheet: name, top: 0, left: 0, cells: [] }
        : { sheet: name, top: range.rowIndex, left: range.columnIndex, cells: cells[i] };
    });
  });
}
