import { Grid } from '../../../src/core/grid';

/**
 * What the WPS read's format calls may grow with: the columns holding numbers and the
 * blocks of one format down those columns (a new block wherever the next number cell
 * below has another format). Also the number cells, which the calls must not follow.
 */
export function formatShape(grid: Grid): { numbers: number; columns: number; blocks: number } {
  let numbers = 0;
  let columns = 0;
  let blocks = 0;
  const width = Math.max(0, ...grid.cells.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let last: string | undefined | null = null;
    for (const row of grid.cells) {
      const cell = row[c];
      if (!cell || typeof cell.value !== 'number') continue;
      if (last === null) columns++;
      if (cell.format !== last) blocks++;
      numbers++;
      last = cell.format;
    }
  }
  return { numbers, columns, blocks };
}
