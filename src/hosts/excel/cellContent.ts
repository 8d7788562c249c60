/// <reference types="office-js" />
import { CellWrite } from '../../core/cellWrite';
import { CALL_BYTES, jsonBytes, ReadItem } from './payload';
import { ContentRecord } from './snapshot';

/**
 * A cell's content as 改正 reads it, writes it and puts it back. Two facts of Office.js
 * shape it (Range reference, ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.range):
 * - `formulas` "Represents the formula in A1-style notation. If a cell has no formula,
 *   its value is returned instead", so a text that begins with "=" reads like a formula;
 *   it is told apart by being its own value;
 * - a value set through `values` is taken as if typed: "If the returned value starts
 *   with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a
 *   formula", a numeric text becomes a number, and anything entered in a Text ("@") cell
 *   stays text. So a text is entered under "@", a number or formula under "General",
 *   and the cell's own format is set afterwards: a format change does not convert what
 *   the cell already holds.
 */

export const CONTENT_PROPERTIES = 'formulas,values,valueTypes,numberFormat,text';

/**
 * One cell's content read: the range path and load, and five short properties back (the
 * cells PerfCheck changes hold numbers, formulas and short labels). A group whose texts
 * turn out longer is split by readInGroups when Excel refuses its response.
 */
const CONTENT_READ_BYTES = 3 * CALL_BYTES + 200;

export interface FoundContent {
  record: ContentRecord;
  /** What the cell displays now. */
  text: string;
}

/** Reads what the cell at `at` holds (see FoundContent). */
export function contentReader(sheet: (name: string) => Excel.Worksheet, at: { sheet: string; cell: string }): ReadItem<FoundContent> {
  return {
    bytes: CONTENT_READ_BYTES,
    queue: () => {
      const range = sheet(at.sheet).getRange(at.cell).load(CONTENT_PROPERTIES);
      return () => {
        const formula: unknown = range.formulas[0][0];
        const value = range.values[0][0] as ContentRecord['value'];
        const type = String(range.valueTypes[0][0]);
        const format: unknown = range.numberFormat[0][0];
        const isFormula = typeof formula === 'string' && formula.startsWith('=') && !(type === 'String' && value === formula);
        return {
          record: {
            sheet: at.sheet,
            cell: at.cell,
            formula: isFormula ? formula : null,
            value: isFormula ? null : value,
            type,
            numberFormat: typeof format === 'string' && format !== '' ? format : 'General',
          },
          text: String(range.text[0][0] ?? ''),
        };
      };
    },
  };
}

/** Sets `entry` as the format, enters the content, then gives the cell `format`; returns request bytes. */
function enter(range: Excel.Range, entry: string, format: string, put: () => number): number {
  range.numberFormat = [[entry]];
  // The range's path, the format and the content.
  let bytes = 4 * CALL_BYTES + put();
  if (format !== entry) {
    range.numberFormat = [[format]];
    bytes += CALL_BYTES + jsonBytes(format);
  }
  return bytes;
}

/**
 * Queues one of the core's writes (src/core/cellWrite.ts) into `range`, whose own format
 * is `own`: a number as a number, a text as text even if it looks like a number or
 * begins with "=", a formula as a formula; the format is `write.numberFormat` or `own`.
 */
export function writeContent(range: Excel.Range, write: CellWrite, own: string): number {
  const format = write.numberFormat ?? own;
  switch (write.kind) {
    case 'number':
      return enter(range, 'General', format, () => {
        range.values = [[Number(write.value)]];
        return jsonBytes(write.value);
      });
    case 'text':
      return enter(range, '@', format, () => {
        range.values = [[write.value]];
        return jsonBytes(write.value);
      });
    case 'formula':
      return enter(range, 'General', format, () => {
        range.formulas = [[`=${write.value}`]];
        return jsonBytes(write.value);
      });
  }
}

/** Queues putting a recorded content back exactly: formula, constant of its type, number format. */
export function restoreContent(range: Excel.Range, record: ContentRecord): number {
  if (record.formula !== null) {
    const formula = record.formula;
    return enter(range, 'General', record.numberFormat, () => {
      range.formulas = [[formula]];
      return jsonBytes(formula);
    });
  }
  if (record.type === 'Empty') {
    range.clear('Contents');
    range.numberFormat = [[record.numberFormat]];
    return 4 * CALL_BYTES + jsonBytes(record.numberFormat);
  }
  return enter(range, record.type === 'String' ? '@' : 'General', record.numberFormat, () => {
    range.values = [[record.value]];
    return jsonBytes(record.value);
  });
}
