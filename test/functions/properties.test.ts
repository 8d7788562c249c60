import fc from 'fast-check';
import { decimalFromNumber } from '../../src/core/decimal';
import { PROFILES } from '../../src/core/profiles';
import { readNumberText } from '../../src/core/values';
import { cellDecimal, readArgNumber } from '../../src/functions/args';
import { isPerfError, PERF_FUNCTIONS, rate, score } from '../../src/functions/perf';

/**
 * Properties over random budgets and actuals: whatever a sheet holds, RATE and SCORE
 * answer with a value, and a score stays within 0 and its 分值.
 */

// Amounts as forms hold them: up to 10 亿, 2 decimals, typed as numbers or as text.
const cents = fc.integer({ min: 0, max: 100_000_000_000 });
const amount = cents.map((c) => c / 100);
const amountCell = fc.oneof(
  amount,
  amount.map((a) => a.toFixed(2)),
  amount.map((a) => a.toLocaleString('en-US', { minimumFractionDigits: 2 })),
);
// A bare 0 is how Excel on Windows passes a blank 分值 (see zeroAsBlank): weights from 0.01.
const weight = fc.integer({ min: 1, max: 10_000 }).map((c) => c / 100);
const profile = fc.constantFrom(...PROFILES.map((p) => p.id), undefined);
const anyCell = fc.oneof(fc.anything(), amountCell, fc.constantFrom('', '—', '-', null, '84.13%', '#N/A'));

describe('PERF.RATE and PERF.SCORE properties', () => {
  it('never throw, whatever the cells hold', () => {
    fc.assert(
      fc.property(anyCell, anyCell, anyCell, anyCell, (a, b, c, d) => {
        for (const { fn } of PERF_FUNCTIONS) {
          const r = fn(a, b, c, d);
          expect(isPerfError(r) || typeof r === 'number' || typeof r === 'string').toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('score ∈ [0, 分值] for every budget above zero, and rate ≥ 0', () => {
    fc.assert(
      fc.property(amountCell, amountCell, weight, profile, (b, a, w, p) => {
        fc.pre(Number(String(b).replace(/,/g, '')) > 0);
        // A bare 0 执行数 may be a blank cell: #N/A, tested in blanks.test.ts.
        fc.pre(a !== 0);
        const s = score(b, a, w, p);
        const r = rate(b, a, p);
        if (isPerfError(s) || isPerfError(r)) throw new Error(`${JSON.stringify([b, a, w, p])}: ${JSON.stringify([s, r])}`);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(w);
        expect(r).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('scores full 分值 when all the budget is spent or more, and never less for more spent', () => {
    fc.assert(
      fc.property(cents.filter((c) => c > 0), cents.filter((c) => c > 0), cents.filter((c) => c > 0), weight, profile, (bc, x, y, w, p) => {
        const budget = bc / 100;
        const [lo, hi] = x <= y ? [x / 100, y / 100] : [y / 100, x / 100];
        expect(score(budget, budget + hi, w, p)).toBe(w);
        expect(score(budget, lo, w, p) as number).toBeLessThanOrEqual(score(budget, hi, w, p) as number);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives #DIV/0! for a zero budget whatever the rest', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, '0', '0.00', '', null, '—'), amountCell, (b, a) => {
        const r = score(b, a);
        expect(isPerfError(r) && r.code).toBe('#DIV/0!');
      }),
    );
  });
});

describe('fast argument reading', () => {
  it('reads a number exactly as the core does (15 significant digits)', () => {
    const doubles = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      amount,
      fc.integer({ min: -1e16, max: 1e16 }),
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(doubles, (x) => {
        expect(cellDecimal(x).toFixed()).toBe(decimalFromNumber(x).toFixed());
      }),
      { numRuns: 5000 },
    );
    expect(cellDecimal(0.1 + 0.2).toFixed()).toBe('0.3');
    expect(cellDecimal(1234567890123456).toFixed()).toBe('1234567890123460');
  });

  it('reads text exactly as the core does', () => {
    const text = fc.oneof(
      amountCell.map(String),
      fc.stringMatching(/^[0-9,.]{1,14}$/),
      fc.constantFrom('1,000,000.00', '12,34', '1,2345', '.5', '5.', '007', '0.30000000000000004'),
    );
    fc.assert(
      fc.property(text, (t) => {
        const core = readNumberText(t);
        const r = readArgNumber(t, '数');
        if (core.kind === 'number') {
          expect(r).toEqual({ kind: 'number', value: core.value, percent: core.percent });
        } else {
          expect(isPerfError(r) || r.kind === 'blank').toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
