import { Decimal, roundTo } from '../../src/core/decimal';
import { PROFILES } from '../../src/core/profiles';
import { check, grade, indicator, isPerfError, PERF_FUNCTIONS, PerfError, rate, score, total } from '../../src/functions/perf';

/** The error a call returned, for assertions on code and message. */
function errorOf(x: unknown): PerfError {
  if (!isPerfError(x)) throw new Error(`expected a PerfError, got ${JSON.stringify(x)}`);
  return x;
}

describe('PERF.RATE', () => {
  it('gives 执行率 as a fraction rounded to 0.01 percentage point (宝山 2022: 302003.6 / 359000 = 84.1236%)', () => {
    expect(rate(359000, 302003.6)).toBe(0.8412);
    expect(rate(359000, 302003.6, 'round-up')).toBe(0.8413);
    expect(rate(359000, 302003.6, 'round-down')).toBe(0.8412);
  });

  it('reads amounts typed as text with thousands separators', () => {
    expect(rate('359,000.00', '302,003.60', 'round-up')).toBe(0.8413);
    expect(rate(' 1,000,000.00 ', '1,000,000.00')).toBe(1);
  });

  it('keeps exact two-decimal rates under ROUNDUP and ROUNDDOWN (no binary float drift)', () => {
    // 84.13 / 100 × 100 is 84.13000000000001 in floats; ROUNDUP would make it 84.14.
    expect(rate(100, 84.13, 'round-up')).toBe(0.8413);
    // 0.29 × 100 is 28.999999999999996 in floats; ROUNDDOWN would make it 28.99.
    expect(rate(1, 0.29, 'round-down')).toBe(0.29);
    expect(rate(3, 1, 'round-up')).toBe(0.3334);
    expect(rate(3, 1, 'round-down')).toBe(0.3333);
  });

  it('rounds a half 0.005 percentage point away from zero by default', () => {
    // 1683 / 20000 = 8.415% → 8.42%; 16825 / 200000 = 8.4125% → 8.41%.
    expect(rate(20000, 1683)).toBe(0.0842);
    expect(rate(200000, 16825)).toBe(0.0841);
    // 1.005 / 100 = 1.005% → 1.01% (1.005 is 1.00499999999999989… as a double).
    expect(rate(100, 1.005)).toBe(0.0101);
    expect(rate(8, 1)).toBe(0.125);
  });

  it('does not cap the rate above 100%', () => {
    expect(rate(100, 105)).toBe(1.05);
  });

  it('refuses a zero or blank budget with #DIV/0!', () => {
    for (const blank of [0, '0', '0.00', null, undefined, '', '—', '-']) {
      const e = errorOf(rate(blank, 100));
      expect(e.code).toBe('#DIV/0!');
      expect(e.message).toContain('全年预算数为 0 或空白');
    }
  });

  it('refuses text that is not a number with #VALUE!, quoting it', () => {
    const e = errorOf(rate('三十万', 100));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('全年预算数“三十万”不是数字');
    expect(errorOf(rate(100, true)).message).toContain('逻辑值');
    expect(errorOf(rate(100, '84.13%')).message).toContain('是百分数');
  });

  it('says a blank 执行数 is not filled in (#N/A) and refuses negative amounts (#NUM!)', () => {
    expect(errorOf(rate(100, null)).code).toBe('#N/A');
    expect(errorOf(rate(100, '')).message).toMatch(/^全年执行数为空/);
    expect(errorOf(rate(-100, 10)).code).toBe('#NUM!');
    expect(errorOf(rate(100, -10)).message).toBe('全年执行数不能为负数（-10）');
  });

  it('passes on an error value typed in a cell', () => {
    expect(errorOf(rate('#N/A', 1)).code).toBe('#N/A');
    expect(errorOf(rate(1, '#REF!')).code).toBe('#VALUE!');
  });

  it('names the known profiles when given an unknown one', () => {
    const e = errorOf(rate(100, 50, 'shanghai'));
    expect(e.code).toBe('#VALUE!');
    for (const p of PROFILES) expect(e.message).toContain(`${p.id}：${p.name}`);
    expect(errorOf(rate(100, 50, 3)).message).toMatch(/^未知的规则，/);
    expect(rate(100, 50, 'ROUND-UP')).toBe(0.5);
    expect(rate(100, 50, '')).toBe(0.5);
  });
});

