/// <reference types="office-js" />
import { Cell, Grid } from '../../core/grid';
import { RangeData, cellOf } from './cells';
import { ExcelApi } from './excelApi';

/**
 * Office.js refuses responses above about 5 MB. A block of 20,000 cells with values,
 * text, number formats and value types stays well below that even with long texts, so a
 * used range is read in row blocks of at most this many cells.
 */
export const BLOCK_CELLS = 20000;

/** Row blocks `[start, count)` covering `rows` rows of `cols` columns. */
export function rowBlocks(rows: number, cols: number, blockCells = BLOCK_CELLS): { start: number; count: number }[] {
  const per = Math.max(1, Math.floor(blockCells / Math.max(1, cols)));
  const out: { start: number; count: number }[] = [];
  for (let start = 0; start < rows; start += per) out.push({ start, count: Math.min(per, rows - start) });
  return out;
}

/**
 * Reads the used range of each sheet in exactly two syncs, whatever the size: the first
 * learns where each used range is, the second loads every row block of every sheet at
 * once. The blocks keep each response part small; queuing them together keeps the
 * number of round trips to Excel fixed.
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

    const blocks = used.map((range, i) =>
      range.isNullObject
        ? []
        : rowBlocks(range.rowCount, range.columnCount).map((b) => ({
            start: b.start,
            range: sheets[i]
              .getRangeByIndexes(range.rowIndex + b.start, range.columnIndex, b.count, range.columnCount)
              .load('values,text,numberFormat,valueTypes'),
          })),
    );
    await context.sync();

    return names.map((name, i) => {
      const cells: (Cell | null)[][] = [];
      for (const block of blocks[i]) {
        const data = block.range as unknown as RangeData;
        data.values.forEach((row, r) => {
          cells[block.start + r] = row.map((_, c) => cellOf(data, r, c));
        });
      }
      onProgress?.(i + 1, names.length);
      const range = used[i];
      return range.isNullObject
        ? { sheet: name, top: 0, left: 0, cells: [] }
        : { sheet: name, top: range.rowIndex, left: range.columnIndex, cells };
    });
  });
}
