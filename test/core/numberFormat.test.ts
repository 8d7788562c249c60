import { formatDecimals, formatNumber, invariantFormat, isPercentFormat } from '../../src/core/numberFormat';
import { readNumber } from '../../src/core/values';

describe('number formats as WPS, Chinese Excel and their files spell them', () => {
  test.each(['General', 'general', 'G/通用格式', '通用格式', '常规', 'G/標準', '', undefined])(
    'General spelled %p shows 8.72 and 96.52 as they are',
    (format) => {
      expect(formatNumber(8.72, format)).toBe('8.72');
      expect(formatNumber(96.52, format)).toBe('96.52');
      expect(formatNumber(1234567.891, format)).toBe('1234567.891');
      expect(formatDecimals(format)).toBeNull();
      expect(isPercentFormat(format)).toBe(false);
    },
  );

  test('General inside sections and next to quoted units, as WPS custom formats carry it', () => {
    expect(invariantFormat('G/通用格式;[红色]-G/通用格式')).toBe('General;[Red]-General');
    expect(formatNumber(-3.5, 'G/通用格式;[红色]-G/通用格式')).toBe('-3.5');
    expect(formatNumber(12.5, 'G/通用格式"万元"')).toBe('12.5万元');
    // Quoted text is text, even when it reads 常规.
    expect(formatNumber(5, '"常规"0.00')).toBe('常规5.00');
  });

  test.each<[string, number, string, number | null]>([
    ['0.00_ ', 8.72, '8.72 ', 2],
    ['#,##0.00_);[红色](#,##0.00)', 1234.567, '1,234.57 ', 2],
    ['#,##0.00_);[红色](#,##0.00)', -1234.567, '(1,234.57)', 2],
    ['#,##0.00_);[Red]\\(#,##0.00\\)', -8.72, '(8.72)', 2],
    ['#,##0.00;[Red]-#,##0.00', -1000000, '-1,000,000.00', 2],
    ['[颜色10]0.0', 2, '2.0', 1],
    ['\\¥#,##0.00', 41.2, '¥41.20', 2],
    ['0.0"万元"', 12.34, '12.3万元', 1],
    ['0.00;-0.0;"—"', 0, '—', 2],
    ['0.00%', 0.2398, '23.98%', 2],
    ['0%', 0.845, '85%', 0],
    ['@', 8.72, '8.72', null],
    ['#,##0', 215736, '215,736', 0],
  ])('%p shows %p as %p with %p decimals', (format, value, text, decimals) => {
    expect(formatNumber(value, format)).toBe(text);
    expect(formatDecimals(format)).toBe(decimals);
  });

  test('halves round away from zero on the 15-digit value, as the sheet shows them and the checks read them', () => {
    // The float 1.005 is 1.00499999999999989…; Excel shows 1.01.
    expect(formatNumber(1.005, '0.00')).toBe('1.01');
    expect(formatNumber(0.84125, '0.00%')).toBe('84.13%');
    expect(formatNumber(-2.675, '0.00')).toBe('-2.68');
    const cell = { value: 1.005, text: formatNumber(1.005, '0.00'), format: '0.00' };
    const reading = readNumber(cell);
    expect(reading.kind === 'number' && reading.shown.toFixed(2)).toBe(cell.text);
  });

  test('a percent sign that is text does not make a percentage', () => {
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
    expect(isPercentFormat('0.00\\%')).toBe(false);
    expect(formatNumber(8.72, '0.00"%"')).toBe('8.72%');
  });

  test('a code that cannot be read shows the number as General and claims no decimals', () => {
    expect(formatNumber(8.72, '0.00[[[')).toBe('8.72');
    expect(formatDecimals('0.00[[[')).toBeNull();
    expect(formatNumber(Number.NaN, '0.00')).toBe('NaN');
  });

  test('G/通用格式 no longer rounds to whole numbers: 8.72 reads as 8.72, not 9', () => {
    const reading = readNumber({ value: 8.72, text: '8.72', format: 'G/通用格式' });
    expect(reading).toMatchObject({ kind: 'number', decimals: 2 });
    expect(reading.kind === 'number' && reading.shown.toString()).toBe('8.72');
  });
});
