import { checkWorkbook } from '../../src/core/engine';
import { fixtureRows, fixtureTsv, gridOf, setCell } from './fixtures';

/** 青浦 2024 with 区劳模管理服务经费's 95.36% scored the full 10 (rows 24–52 are 表2). */
function qingpuWithThreshold() {
  const rows = fixtureRows('qingpu-2024-self-eval');
  setCell(rows, 'H29', '10.00'); // 资金得分 at 95.36%: proportional 9.54
  setCell(rows, 'G51', '96.50'); // its 总分
  return rows;
}

/** Sets 表1's 全年执行数, printed 执行率 (both fund rows), 资金得分 and 总分. */
function setForm1(rows: string[][], actual: string, rate: string, score: string, total: string) {
  for (const [cell, value] of [
    ['E6', actual],
    ['E7', actual],
    ['G6', rate],
    ['G7', rate],
    ['H6', score],
    ['G21', total],
  ])
    setCell(rows, cell, value);
  return rows;
}

test('auto finds a full-marks threshold from full scores below 100%', () => {
  const result = checkWorkbook([gridOf(qingpuWithThreshold())]);
  expect(result.profile.profile.id).toBe('threshold-90');
  expect(result.profile.profile.fullMarksThreshold?.toFixed()).toBe('90');
  expect(result.profile.reason).toContain('执行率达到 90% 即得资金得分满分');
  expect(result.findings.filter((f) => f.cell === 'H29')).toEqual([]);
  // The 82.72% form stays below the threshold: its misprinted 8.72 is still an error.
  expect(result.findings.find((f) => f.cell === 'H87')).toMatchObject({
    code: 'FUND_SCORE_MISMATCH',
    expected: '8.27',
  });
});

test('a threshold lying between two forms is found from both', () => {
  // 表1: 60.00 / 63.44 = 94.58% scored proportionally (9.46): the threshold is above it.
  const rows = setForm1(qingpuWithThreshold(), '60.00', '94.58', '9.46', '97.46');
  const result = checkWorkbook([gridOf(rows)]);
  expect(result.profile.profile.fullMarksThreshold?.toFixed()).toBe('95');
  expect(result.profile.profile.id).toBe('auto');
  expect(result.findings.filter((f) => f.cell === 'H6' || f.cell === 'H29')).toEqual([]);
});

test('a lower score at or above the threshold rules it out', () => {
  // 表1: 62.17 / 63.44 = 97.998%, scored proportionally 9.80 although above 95.36%.
  const rows = setForm1(qingpuWithThreshold(), '62.17', '98.00', '9.80', '97.80');
  const result = checkWorkbook([gridOf(rows)]);
  expect(result.profile.profile.fullMarksThreshold).toBeNull();
  expect(result.findings.find((f) => f.cell === 'H29')).toMatchObject({
    code: 'FUND_SCORE_MISMATCH',
    expected: '9.54',
  });
});

test('the real forms have no threshold', () => {
  expect(checkWorkbook([gridOf(fixtureRows('qingpu-2024-self-eval'))]).profile.profile.fullMarksThreshold).toBeNull();
  expect(checkWorkbook([gridOf(fixtureRows('baoshan-2022-self-eval'))]).profile.profile.fullMarksThreshold).toBeNull();
});

test('the rule is said in plain words, with how many printed numbers it reproduces', () => {
  const baoshan = checkWorkbook([fixtureTsv('baoshan-2022-self-eval')]).profile;
  expect(baoshan.reason).toBe(
    '按宝山区做法：执行率向上舍入，资金得分按舍入后的执行率计算（与表中 19 个执行率全部一致，与 19 个资金得分中的 18 个一致）',
  );
  expect(baoshan.agreement).toEqual({ rates: 19, ratesMatched: 19, scores: 19, scoresMatched: 18 });
  const qingpu = checkWorkbook([fixtureTsv('qingpu-2024-self-eval')]).profile;
  expect(qingpu.reason).toBe('执行率四舍五入（与表中 5 个执行率中的 4 个一致，与 5 个资金得分中的 4 个一致）');
});
