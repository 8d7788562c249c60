import ExcelJS from 'exceljs';
import { sheetNameFor } from '../../src/io/sheetName';

describe('sheetNameFor', () => {
  test('keeps a plain name, replaces characters Excel forbids, trims to 31 characters', () => {
    expect(sheetNameFor('baoshan-2022-self-eval')).toBe('baoshan-2022-self-eval');
    expect(sheetNameFor('2024[上]:自评/表?*')).toBe('2024_上__自评_表__');
    expect(sheetNameFor("'引号'")).toBe('引号');
    expect(sheetNameFor('')).toBe('Sheet1');
    const long = '上海市青浦区总工会二〇二四年度财政项目支出绩效自评表汇总文本版本';
    expect(Array.from(sheetNameFor(long))).toHaveLength(31);
  });

  test('every name it makes is accepted by exceljs', () => {
    const wb = new ExcelJS.Workbook();
    for (const raw of ['a\\b', '[x]', 'q?*:/', "'''", '表'.repeat(40)]) expect(() => wb.addWorksheet(sheetNameFor(raw))).not.toThrow();
  });
});
