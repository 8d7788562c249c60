/// <reference types="office-js" />
import { Cell } from '../../core/grid';

/** What one `load('values,text,numberFormat,valueTypes')` of a range gives back. */
export interface RangeData {
  values: unknown[][];
  text: string[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

/**
 * One Office.js cell → a grid cell. Excel returns an error cell's value as its text
 * (`#DIV/0!`), indistinguishable from typed text, so `valueTypes` decides.
 */
export function cellOf(data: RangeData, row: number, col: number): Cell | null {
  const type = data.valueTypes[row]?.[col] ?? 'Empty';
  const raw = data.values[row]?.[col];
  const text = data.text[row]?.[col] ?? '';
  const nf = data.numberFormat[row]?.[col];
  const format = typeof nf === 'string' && nf !== '' ? nf : undefined;
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { value: { error: String(raw) }, text: text || String(raw), format };
    case 'Double':
    case 'Integer':
      return typeof raw === 'number' ? { value: raw, text, format } : { value: String(raw), text, format };
    case 'Boolean':
      return { value: Boolean(raw), text, format };
    default:
      if (raw === '' || raw === null || raw === undefined) return null;
      return { value: String(raw), text: text || String(raw), format };
  }
}

/** `'Sheet 1'!$B$3` or `Sheet!B3:C4`, as Range.address gives it → the sheet and the plain A1 part. */
export function splitAddress(address: string): { sheet: string; cell: string } {
  // The A1 part never holds "!", a sheet name may.
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, '') };
}
