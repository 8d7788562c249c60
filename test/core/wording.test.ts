import { checkWorkbook } from '../../src/core/engine';
import { annotationsFor } from '../../src/core/annotations';
import { FixtureName, fixtureTsv, formRows, gridOf, setCell } from './fixtures';

/**
 * The messages as an accountant reads them, over the three published forms: an indicator
 * is named once (no 指标“X”指标未完成), no space before a sign (指标值=0), the 表中 value
 * said one way, and no finding code in a cell note.
 */
const FIXTURES: FixtureName[] = ['baoshan-2022-self-eval', 'qingpu-2024-self-eval', 'baoshan-2024-target-declaration'];
const findings = FIXTURES.flatMap((name) => checkWorkbook([fixtureTsv(name)]).findings);

test('the published forms give messages to check the wording on', () => {
  expect(findings.length).toBeGreaterThan(20);
});

test.each(findings.map((f) => [`${f.sheet}!${f.cell} ${f.code}`, f.message]))('%s reads plainly', (_, message) => {
  expect(message).not.toMatch(/指标“[^”]*”指标/);
  expect(message).not.toMatch(/指标第 \d+ 行/);
  expect(message).not.toMatch(/指标值 [=<>≥≤]/);
  expect(message).not.toMatch(/表中填写|按当前规则|）\s/);
  expect(message).not.toMatch(/\s[，。；：）]|（\s/);
});

test('a target of =0 missed, in the words of the message', () => {
  const baoshan = checkWorkbook([fixtureTsv('baoshan-2022-self-eval')]).findings;
  expect(baoshan.find((f) => f.cell === 'H166')?.message).toBe(
    '指标“系统维护数量”未完成（指标值=0，实际完成值 1），却给了满分 10；按比例应为 0.00',
  );
  expect(baoshan.find((f) => f.cell === 'H46')?.message).toBe(
    '指标“职工自愿入会增长率”未完成（指标值 增长10%，实际完成值 0%），得分应为 0.00，表中为 10',
  );
});

test('an indicator without a name is named by its row, once', () => {
  const rows = setCell(setCell(formRows('qingpu-2024-self-eval', 1, 23), 'C13', ''), 'E13', '');
  const messages = checkWorkbook([gridOf(rows)]).findings.map((f) => f.message);
  expect(messages).toContain('第 13 行的三级指标名称为空');
  expect(messages).toContain('第 13 行指标的实际完成值为空');
});

test('cell notes carry the messages and no finding code', () => {
  for (const a of annotationsFor(findings.filter((f) => f.form !== null))) {
    expect(a.note).not.toMatch(/[A-Z]+_[A-Z_]+/);
    for (const f of a.findings) expect(a.note).toContain(f.message);
  }
});
