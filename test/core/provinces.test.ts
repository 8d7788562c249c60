import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { gridOf } from './fixtures';
import { PROVINCE_FORMS, ProvinceForm, provinceRows, provinceTsv, sourceNotes } from './provinces';
import { readingOf } from './reading';

const check = (name: ProvinceForm) => checkWorkbook([provinceTsv(name)]);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const codesAt = (fs: Finding[], cell: string) => fs.filter((f) => f.cell === cell).map((f) => f.code);

/** The printed number as sources.json writes it, as the reader shows it. */
const printed = (s: string | null) => s;

describe.each(PROVINCE_FORMS)('%s: read as sources.json transcribes it', (name) => {
  const result = check(name);
  const notes = sourceNotes(name);

  test('one 自评表 with its fund numbers as printed', () => {
    expect(result.forms).toHaveLength(1);
    const reading = readingOf(result.forms[0]);
    expect(reading.unit).toBe('万元');
    expect(reading.fund).toMatchObject({
      actual: printed(notes.fund.actual),
      weight: printed(notes.fund.weight),
      score: printed(notes.fund.score),
    });
    // A template without a 全年预算数 column divides by 年初预算数.
    expect(reading.fund?.budget).toBe(notes.fund.full ?? notes.fund.initial);
    expect(reading.fund?.initialBudget).toBe(notes.fund.initial);
    expect(reading.fund?.rate?.replace(/%$/, '')).toBe(notes.fund.rate.replace(/%$/, ''));
  });

  test('indicator 分值 and 得分 sums as printed', () => {
    const reading = readingOf(result.forms[0]);
    const visible = (x: number | string) => (typeof x === 'number' ? String(x) : /^([\d.]+) visible/.exec(x)![1]);
    expect(reading.weightSum).toBe(visible(notes.indicator_weight_sum));
    expect(reading.scoreSum).toBe(visible(notes.indicator_score_sum));
    expect(reading.total).toEqual(notes.total_printed);
  });

  test('no placeholder, 其中 or level-only row is taken for an indicator', () => {
    for (const n of readingOf(result.forms[0]).names) {
      expect(n).not.toMatch(/\/(指标\d*|……|)$/);
      expect(n).not.toMatch(/^\//);
    }
    expect(result.findings.filter((f) => f.code === 'EMPTY_FIELD' && /三级指标名称/.test(f.message))).toEqual([]);
  });
});

test('河北 廊坊 2019: 9 indicators under the placeholders; 86% and 9 are whole-number printing, not errors', () => {
  const result = check('langfang-2019-1');
  const reading = readingOf(result.forms[0]);
  expect(reading.indicators).toBe(9);
  expect(reading.names[0]).toBe('产出指标/数量指标/指标1工程资金金额');
  expect(reading.names).toContain('效益指标/可持续影响指标/指标1长期使用性');
  expect(result.profile.profile.places).toBe(0);
  expect(result.profile.reason).toBe('执行率四舍五入，执行率和资金得分取整（与表中 1 个执行率、1 个资金得分全部一致）');
  expect(result.forms[0].fund?.rate.computed?.toFixed()).toBe('86');
  expect(result.forms[0].fund?.score.computed?.toFixed()).toBe('9');
  // 偏差原因 "0" on full-score rows is no reason and no error; only the missing 总分 row is.
  expect(errors(result.findings).map((f) => f.code)).toEqual(['FORM_INCOMPLETE']);
});

test('北京 海淀 2016: 年初预算数(A) | 全年执行数(B) | 分值(10分) | 执行率(B/A); 50% and 5 are whole numbers', () => {
  const result = check('haidian-2016-1');
  expect(result.profile.profile.places).toBe(0);
  const reading = readingOf(result.forms[0]);
  expect(reading.names[0]).toBe('产出指标/数量指标/是否完成绩效目标申报表中申报的数量');
  expect(result.findings.filter((f) => /^FUND_/.test(f.code))).toEqual([]);
});

test('云南 古城区 2020: two-row header with 指标性质 | 指标值 | 度量单位; scores below 分值 with targets met', () => {
  const result = check('lijianggucheng-2020-1');
  const reading = readingOf(result.forms[0]);
  expect(reading.indicators).toBe(5);
  expect(reading.targets).toEqual(['﹦72890元', '﹦100%', '﹦100%', '≥95%', '≥95%']);
  // sources.json: every scored indicator meets its target exactly yet 得分 < 分值 with 偏差原因 blank.
  for (const row of [13, 14, 15, 16]) {
    expect(codesAt(result.findings, `I${row}`)).toEqual(['SCORE_OUT_OF_BAND']);
    expect(codesAt(result.findings, `J${row}`)).toEqual(['MISSING_DEVIATION_REASON']);
  }
  // The satisfaction row has no 得分.
  expect(codesAt(result.findings, 'I17')).toEqual(['EMPTY_FIELD']);
});

test('安徽 棠溪 2022: an all-zero 年度资金总额 over a filled 其中 line is reported', () => {
  const result = check('tangxi-2022-1');
  const subtotal = result.findings.filter((f) => f.code === 'FUND_SUBTOTAL_MISMATCH');
  expect(subtotal.map((f) => [f.cell, f.expected])).toEqual([
    ['C7', '90'],
    ['D7', '89.974'],
    ['E7', '89.974'],
  ]);
  // sources.json: expected 执行率 100% and 得分 10, which the lines under the total give.
  const zero = result.findings.find((f) => f.code === 'FUND_BUDGET_ZERO')!;
  expect(zero.cell).toBe('D7');
  expect(zero.message).toContain('执行率应为 100.00%');
  expect(zero.message).toContain('资金得分应为 10.00');
  const reading = readingOf(result.forms[0]);
  // 产出指标(50分) …: the 一级 weight is no part of the name; the 经济效益指标 row is empty.
  expect(reading.names.slice(0, 2)).toEqual([
    '产出指标/数量指标/基建工程委托业务项目数量',
    '产出指标/质量指标/委托业务报告合格率',
  ]);
  expect(reading.names.some((n) => n.includes('经济效益指标'))).toBe(false);
  // `≥100百分比` is a percent target that 100 meets.
  expect(codesAt(result.findings, 'H15')).toEqual([]);
});

test('四川 中江 2022: 分值 before 年度指标值, no 年初预算数; indicators 100 and the fund outside the total', () => {
  const result = check('zhongjiang-2022-1');
  const reading = readingOf(result.forms[0]);
  expect(reading.indicators).toBe(9);
  expect(reading.targets[0]).toBe('≥266米');
  expect(result.forms[0].totals?.fundInTotal).toBe(false);
  expect(result.forms[0].totals?.total.computed?.toFixed()).toBe('100');
  expect(errors(result.findings)).toEqual([]);
});

test('a 部门整体支出绩效自评表 names its 部门 instead of 项目名称, 主管部门 and 实施单位', () => {
  const rows = provinceRows('zhongjiang-2022-1');
  rows[0] = ['部门整体支出绩效自评表（2022年度）'];
  rows.splice(1, 2, ['部门名称', '中江县水利局']);
  const result = checkWorkbook([gridOf(rows)]);
  expect(result.forms).toHaveLength(1);
  expect(result.forms[0].form.scope).toBe('department');
  expect(result.forms[0].form.project?.value).toBe('中江县水利局');
  expect(result.findings.filter((f) => f.code === 'EMPTY_FIELD')).toEqual([]);
  expect(readingOf(result.forms[0]).indicators).toBe(9);
  // The same form titled as a project form misses its 项目名称.
  rows[0] = ['项目支出绩效自评表（2022年度）'];
  const asProject = checkWorkbook([gridOf(rows)]);
  expect(asProject.findings.filter((f) => f.code === 'EMPTY_FIELD').map((f) => f.message)).toContain(
    '没有找到“项目名称”',
  );
});

test('a 报表编号 line above the title belongs to the form; the reading is unchanged', () => {
  const rows = provinceRows('lijianggucheng-2020-1');
  const plain = checkWorkbook([gridOf(rows)]);
  const numbered = checkWorkbook([gridOf([['报表编号：ZC-2020-07'], ...rows])]);
  expect(numbered.forms).toHaveLength(1);
  expect(numbered.forms[0].form.anchor).toBe('A1');
  expect(readingOf(numbered.forms[0])).toEqual(readingOf(plain.forms[0]));
});

test('amounts in 万元 named on a 单位 line above a heading without a unit', () => {
  const rows = provinceRows('zhongjiang-2022-1');
  rows.splice(3, 1, ['', '', '', '', '', '', '金额单位：万元'], ['资金情况', ...rows[3].slice(1)]);
  const result = checkWorkbook([gridOf(rows)]);
  expect(result.forms[0].form.fund?.unit).toBe('万元');
  expect(readingOf(result.forms[0]).fund).toEqual(readingOf(check('zhongjiang-2022-1').forms[0]).fund);
});

test('a 总分 row with its 得分 left blank is read as blank, not as the 分值 100', () => {
  const rows = provinceRows('zhongjiang-2022-1');
  const total = rows.findIndex((r) => r[0] === '总分');
  rows[total] = rows[total].map((t, i) => (i === 7 ? '' : t));
  const result = checkWorkbook([gridOf(rows)]);
  const form = result.forms[0].form;
  expect(form.total?.weight?.cell).toBe(`E${total + 1}`);
  expect(form.total?.score?.value.kind).toBe('empty');
  expect(form.total?.score?.cell).toBe(`H${total + 1}`);
  expect(result.findings.filter((f) => f.cell === `H${total + 1}`).map((f) => f.code)).toEqual(['EMPTY_FIELD']);
  expect(result.findings.some((f) => f.code === 'TOTAL_MISMATCH')).toBe(false);
});
