import { csvField } from '../../src/cli/csv';
import { parseCsv } from './csvParse';

describe('csvField', () => {
  test('quotes commas, quotes and line breaks; leaves plain text alone', () => {
    expect(csvField('青浦区劳模创新工作室创建')).toBe('青浦区劳模创新工作室创建');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('两\r\n行')).toBe('"两\r\n行"');
    expect(parseCsv([csvField('a,"b"\nc'), csvField('')].join(',') + '\r\n')).toEqual([['a,"b"\nc', '']]);
  });

  test('text Excel would run as a formula is neutralised; negative numbers are not', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+86 123')).toBe("'+86 123");
    expect(csvField('-3.5')).toBe('-3.5');
    expect(csvField('-12%')).toBe('-12%');
  });
});
