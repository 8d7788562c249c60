import { check, grade, indicator, isPerfError, rate, score, total } from '../../src/functions/perf';

/**
 * A blank cell reaches a custom function as 0 in Excel on Windows and as null in Excel
 * on the web, for `any` parameters and inside range arguments
 * (https://github.com/OfficeDev/office-js/issues/4702, #1951). Every case below runs
 * with both encodings and must give the same, intended answer.
 */
const ENCODINGS: [string, 0 | null][] = [
  ['Excel on Windows (blank = 0)', 0],
  ['Excel on the web (blank = null)', null],
];

/** A result as code + message, or the value. */
function outcome(x: unknown): unknown {
  return isPerfError(x) ? { code: x.code, message: x.message } : x;
}

describe.each(ENCODINGS)('blank cells as %s', (_name, BLANK) => {
  test('PERF.RATE / PERF.SCORE: a blank 执行数 is "not filled in", not nothing spent; a blank 预算数 cannot divide', () => {
    expect(outcome(rate(100, BLANK))).toMatchObject({ code: '#N/A', message: expect.stringMatching(/^全年执行数为空/) });
    expect(outcome(score(100, BLANK))).toMatchObject({ code: '#N/A' });
    expect(outcome(rate(BLANK, 50))).toMatchObject({ code: '#DIV/0!', message: '全年预算数为 0 或空白，无法计算执行率' });
    // A blank 分值 takes the default 10, as an omitted one does.
    expect(score(41.2, 34.08, BLANK)).toBe(8.27);
    // A zero typed as text is unambiguous: nothing spent.
    expect(rate(100, '0.00')).toBe(0);
  });

  test('PERF.INDICATOR: blank 实际完成值 or 分值 are missing, whatever the encoding', () => {
    expect(outcome(indicator('≥5', BLANK, 10))).toMatchObject({ code: '#N/A', message: expect.stringContaining('未填写实际完成值') });
    expect(outcome(indicator('≥5', 5, BLANK))).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^分值为空/) });
    expect(outcome(indicator(BLANK, 5, 10))).toEqual(outcome(indicator(null, 5, 10)));
  });

  test('PERF.GRADE: a blank 总分 has no grade (not 差)', () => {
    expect(outcome(grade(BLANK))).toMatchObject({ code: '#N/A' });
    expect(grade(59.99)).toBe('差');
  });

  test('PERF.TOTAL: blanks in the range and a blank 资金得分 add nothing', () => {
    expect(total([[15], [BLANK], [20], [2.7]], BLANK)).toBe(37.7);
  });

  test('PERF.CHECK: a blank 偏差原因 is missing (the row of 表3!H15 in 青浦 2024)', () => {
    expect(check([['≥10459.00(人)', '10412.00(人)', 10, 9, BLANK]])).toBe('缺少偏差原因');
    expect(check([['一级', '二级', '工会会员满意度', '≥100.00(%)', '96.00(%)', 10, 9, BLANK]])).toBe('缺少偏差原因');
  });

  test('PERF.CHECK: blank 实际完成值, 分值 and 指标名称 are missing; a blank 得分 counts 0', () => {
    expect(check([['≥5', BLANK, 10, 10, '']])).toBe('缺少实际完成值');
    expect(check([['≥5', 5, BLANK, 10, '']])).toBe('缺少分值');
    expect(check([['产出指标', '数量指标', BLANK, '≥5', 5, 10, 10, '']])).toBe('缺少三级指标');
    // 得分 0 is a real score: blank and 0 give the same status as a typed 0.
    expect(check([['≥95%', '96%', 10, BLANK, '']])).toBe(check([['≥95%', '96%', 10, 0, '']]));
    expect(check([['≥95%', '96%', 10, BLANK, '']])).not.toBe('');
  });
});