describe('PERF.SCORE', () => {
  it('scores 青浦 2024 劳模创新工作室 as 8.27 (the form prints 8.72)', () => {
    expect(score(41.2, 34.08)).toBe(8.27);
    expect(score('41.20', '34.08', 10)).toBe(8.27);
  });

  it('rounds 8.435 to 8.44, as Excel ROUND does, not to the 8.43 binary floats give', () => {
    // 84.35 / 100 × 10 = 8.434999999999999 in floats.
    expect(84.35 / 100 * 10).toBeLessThan(8.435);
    expect(score(100, 84.35)).toBe(8.44);
    expect(score('100', '84.35', '10', 'round-down')).toBe(8.44);
  });

  it('caps at 分值 above 100% and defaults 分值 to 10', () => {
    expect(score(100, 150)).toBe(10);
    expect(score(100, 150, 20)).toBe(20);
    expect(score(100, 50, '')).toBe(5);
    expect(score(100, 50, null, 'national')).toBe(5);
  });

  it('honours the threshold profile: 90% or more scores full', () => {
    expect(score(100, 90, 10, 'threshold-90')).toBe(10);
    expect(score(100, 89.99, 10, 'threshold-90')).toBe(9);
    expect(score(100, 89.99, 10)).toBe(9);
  });

  it('scores from the rounded rate under rounded-rate: 498240 / 500000 = 99.648% → 99.65% → 9.97', () => {
    expect(score(500000, 498240)).toBe(9.96);
    expect(score(500000, 498240, 10, 'rounded-rate')).toBe(9.97);
  });

  it('refuses a zero budget and a wrong 分值', () => {
    expect(errorOf(score(0, 10)).code).toBe('#DIV/0!');
    expect(errorOf(score(10, 10, 'ten')).message).toBe('分值“ten”不是数字');
    expect(errorOf(score(10, 10, -1)).code).toBe('#NUM!');
    expect(errorOf(score(10, 10, Infinity)).code).toBe('#NUM!');
  });

  it('never rounds a negative half: negative amounts are refused before any rounding', () => {
    // Excel ROUND(-8.435, 2) = -8.44; the core's rounding agrees, but no PERF.* value is negative.
    expect(roundTo(new Decimal('-8.435'), 2, 'half-up').toFixed()).toBe('-8.44');
    expect(roundTo(new Decimal('-8.431'), 2, 'up').toFixed()).toBe('-8.44');
    expect(roundTo(new Decimal('-8.439'), 2, 'down').toFixed()).toBe('-8.43');
    expect(errorOf(score(-100, -84.35)).code).toBe('#NUM!');
  });
});

