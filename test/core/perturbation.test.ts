import fc from 'fast-check';
import { checkWorkbook, FormResult } from '../../src/core/engine';
import { fixtureRows, gridOf } from './fixtures';
import {
  Perturbation,
  dropInitialBudget,
  insertNonIndicators,
  layoutOf,
  pad,
  shiftRows,
  spaceLabels,
  splitHeader,
  synonyms,
  typeUnits,
  weightFirst,
} from './perturb';
import { PROVINCE_FORMS, provinceRows } from './provinces';
import { formsOf, readingOf } from './reading';

const FORMS = [
  // The 宝山 text keeps the PDF's own shifted and broken rows: column moves would scramble them.
  ...formsOf('宝山 2022', fixtureRows('baoshan-2022-self-eval')).map((f) => ({ ...f, clean: false })),
  ...formsOf('青浦 2024', fixtureRows('qingpu-2024-self-eval')),
  ...PROVINCE_FORMS.flatMap((name) => formsOf(name, provinceRows(name))),
];

const codes = (r: FormResult, without: (message: string) => boolean = () => false) =>
  r.findings
    .filter((f) => !without(f.message))
    .map((f) => `${f.severity}:${f.code}`)
    .sort()
    .join(' ');

/**
 * In an order where each perturbation's idea of the layout still holds: wording first,
 * column moves on clean grids, then row shifts, then inserted rows.
 */
const ALL: [string, Perturbation, 'clean' | 'any'][] = [
  ['synonyms', synonyms, 'any'],
  ['spaceLabels', spaceLabels, 'any'],
  ['typeUnits', typeUnits, 'any'],
  ['weightFirst', weightFirst, 'clean'],
  ['dropInitialBudget', dropInitialBudget, 'clean'],
  ['shiftRows', shiftRows, 'any'],
  ['insertNonIndicators', insertNonIndicators, 'any'],
  ['splitHeader', splitHeader, 'any'],
  ['pad', pad, 'any'],
];

describe.each(FORMS)('$label: reading survives what PDFs and templates do to it', ({ rows, clean }) => {
  const original = checkWorkbook([gridOf(rows)]).forms[0];
  const layout = layoutOf(original, rows);

  test('the same numbers, indicators and findings come out', () => {
    fc.assert(
      fc.property(
        fc.subarray(
          ALL.filter(([, , need]) => clean || need === 'any').map(([n]) => n),
          { minLength: 1 },
        ),
        fc.infiniteStream(fc.nat()),
        (names, stream) => {
          const it = stream[Symbol.iterator]();
          const pick = (n: number) => (it.next().value as number) % n;
          let perturbed = rows;
          let expected = readingOf(original);
          let dropped = (_: string) => false;
          for (const [name, perturb] of ALL) {
            if (!names.includes(name)) continue;
            perturbed = perturb(perturbed, layoutOf(checkWorkbook([gridOf(perturbed)]).forms[0], perturbed), pick);
            if (
              name === 'dropInitialBudget' &&
              expected.fund &&
              !readingOf(checkWorkbook([gridOf(perturbed)]).forms[0]).fund?.initialBudget
            ) {
              // No 年初预算数 column: nothing is read or checked in it.
              expected = { ...expected, fund: { ...expected.fund, initialBudget: null } };
              dropped = (message) => message.includes('年初预算数');
            }
          }
          const results = checkWorkbook([gridOf(perturbed)]).forms;
          expect(results).toHaveLength(1);
          const got = readingOf(results[0]);
          expect(got).toEqual(expected);
          expect(codes(results[0])).toBe(codes(original, dropped));
        },
      ),
      { numRuns: 25 },
    );
    expect(layout.indicatorRows.length).toBeGreaterThan(0);
  });
});
