import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { totalFundRow } from '../../src/core/form';
import { fixtureTsv, fixtureXlsx } from './fixtures';

const at = (findings: Finding[], cell: string, sheet?: string) =>
  findings.filter((f) => f.cell === cell && (sheet === undefined || f.sheet === sheet));

describe('宝山 2022 自评表 (text from the published PDF)', () => {
  const result = checkWorkbook([fixtureTsv('baoshan-2022-self-eval')]);

  test('finds all 19 forms with project, unit and printed totals', () => {
    expect(result.forms).toHaveLength(19);
    const projects = result.forms.map((r) => r.form.project?.value);
    expect(projects[0]).toBe('困难职工帮扶项目');
    expect(projects[15]).toBe('消防设施、专业设备维保检测费用');
    expect(projects[18]).toBe('退休健康体检');
    expect(new Set(result.forms.map((r) => r.form.year))).toEqual(new Set([2022]));
    expect(result.forms[0].form.unit?.value).toBe('上海市宝山区总工会');
    expect(result.forms[18].form.unit?.value).toBe('上海市宝山区工人文化活动中心');
    expect(result.forms.every((r) => r.form.fund?.unit === '元')).toBe(true);
    // 总分 rows in every PDF variant: on one line, shifted, and broken over lines 49–53.
    expect(result.forms[1].totals?.total.printed?.toFixed(2)).toBe('93.41');
    expect(result.forms[4].totals?.total.printed?.toFixed(2)).toBe('98.67');
    expect(result.forms[8].totals?.total.printed?.toFixed(2)).toBe('97.69');
    expect(result.forms[12].totals?.total.printed?.toFixed(2)).toBe('100.00');
  });

  test('auto picks rounding up and reproduces every printed 执行率', () => {
    expect(result.profile.auto).toBe(true);
    expect(result.profile.profile.rateRounding).toBe('up');
    for (const r of result.forms) {
      expect(r.fund?.rate.computed?.toFixed(2)).toBe(r.fund?.rate.printed?.toFixed(2));
    }
    expect(result.findings.filter((f) => f.code === 'FUND_RATE_MISMATCH')).toEqual([]);
  });

  test('no error-severity finding on a printed value the auto profile explains', () => {
    const fundErrors = result.findings.filter((f) => f.severity === 'error' && /^FUND_|^TOTAL_/.test(f.code));
    expect(fundErrors).toEqual([]);
  });

  test('maps rows pasted one column off, wrapped names and labels between rows', () => {
    const byName = (n: string) =>
      result.forms
        .flatMap((r) => r.form.indicators)
        .filter((i) => i.name.value === n)
        .pop()!;
    // Row 472 sits one column left; its 实际完成值 is the blank E472.
    expect(byName('退休人员满意度').actual.cell).toBe('E472');
    // Row 96 has no name; the name arrives on row 97 by itself.
    expect(byName('长效管理制度健全性')).toMatchObject({ row: 95, level1: '效益指标', level2: '可持续影响指标' });
    // Row 119's 二级 指标 label sits on row 121, between two rows of its block.
    expect(byName('工会工作者薪酬福利发放及时性').level2).toBe('时效指标');
    // Rows 260–261 come before their 一级 label on the fragment row 263.
    expect(byName('夏送清凉冬送温暖敬老节慰问').level1).toBe('产出指标');
    // Row 394 sits one column right.
    expect(byName('维护管理机制')).toMatchObject({ level2: '可持续影响指标', weight: { cell: 'H394' } });
  });

  test('reports the known facts of the guide', () => {
    const f = result.findings;
    expect(at(f, 'E472')).toEqual([expect.objectContaining({ code: 'EMPTY_FIELD', severity: 'error' })]);
    expect(at(f, 'H386')).toEqual([
      expect.objectContaining({ code: 'TARGET_NOT_MET_FULL_SCORE', severity: 'warning', expected: '12.00' }),
    ]);
    expect(at(f, 'I386')).toEqual([]); // it gives a 偏差原因: 疫情原因
  });

  test('under the national profile the printed 23.98% is a rounding route, not an error', () => {
    const national = checkWorkbook([fixtureTsv('baoshan-2022-self-eval')], { profile: 'national' });
    expect(at(national.findings, 'G404')).toEqual([
      expect.objectContaining({ code: 'ROUNDING_ROUTE', severity: 'info', expected: '23.97', actual: '23.98' }),
    ]);
    expect(national.findings.filter((x) => x.code === 'FUND_RATE_MISMATCH')).toEqual([]);
  });
});