describe('PERF.INDICATOR', () => {
  it('gives a met quantitative target full marks', () => {
    expect(indicator('≥8000.00(人)', '8000.00(人)', 15)).toBe(15);
    expect(indicator('=100.00(%)', '100.00(%)', 20)).toBe(20);
  });

  it('scores a missed higher-is-better target in proportion (青浦 2024: 10412 of ≥10459 人, 分值 10)', () => {
    // 10412 / 10459 × 10 = 9.9550…, 2 decimals half-up → 9.96.
    expect(indicator('≥10459.00(人)', '10412.00(人)', 10)).toBe(9.96);
    // 140000 / 176000 × 20 = 15.909… → 15.91.
    expect(indicator('≥176000.00(张)', '140000.00(张)', 20)).toBe(15.91);
  });

  it('scores a missed lower-is-better target by target / actual', () => {
    // ≤ 5 天 but took 8: 5 / 8 × 10 = 6.25.
    expect(indicator('≤5天', '8天', 10)).toBe(6.25);
  });

  it('reads a typed percent (0.96 from a 96% cell) against a percent target', () => {
    // 96 / 100 × 10 = 9.6.
    expect(indicator('≥100.00(%)', 0.96, 10)).toBe(9.6);
    expect(indicator('≥100%', '96%', 10)).toBe(9.6);
    expect(indicator('≥95%', 0.96, 10)).toBe(10);
  });

  it('gives a qualitative row the top of its band', () => {
    expect(indicator('及时', '达成指标', 8)).toBe(8);
    // 部分达成 → 60–80%: top is 0.8 × 5 = 4.
    expect(indicator('发挥', '部分达成指标并具有一定效果', 5)).toBe(4);
    // 未达成 → 0–60%: top is 0.6 × 3 = 1.8.
    expect(indicator('改善', '未达成', 3)).toBe(1.8);
  });

  it('answers #N/A with the reason when the row cannot be judged', () => {
    const e = errorOf(indicator('及时', 5, 10));
    expect(e.code).toBe('#N/A');
    expect(e.message).toBe('无法判断该指标的完成情况：年度指标值为定性描述，实际完成值为数值');
    expect(errorOf(indicator('', '5', 10)).message).toContain('未填写年度指标值');
    expect(errorOf(indicator('≥5', null, 10)).message).toContain('未填写实际完成值');
  });

  it('requires 分值', () => {
    expect(errorOf(indicator('≥5', 5, null)).message).toBe('分值为空（或为数字 0），请填写该指标的分值');
    expect(errorOf(indicator('≥5', 5, '十')).code).toBe('#VALUE!');
  });
});

describe('PERF.GRADE', () => {
  it('grades at the boundaries: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60', () => {
    expect(grade(96.07)).toBe('优');
    expect(grade(90)).toBe('优');
    expect(grade('89.99')).toBe('良');
    expect(grade(80)).toBe('良');
    expect(grade(79.99)).toBe('中');
    expect(grade(60)).toBe('中');
    expect(grade(59.99)).toBe('差');
  });

  it('does not grade 89.99999999999999 (a float sum of 90) as 良 by accident of 15 digits', () => {
    // Spreadsheets keep 15 significant digits: this double is 90 in the cell.
    expect(grade(89.99999999999999)).toBe('优');
  });

  it('refuses blanks and text', () => {
    expect(errorOf(grade(null)).code).toBe('#N/A');
    expect(errorOf(grade('优')).message).toBe('总分“优”不是数字');
  });
});

describe('PERF.TOTAL', () => {
  it('adds exactly: 0.1 + 0.2 is 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(total([[0.1], [0.2]])).toBe(0.3);
  });

  it('adds 青浦 2024 表4 indicator scores and the recomputed fund score to 96.07', () => {
    const scores = [[15], [15], [20], [2.7], [2.8], [4], [28.3]];
    expect(total(scores, 8.27)).toBe(96.07);
    expect(total(scores, 8.72)).toBe(96.52);
    expect(total(scores)).toBe(87.8);
  });

  it('leaves out blanks and dashes, reads text scores', () => {
    expect(total([[1, '—', null, '', '-'], ['2.5', undefined, '１０']])).toBe(13.5);
    expect(total([[]])).toBe(0);
    expect(total(7)).toBe(7);
    expect(total([1, 2])).toBe(3);
  });

  it('quotes the text that is not a score', () => {
    const e = errorOf(total([[1, '满分', 2]]));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('得分“满分”不是数字');
    expect(errorOf(total([[1, '97%']])).message).toContain('是百分数');
    expect(errorOf(total([[1]], 'x')).code).toBe('#VALUE!');
  });
});

