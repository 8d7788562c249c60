import ExcelJS from 'exceljs';
import { NOTE_PREFIX, REPORT_SHEET } from '../../src/core/annotations';
import { Finding } from '../../src/core/findings';
import { annotateWorkbook } from '../../src/io/annotate';

const finding = (cell: string, severity: Finding['severity'], message: string): Finding => ({
  code: severity === 'error' ? 'FUND_SCORE_MISMATCH' : 'SCORE_OUT_OF_BAND',
  severity,
  sheet: '表 4',
  cell,
  form: "表 4!A1:H21",
  message,
  expected: null,
  actual: null,
});

test('two findings on one cell: the worst colour, both messages, error first', () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表 4').getCell('H6').value = 8.72;
  annotateWorkbook(wb, [finding('H6', 'warning', '警告内容'), finding('H6', 'error', '错误内容')], new Map([['表 4!A1:H21', '项目甲']]));
  const h6 = wb.getWorksheet('表 4')!.getCell('H6');
  expect((h6.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
  expect(h6.note).toBe(`${NOTE_PREFIX}\n【错误】错误内容\n【警告】警告内容`);
  const report = wb.getWorksheet(REPORT_SHEET)!;
  expect(report.getRow(2).getCell(7).value).toBe('项目甲');
  // A sheet name with a space is quoted in the link.
  expect(report.getRow(2).getCell(6).value).toEqual({ formula: `HYPERLINK("#'表 4'!H6","H6")`, result: 'H6' });
});

test("a rich-text note of the user's keeps its formatting, ours follows", () => {
  const wb = new ExcelJS.Workbook();
  const cell = wb.addWorksheet('表 4').getCell('G6');
  cell.note = { texts: [{ font: { bold: true }, text: '审核意见：' }, { text: '已核对' }] };
  annotateWorkbook(wb, [finding('G6', 'error', '执行率不符')], new Map());
  const note = cell.note as ExcelJS.Comment;
  expect(note.texts?.slice(0, 2)).toEqual([{ font: { bold: true }, text: '审核意见：' }, { text: '已核对' }]);
  expect(note.texts?.[2].text).toBe(`\n\n${NOTE_PREFIX}\n【错误】执行率不符`);
});
