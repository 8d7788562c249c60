import fc from 'fast-check';
import { Decimal, decimalFromNumber, roundTo, Rounding } from '../../src/core/decimal';

/**
 * Excel's ROUND, ROUNDUP and ROUNDDOWN on decimals, computed independently on integers:
 * ROUND takes halves away from zero, ROUNDUP rounds away from zero, ROUNDDOWN towards it.
 */
function excelRound(digits: string, places: number, mode: Rounding): string {
  const negative = digits.startsWith('-');
  const [intPart, frac = ''] = digits.replace('-', '').split('.');
  const scaled = BigInt(intPart + frac.padEnd(places, '0').slice(0, places));
  const rest = frac.slice(places);
  const restNonZero = /[1-9]/.test(rest);
  let q = scaled;
  if (mode === 'up' && restNonZero) q += 1n;
  if (mode === 'half-up' && rest !== '' && rest[0] >= '5') q += 1n;
  const s = q.toString().padStart(places + 1, '0');
  const out = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }))
  .map(([neg, n, scale]) => {
    const s = n.toString().padStart(scale + 1, '0');
    const body = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
    return (neg ? '-' : '') + body;
  });

describe('rounding matches Excel', () => {
  test.each(['half-up', 'up', 'down'] as const)('%s on random decimals, 0–4 places', (mode) => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 4 }), (text, places) => {
        expect(roundTo(new Decimal(text), places, mode).toFixed(places)).toBe(excelRound(text, places, mode));
      }),
      { numRuns: 2000 },
    );
  });

  test('typed halves round as in Excel, not as the binary double would', () => {
    expect(roundTo(decimalFromNumber(8.435), 2, 'half-up').toFixed(2)).toBe('8.44');
    expect((1.005).toFixed(2)).toBe('1.00'); // the float trap: the double is 1.00499…
    expect(roundTo(decimalFromNumber(1.005), 2, 'half-up').toFixed(2)).toBe('1.01');
  });

  test('negative halves go away from zero', () => {
    expect(roundTo(new Decimal('-2.345'), 2, 'half-up').toFixed()).toBe('-2.35');
    expect(roundTo(new Decimal('-2.341'), 2, 'up').toFixed()).toBe('-2.35');
    expect(roundTo(new Decimal('-2.349'), 2, 'down').toFixed()).toBe('-2.34');
  });

  test('0.1 + 0.2 is 0.3 as a spreadsheet sees it', () => {
    expect(decimalFromNumber(0.1 + 0.2).toFixed()).toBe('0.3');
    expect(roundTo(decimalFromNumber(0.1 + 0.2), 1, 'up').toFixed()).toBe('0.3');
  });

  test('a value already at two decimals stays put under ROUNDUP', () => {
    expect(roundTo(new Decimal('84.13'), 2, 'up').toFixed()).toBe('84.13');
    expect(roundTo(decimalFromNumber(0.8413 * 100), 2, 'up').toFixed()).toBe('84.13');
  });
});
