import {
  fundColumnOf,
  fundLineOf,
  indicatorColumnOf,
  isFundHeader,
  amountUnitOf,
  normalizeLabel,
  parentOfLevel2,
} from '../../src/core/labels';

test('labels match whatever spaces, line breaks, widths and colons they carry', () => {
  expect(normalizeLabel('年度 指标值')).toBe('年度指标值');
  expect(normalizeLabel('偏差原因分析及\n改进措施')).toBe('偏差原因分析及改进措施');
  expect(indicatorColumnOf('偏差原因分析及 改进措施')).toBe('reason');
  expect(indicatorColumnOf('实际 完成值')).toBe('actual');
  expect(indicatorColumnOf('年度指标值')).toBe('target');
  expect(fundColumnOf('分数')).toBe('weight');
  expect(fundColumnOf('分值')).toBe('weight');
  expect(fundColumnOf('执行率(%)')).toBe('rate');
  expect(fundColumnOf('执行率（%）')).toBe('rate');
  expect(fundColumnOf('执行率')).toBe('rate');
  expect(fundLineOf('年度资金总额:')).toBe('total');
  expect(fundLineOf('年度资金总额：')).toBe('total');
  expect(fundLineOf('其中：当年财政拨款')).toBe('fiscal');
  expect(fundLineOf('其中:当年财政拨款')).toBe('fiscal');
  expect(isFundHeader('项目资金（万元）')).toBe(true);
  expect(isFundHeader('项目资金 (元)')).toBe(true);
  expect(amountUnitOf('项目资金（万元）')).toBe('万元');
  expect(amountUnitOf('项目资金 (元)')).toBe('元');
  expect(fundLineOf('项目资金总额')).toBeNull();
});

test('二级 指标 names know their 一级', () => {
  expect(parentOfLevel2('可持续影响指标')).toBe('效益指标');
  expect(parentOfLevel2('服务对象满意度指标')).toBe('满意度指标');
  expect(parentOfLevel2('经济成本指标')).toBe('成本指标');
  expect(parentOfLevel2('三级指标')).toBeNull();
});