describe('青浦 2024 自评表 (万元, 评分等级)', () => {
  const result = checkWorkbook([fixtureTsv('qingpu-2024-self-eval')]);

  test('finds 5 forms with amounts in 万元 and grades', () => {
    expect(result.forms.map((r) => r.form.project?.value)).toEqual([
      '灵活就业工作经费',
      '区劳模管理服务经费',
      '区退管会管理工作经费',
      '青浦区劳模创新工作室创建',
      '工会会员卡专项资金补贴',
    ]);
    expect(result.forms.every((r) => r.form.fund?.unit === '万元' && r.form.fund.rateColumnIsPercent)).toBe(true);
    expect(result.forms.map((r) => r.totals?.grade.printed)).toEqual(['优', '优', '优', '优', '优']);
    expect(result.forms.map((r) => r.totals?.total.printed?.toFixed(2))).toEqual([
      '98.00',
      '96.04',
      '97.00',
      '96.52',
      '96.00',
    ]);
  });

  test('劳模创新工作室: 8.72 printed where 34.08 / 41.20 gives 8.27, and the total carries it', () => {
    const form = result.forms[3];
    expect(form.fund?.rate.computed?.toFixed(2)).toBe('82.72');
    expect(at(result.findings, 'H87')).toEqual([
      expect.objectContaining({ code: 'FUND_SCORE_MISMATCH', severity: 'error', expected: '8.27', actual: '8.72' }),
    ]);
    expect(at(result.findings, 'G101')).toEqual([
      expect.objectContaining({
        code: 'TOTAL_RECOMPUTED_MISMATCH',
        severity: 'error',
        expected: '96.07',
        actual: '96.52',
      }),
    ]);
    expect(form.totals?.total.computed?.toFixed(2)).toBe('96.07');
  });

  test('区退管会: 10412 < 10459 scored 9 of 10 without a 偏差原因', () => {
    expect(at(result.findings, 'H68')).toEqual([
      expect.objectContaining({ code: 'MISSING_DEVIATION_REASON', severity: 'error' }),
    ]);
  });

  test('工会会员卡: 96% against ≥100% scored 9 of 10 without a 偏差原因', () => {
    expect(at(result.findings, 'H125')).toEqual([
      expect.objectContaining({ code: 'MISSING_DEVIATION_REASON', severity: 'error' }),
    ]);
  });

  test('95.36% printed from 42.00 / 44.04 万元 is within the rounding of the amounts', () => {
    const form = result.forms[1];
    expect(form.fund?.rate.computed?.toFixed(2)).toBe('95.37');
    expect(result.findings.filter((f) => f.form === form.form.id && f.code === 'FUND_RATE_MISMATCH')).toEqual([]);
  });
});

describe('宝山 2024 申报表', () => {
  const result = checkWorkbook([fixtureTsv('baoshan-2024-target-declaration')]);

  test('finds 3 target declarations with their indicators and no scores', () => {
    expect(result.forms.map((r) => [r.form.kind, r.form.project?.value, r.form.indicators.length])).toEqual([
      ['declaration', '工会工作者经费', 12],
      ['declaration', '一期场馆运营经费项目', 9],
      ['declaration', '政府实事项目 - 工会会员卡', 9],
    ]);
    const first = result.forms[0].form;
    expect(first.indicators.find((i) => i.name.value === '培训成本合理性')).toMatchObject({
      level1: '产出指标',
      level2: '成本指标',
    });
    expect(first.indicators.find((i) => i.name.value === '工会工作者训练能力提升情况')?.level2).toBe('社会效益指标');
    expect(first.declarationFunds?.total?.value).toMatchObject({ kind: 'number' });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the typed .xlsx and the PDF text give the same result', () => {
  test.each(['baoshan-2022-self-eval', 'qingpu-2024-self-eval', 'baoshan-2024-target-declaration'] as const)(
    '%s',
    async (name) => {
      const fromText = checkWorkbook([fixtureTsv(name)]);
      const fromXlsx = checkWorkbook(await fixtureXlsx(name));
      const key = (f: Finding) => [f.code, f.severity, f.message, f.expected, f.actual].join('|');
      expect(fromXlsx.forms).toHaveLength(fromText.forms.length);
      expect(fromXlsx.profile.profile).toEqual(fromText.profile.profile);
      expect(fromXlsx.findings.map(key).sort()).toEqual(fromText.findings.map(key).sort());
      // One sheet in the text tier, one per form in the 青浦/申报表 workbooks: compare per form.
      fromText.forms.forEach((r, i) => {
        const x = fromXlsx.forms[i];
        expect(x.form.project?.value).toBe(r.form.project?.value);
        expect(x.fund?.score.printed?.toFixed(2)).toBe(r.fund?.score.printed?.toFixed(2));
        expect(totalFundRow(x.form)?.budget?.value).toEqual(totalFundRow(r.form)?.budget?.value);
        expect(x.form.declarationFunds?.total?.value).toEqual(r.form.declarationFunds?.total?.value);
        expect(x.form.indicators.map((i) => [i.level1, i.level2, i.name.value])).toEqual(
          r.form.indicators.map((i) => [i.level1, i.level2, i.name.value]),
        );
      });
    },
  );
});
