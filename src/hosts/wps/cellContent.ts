import { CellWrite } from '../../core/cellWrite';
import { call, EtObject, prop, setProp } from './etObject';
import { etErrorName } from './etErrors';

/**
 * What 改正 changes on a cell and 撤销改正 must put back exactly: its content (a formula
 * as the formula; a constant as the constant, a text that looks like a number staying
 * text) and its number format.
 */
export interface CellContent {
  type: 'blank' | 'number' | 'text' | 'boolean' | 'formula';
  /** The number as JavaScript prints it (exact for a double), the text, TRUE/FALSE, or the formula with its `=`. */
  value: string;
  numberFormat: string;
}

/**
 * Reads the cell's content: `HasFormula` tells a formula (et-jsapi-declare lib.et.d.ts,
 * `Range.HasFormula: boolean | null`), `Formula` gives it with its `=`
 * (`Range.Formula: string`), else `Value2` the constant; `NumberFormat` is one string
 * for one cell (`Range.NumberFormat`).
 */
export function readCellContent(cell: EtObject): CellContent {
  const numberFormat = String(prop(cell, 'NumberFormat') ?? 'General');
  if (prop(cell, 'HasFormula') === true) return { type: 'formula', value: String(prop(cell, 'Formula')), numberFormat };
  const v = prop(cell, 'Value2');
  if (v === undefined || v === null || v === '') return { type: 'blank', value: '', numberFormat };
  if (typeof v === 'boolean') return { type: 'boolean', value: v ? 'TRUE' : 'FALSE', numberFormat };
  // An error constant (#N/A typed into a cell) comes over as a COM error number; its formula text puts it back.
  if (typeof v === 'number' && etErrorName(v)) return { type: 'formula', value: String(prop(cell, 'Formula')), numberFormat };
  if (typeof v === 'number') return { type: 'number', value: String(v), numberFormat };
  return { type: 'text', value: String(v), numberFormat };
}

/** Puts the content and number format back as recorded. */
export function restoreCellContent(cell: EtObject, content: CellContent): void {
  // The format first: a text cell (`@`) must already be text when its value goes in.
  setProp(cell, 'NumberFormat', content.numberFormat);
  if (content.type === 'blank') call(cell, 'ClearContents');
  else if (content.type === 'formula') setProp(cell, 'Formula', content.value);
  else if (content.type === 'number') setProp(cell, 'Value2', Number(content.value));
  else if (content.type === 'boolean') setProp(cell, 'Value2', content.value === 'TRUE');
  else setProp(cell, 'Value2', asTyped(content.value));
}

/**
 * Writes one of the core's cell writes to a cell whose number format is `format`. A formula put into a cell formatted as text
 * (`@`) would stay text, shown as typed and never calculated, as when a person types it
 * there, so such a cell gets the General format first; the format is
 * recorded with the original and comes back with 撤销改正.
 */
export function writeCell(cell: EtObject, write: CellWrite, format: string): void {
  if (write.numberFormat !== null) setProp(cell, 'NumberFormat', write.numberFormat);
  else if (write.kind === 'formula' && format === '@') setProp(cell, 'NumberFormat', 'General');
  if (write.kind === 'number') setProp(cell, 'Value2', Number(write.value));
  else if (write.kind === 'formula') setProp(cell, 'Formula', `=${write.value}`);
  else setProp(cell, 'Value2', asTyped(write.value));
}

/**
 * A string put into `Value2` is taken as if typed: `=x` becomes a formula, `001` the
 * number 1, `2024-1-1` or `12:00` or `50%` a number in a date, time or percent format.
 * An apostrophe in front keeps it text without changing the cell's format (the
 * apostrophe is not part of the value: Range.PrefixCharacter). Only texts that could be
 * read as something else get one, so that other texts go back exactly as they were.
 */
function asTyped(text: string): string {
  const couldBeRead = /^[=+\-@']/.test(text) || /^(true|false)$/i.test(text) || /^[\s\d.,:%/()$¥￥eE年月日时分秒午上下AMPamp-]*\d[\s\d.,:%/()$¥￥eE年月日时分秒午上下AMPamp-]*$/.test(text);
  return couldBeRead ? `'${text}` : text;
}
