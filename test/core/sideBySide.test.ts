import fc from 'fast-check';
import { checkWorkbook, FormResult } from '../../src/core/engine';
import { fixtureRows, gridOf } from './fixtures';
import { PROVINCE_FORMS, provinceRows } from './provinces';
import { formsOf, readingOf } from './reading';

/**
 * Forms side by side on one sheet (copied next to each other to compare, two printed
 * across): each is read as if it were alone. And a blank column inside one form (a
 * spacer, a PDF column left empty) never cuts it apart.
 */
const FORMS = [
  // The 宝山 text keeps the PDF's own shifted rows: a column put between a shifted row's cells changes what they say.
  ...formsOf('宝山 2022', fixtureRows('baoshan-2022-self-eval')).map((f) => ({ ...f, clean: false })),
  ...formsOf('青浦 2024', fixtureRows('qingpu-2024-self-eval')),
  ...PROVINCE_FORMS.flatMap((name) => formsOf(name, provinceRows(name))),
];

// One profile for all: with `auto`, the rounding inferred from two forms together may differ from one alone.
const check = (rows: string[][]) => checkWorkbook([gridOf(rows)], { profile: 'national' });

const codes = (r: FormResult) =>
  r.findings
    .map((f) => `${f.severity}:${f.code}`)
    .sort()
    .join(' ');

const widthOf = (rows: string[][]) => Math.max(...rows.map((r) => r.length));

/** The forms' rows placed left to right, `gaps[i]` blank columns and `drops[i]` blank rows before form i. */
function sideBySide(forms: string[][][], gaps: number[], drops: number[]): string[][] {
  const height = Math.max(...forms.map((f, i) => f.length + drops[i]));
  const out: string[][] = Array.from({ length: height }, () => []);
  let left = 0;
  forms.forEach((rows, i) => {
    left += gaps[i];
    rows.forEach((row, r) => row.forEach((text, c) => (out[r + drops[i]][left + c] = text)));
    left += widthOf(rows);
  });
  return out.map((row) => Array.from({ length: left }, (_, c) => row[c] ?? ''));
}

describe('forms side by side on one sheet', () => {
  test('each form reads as it does alone, left to right', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(FORMS.length - 1), { minLength: 2, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(4), { minLength: 3, maxLength: 3 }),
        (picks, gaps, drops) => {
          const forms = picks.map((i) => FORMS[i]);
          const sheet = sideBySide(
            forms.map((f) => f.rows),
            [0, ...gaps.slice(1)],
            drops,
          );
          const together = check(sheet).forms;
          expect(together.map((r) => readingOf(r))).toEqual(forms.map((f) => readingOf(check(f.rows).forms[0])));
          expect(together.map(codes)).toEqual(forms.map((f) => codes(check(f.rows).forms[0])));
        },
      ),
      { numRuns: 30 },
    );
  });

  test('青浦 表4 beside 表2: the wrong 资金得分 is found at its own cell in the left form', () => {
    const [left, right] = [
      FORMS.find((f) => f.label === '青浦 2024 #4')!,
      FORMS.find((f) => f.label === '青浦 2024 #2')!,
    ];
    const result = check(sideBySide([left.rows, right.rows], [0, 2], [0, 0]));
    expect(result.forms.map((r) => r.form.range)).toEqual([`A1:H${left.rows.length}`, `K1:R${right.rows.length}`]);
    expect(result.findings.find((f) => f.code === 'FUND_SCORE_MISMATCH')?.cell).toBe('H6');
  });
});

describe('a blank column inside one form does not cut it', () => {
  test.each(FORMS)('$label', ({ rows, clean }) => {
    const alone = check(rows).forms[0];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: widthOf(rows) - 1 }), (at) => {
        const spaced = rows.map((row) => [...row.slice(0, at), '', ...row.slice(at)]);
        const read = check(spaced).forms;
        expect(read).toHaveLength(1);
        if (clean) expect(readingOf(read[0])).toEqual(readingOf(alone));
        else expect(read[0].form.project?.value).toBe(alone.form.project?.value);
      }),
      { numRuns: 8 },
    );
  });
});
