import { Decimal } from '../../src/core/decimal';
import { checkWorkbook } from '../../src/core/engine';
import { FixtureName, fixtureTsv, fixtureXlsx } from './fixtures';
import { readingOf } from './reading';

/**
 * Every Shanghai form is read with its printed numbers: checked against the form's own
 * arithmetic (indicator 分值 90 + fund 10 = the printed 100; the printed 总分 = the printed
 * 资金得分 + the printed indicator 得分, which every one of these forms satisfies, misprints
 * included), and the PDF text and the typed workbook read alike.
 */
describe.each(['baoshan-2022-self-eval', 'qingpu-2024-self-eval'] as FixtureName[])('%s', (name) => {
  const fromText = checkWorkbook([fixtureTsv(name)]);

  test.each(fromText.forms.map((f, i) => [i + 1, f] as const))('form %i adds up as printed', (_, form) => {
    const r = readingOf(form);
    expect(r.fund).not.toBeNull();
    for (const k of ['budget', 'actual', 'weight', 'rate', 'score'] as const) expect(r.fund![k]).not.toBeNull();
    expect(r.indicators).toBeGreaterThanOrEqual(7);
    expect(r.weightSum).toBe('90');
    expect(new Decimal(r.fund!.weight!).plus(r.weightSum).eq(r.total!.weight!)).toBe(true);
    expect(new Decimal(r.fund!.score!).plus(r.scoreSum).eq(r.total!.score!)).toBe(true);
  });

  test('the typed workbook reads as the PDF text does', async () => {
    const fromXlsx = checkWorkbook(await fixtureXlsx(name));
    expect(fromXlsx.forms.map(readingOf)).toEqual(fromText.forms.map(readingOf));
  });
});

test('宝山 2024 申报表: three declarations with their indicator trees', async () => {
  const fromText = checkWorkbook([fixtureTsv('baoshan-2024-target-declaration')]);
  expect(fromText.forms.map((f) => [f.form.kind, readingOf(f).indicators])).toEqual([
    ['declaration', 12],
    ['declaration', 9],
    ['declaration', 9],
  ]);
  const fromXlsx = checkWorkbook(await fixtureXlsx('baoshan-2024-target-declaration'));
  expect(fromXlsx.forms.map(readingOf)).toEqual(fromText.forms.map(readingOf));
});
