import { Grid, textGrid } from './grid';

/**
 * A comma-separated grid as Excel, WPS and LibreOffice save it (RFC 4180): a field in
 * double quotes may hold commas, line breaks and doubled quotes. A quote inside an
 * unquoted field is kept as it is, as Excel does. `text` has LF line ends (decodeText).
 */
export function parseCsv(text: string, sheet: string): Grid {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atFieldStart = true;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (field !== '' || row.length > 0 || quoted) {
    row.push(field);
    rows.push(row);
  }
  return textGrid(sheet, rows);
}
