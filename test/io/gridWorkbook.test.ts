import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { parseTsv } from '../../src/core/tsv';
import { gridWorkbook } from '../../src/io/gridWorkbook';
import { worksheetGrid } from '../../src/io/xlsx';
import { FORMS_DIR } from '../core/fixtures';
import { join } from 'path';

test('a grid written to a workbook and read back is the same grid, at the same addresses', async () => {
  const text = readFileSync(join(FORMS_DIR, 'qingpu-2024-self-eval.tsv'), 'utf8');
  const grid = parseTsv(text, '青浦');
  const wb = gridWorkbook([grid, { sheet: '偏移', top: 1, left: 1, cells: [[{ value: 0.8413, text: '84.13%', format: '0.00%' }, { value: { error: '#N/A' }, text: '#N/A' }]] }], ExcelJS);
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer);
  const [q, offset] = back.worksheets;
  expect(worksheetGrid(q).cells).toEqual(grid.cells.map((row) => row.map((c) => c ?? undefined)));
  expect(offset.getCell('B2').value).toBe(0.8413);
  expect(offset.getCell('B2').numFmt).toBe('0.00%');
  expect(offset.getCell('C2').value).toEqual({ error: '#N/A' });
  expect(offset.getCell('A1').value).toBeNull();
});
