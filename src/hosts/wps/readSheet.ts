import { Cell, CellValue, Grid } from '../../core/grid';
import { formatNumber } from '../../core/numberFormat';
import { cellValueOf } from './etErrors';
import { formatShown } from './displayFormat';
import { child, EtObject, invoke, numberProp, prop } from './etObject';
import { sheetName } from './workbook';

/**
 * A worksheet's used range as a grid, in a fixed number of object-model calls however
 * many forms the sheet holds: one bulk `Value2` read and one bulk `NumberFormat` read.
 * Only when this build reports mixed formats as null is `Text` read in bulk too, and
 * only when that is not per-cell either are the number cells' formats read one by one.
 */
export function readSheet(sheet: EtObject): Grid {
  const used = child(sheet, 'UsedRange');
  const top = numberProp(used, 'Row') - 1;
  const left = numberProp(used, 'Column') - 1;
  const rows = numberProp(child(used, 'Rows'), 'Count');
  const cols = numberProp(child(used, 'Columns'), 'Count');
  const values = matrix(prop(used, 'Value2'), rows, cols).map((row) => row.map(cellValueOf));
  const formats = numberFormats(used, values, rows, cols);
  const cells = values.map((row, r) => row.map((value, c) => cellOf(value, formats[r][c])));
  while (cells.length > 0 && cells[cells.length - 1].every((c) => c === null)) cells.pop();
  return { sheet: sheetName(sheet), top, left, cells };
}

/** What the sheet shows for a cell: a format, or the displayed text itself. */
type Shown = { format?: string; text?: string };

function cellOf(value: CellValue, shown: Shown): Cell | null {
  if (value === null) return null;
  const format = shown.format;
  if (typeof value === 'number') return { value, text: shown.text ?? formatNumber(value, format), format };
  if (typeof value === 'string') return { value, text: value, format };
  if (typeof value === 'boolean') return { value, text: value ? 'TRUE' : 'FALSE', format };
  return { value, text: value.error, format };
}

function numberFormats(used: EtObject, values: CellValue[][], rows: number, cols: number): Shown[][] {
  const bulk = prop(used, 'NumberFormat');
  if (typeof bulk === 'string') return fill(rows, cols, () => ({ format: bulk }));
  if (isMatrix(bulk)) return matrix(bulk, rows, cols).map((row) => row.map((f) => ({ format: formatString(f) })));
  const text = prop(used, 'Text');
  if (isMatrix(text)) {
    return matrix(text, rows, cols).map((row) =>
      row.map((t) => {
        const shown = String(t ?? '');
        return { format: formatShown(shown) ?? undefined, text: formatShown(shown) ? shown : undefined };
      }),
    );
  }
  // This build gives neither per cell: ask each number cell (text cells need no format).
  return values.map((row, r) =>
    row.map((v, c) => (typeof v === 'number' ? { format: formatString(prop(cellIn(used, r + 1, c + 1), 'NumberFormat')) } : {})),
  );
}

function formatString(f: unknown): string | undefined {
  return typeof f === 'string' && f !== '' ? f : undefined;
}

/** A cell of a range by 1-based row and column within it. */
function cellIn(range: EtObject, row: number, col: number): EtObject {
  return typeof range.Item === 'function' ? invoke<EtObject>(range, 'Item', row, col) : invoke<EtObject>(range, 'Cells', row, col);
}

function isMatrix(v: unknown): v is unknown[][] {
  return Array.isArray(v) && v.length > 0 && Array.isArray(v[0]);
}

/** Value2 and friends: a 2-D array for a multi-cell range, a scalar for a single cell. */
function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  const m: unknown[][] = isMatrix(v) ? v : Array.isArray(v) ? [v] : [[v]];
  return fill(rows, cols, (r, c) => m[r]?.[c]);
}

function fill<T>(rows: number, cols: number, at: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => at(r, c)));
}
