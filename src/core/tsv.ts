import { Grid, textGrid } from './grid';

/** A tab-separated grid, as extracted from a PDF or saved from a spreadsheet. */
export function parseTsv(text: string, sheet: string): Grid {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return textGrid(
    sheet,
    lines.map((line) => line.split('\t').map(unquote)),
  );
}

/** Spreadsheets quote a field that holds a tab, quote or line break. */
function unquote(field: string): string {
  if (field.length >= 2 && field.startsWith('"') && field.endsWith('"')) return field.slice(1, -1).replace(/""/g, '"');
  return field;
}