describe('PERF.CHECK', () => {
  it('asks for 偏差原因 when a target is missed (青浦 2024 开展为老服务人数 10412 < 10459, 9 of 10)', () => {
    expect(check([['≥10459.00(人)', '10412.00(人)', 10, 9, '']])).toBe('缺少偏差原因');
    expect(check([['≥10459.00(人)', '10412.00(人)', 10, 9, '参与人数不足']])).toBe('');
    // A lone full stop from the PDF is no reason.
    expect(check([['≥10459.00(人)', '10412.00(人)', 10, 9, '。']])).toBe('缺少偏差原因');
  });

  it('flags full marks on a missed target (宝山 2022 维护设施设备项目 =10类 vs =6类, 20 of 20)', () => {
    expect(check([['=10类', '=6类', 20, 20, null]])).toBe('目标未完成却给满分；缺少偏差原因');
  });

  it('flags a score above 分值, and a negative one', () => {
    expect(check([['≥95%', 0.96, 10, 12, '']])).toBe('得分超过分值');
    expect(check([['≥95%', 0.96, 10, -1, '']])).toBe('得分为负数');
  });

  it('gives the allowed range of a score out of band (青浦 2024 注册会员卡数 140000 of ≥176000, 17 of 20)', () => {
    expect(check([['≥176000.00(张)', '140000.00(张)', 20, 17, '基层单位未及时完成注册']])).toBe('得分超出范围（0.00–15.91）');
    expect(check([['≥90.00(%)', '95.00(%)', 10, 8, '较满意']])).toBe('得分应为 10.00');
  });

  it('accepts the full 8-column row', () => {
    const row = ['满意度指标', '服务对象满意度指标', '工会会员满意度', '≥100.00(%)', '96.00(%)', 10, 9, null];
    expect(check([row])).toBe('缺少偏差原因');
    expect(check([['产出指标', '数量指标', '', '≥5', 5, 10, 10, '']])).toBe('缺少三级指标');
  });

  it('accepts a satisfaction score by the actual % without a reason (97% → 9.70 of 10)', () => {
    expect(check([['≥90%', '97%', 10, 9.7, '']])).toBe('');
  });

  it('reports blank and unreadable cells', () => {
    expect(check([['≥5', null, 10, 10, '']])).toBe('缺少实际完成值');
    expect(check([['≥5', 5, null, 10, '']])).toBe('缺少分值');
    expect(check([['≥5', 5, 10, '十分', '']])).toBe('得分“十分”不是数字');
  });

  it('says which shape of row it wants', () => {
    const e = errorOf(check([[1, 2, 3]]));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('选中了 3 列；请选择一行 5 列（年度指标值、实际完成值、分值、得分、偏差原因）或 8 列（一级指标至偏差原因）');
    expect(errorOf(check([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]])).message).toContain('选中了 2 行');
  });
});

describe('PERF_FUNCTIONS', () => {
  it('lists the six functions for hosts to register', () => {
    expect(PERF_FUNCTIONS.map((f) => f.name)).toEqual(['RATE', 'SCORE', 'INDICATOR', 'GRADE', 'TOTAL', 'CHECK']);
    const byName = Object.fromEntries(PERF_FUNCTIONS.map((f) => [f.name, f.fn]));
    expect(byName.SCORE(41.2, 34.08)).toBe(8.27);
    expect(byName.GRADE(59)).toBe('差');
  });

  it('turns anything a host may pass into a value, never a throw', () => {
    const odd: unknown[] = [{}, [], Symbol('x'), () => 1, NaN, -Infinity, 10n, { error: '#N/A' }];
    for (const { fn } of PERF_FUNCTIONS) {
      for (const x of odd) {
        const r = fn(x, x, x, x);
        expect(isPerfError(r) ? r.code : typeof r).toMatch(/^(#VALUE!|#NUM!|#N\/A|#DIV\/0!)$/);
        if (isPerfError(r)) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
