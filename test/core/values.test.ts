import { Decimal } from '../../src/core/decimal';
import { parseMeasure, qualityVerdict, readNumber, readNumberText } from '../../src/core/values';

const num = (text: string) => {
  const r = readNumberText(text);
  return r.kind === 'number' ? [r.value.toFixed(), r.percent, r.decimals] : r.kind;
};

describe('number cells', () => {
  test('amounts with thousands separators, percents, dashes as empty', () => {
    expect(num('1,000,000.00')).toEqual(['1000000', false, 2]);
    expect(num('302,003.6')).toEqual(['302003.6', false, 1]);
    expect(num('84.13%')).toEqual(['84.13', true, 2]);
    expect(num('99.98')).toEqual(['99.98', false, 2]);
    expect(num('-12.5')).toEqual(['-12.5', false, 1]);
    expect(num('—')).toBe('empty');
    expect(num('-')).toBe('empty');
    expect(num('  ')).toBe('empty');
    expect(num('#DIV/0!')).toBe('error');
    expect(num('约100')).toBe('invalid');
    expect(num('十万')).toBe('invalid');
  });

  test('a unit typed around the number, as PDFs and hand-typed cells carry it', () => {
    expect(num('8.27分')).toEqual(['8.27', false, 2]);
    expect(num('10 分')).toEqual(['10', false, 0]);
    expect(num('1,000.00元')).toEqual(['1000', false, 2]);
    expect(num('￥302,003.60')).toEqual(['302003.6', false, 2]);
    expect(num('\u22123')).toEqual(['-3', false, 0]);
    // A 万元 amount in a 元 table is another number: never read as if the unit were not there.
    expect(num('34.08万元')).toBe('invalid');
    expect(num('分')).toBe('invalid');
    expect(num('¥')).toBe('invalid');
  });

  test('a typed percent cell and the text "84.13%" mean the same', () => {
    const typed = readNumber({ value: 0.8413, text: '84.13%', format: '0.00%' });
    const text = readNumber({ value: '84.13%', text: '84.13%' });
    expect(typed).toMatchObject({ kind: 'number', percent: true, decimals: 2 });
    expect(text).toMatchObject({ kind: 'number', percent: true, decimals: 2 });
    if (typed.kind === 'number' && text.kind === 'number') expect(typed.value.eq(text.value)).toBe(true);
  });

  test('a typed number is read as displayed for printed values, stored for amounts', () => {
    const r = readNumber({ value: 9.536, text: '9.54', format: '0.00' });
    expect(r).toMatchObject({ kind: 'number' });
    if (r.kind === 'number') {
      expect(r.value.toFixed()).toBe('9.536');
      expect(r.shown.toFixed()).toBe('9.54');
    }
  });

  test('Excel error values are errors, not text', () => {
    expect(readNumber({ value: { error: '#N/A' }, text: '#N/A' })).toEqual({ kind: 'error', text: '#N/A' });
  });
});

describe('targets and actuals', () => {
  const q = (text: string) => {
    const m = parseMeasure(text);
    return m.kind === 'quantity' ? [m.op, m.value.toFixed(), m.unit, m.percent] : m.kind;
  };
  test.each([
    ['≥8000.00(人)', ['>=', '8000', '人', false]],
    ['>=4500人', ['>=', '4500', '人', false]],
    ['=100%', ['=', '100', '', true]],
    ['<1.00(%)', ['<', '1', '', true]],
    ['=17万元', ['=', '170000', '元', false]],
    ['约2000人次', ['≈', '2000', '人次', false]],
    ['3万人次', [null, '30000', '人次', false]],
    ['增长10%', ['>=', '10', '', true]],
    ['＞15人', ['>', '15', '人', false]],
    ['≤5%', ['<=', '5', '', true]],
    ['100.00(%)', [null, '100', '', true]],
  ])('%s', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });

  test.each([
    '及时',
    '健全',
    '达成指标',
    '部分达成指标并具有一定效果',
    '按计划时间完成',
    '直属工会全覆盖',
    '1000元/人次以内，按预算严格控制',
  ])('%s is qualitative', (text) => {
    expect(parseMeasure(text).kind).toBe('quality');
  });

  test('a typed percent cell as an actual', () => {
    const m = parseMeasure(0.9, true);
    expect(m).toMatchObject({ kind: 'quantity', percent: true });
    if (m.kind === 'quantity') expect(m.value.eq(new Decimal(90))).toBe(true);
  });

  test('qualitative verdicts', () => {
    expect(qualityVerdict('达成指标', '及时')).toBe('met');
    expect(qualityVerdict('及时', '及时')).toBe('met');
    expect(qualityVerdict('<p>健全</p>', '健全')).toBe('met');
    expect(qualityVerdict('部分达成指标并具有一定效果', '发挥')).toBe('partial');
    expect(qualityVerdict('未达成指标且效果较差', '健全')).toBe('missed');
    expect(qualityVerdict('三等奖', '进入决赛')).toBeNull();
  });
});
