/**
 * The Excel entry (functions.ts) under a stand-in for Excel's CustomFunctions runtime,
 * which only exists inside Excel: what it registers, and which Excel error each
 * failure becomes. Excel allows a message with #VALUE! and #N/A only.
 */

class FakeExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const associated = new Map<string, unknown>();
Object.assign(globalThis, {
  CustomFunctions: {
    associate: (id: string, fn: unknown) => associated.set(id, fn),
    Error: FakeExcelError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
  },
});

type Entry = typeof import('../../src/functions/functions');
let entry: Entry;
beforeAll(() => {
  jest.isolateModules(() => {
    entry = require('../../src/functions/functions');
  });
});

function thrown(call: () => unknown): FakeExcelError {
  try {
    call();
  } catch (e) {
    if (e instanceof FakeExcelError) return e;
    throw e;
  }
  throw new Error('expected an Excel error');
}

describe('Excel entry', () => {
  it('registers the six functions under their ids', () => {
    expect([...associated.keys()]).toEqual(['RATE', 'SCORE', 'INDICATOR', 'GRADE', 'TOTAL', 'CHECK']);
    expect(associated.get('SCORE')).toBe(entry.score);
    expect(associated.get('CHECK')).toBe(entry.check);
  });

  it('returns plain values', () => {
    expect(entry.score(41.2, 34.08)).toBe(8.27);
    expect(entry.rate('359,000.00', '302,003.60', 'round-up')).toBe(0.8413);
    expect(entry.grade(96.07)).toBe('优');
    expect(entry.total([[15], [15], [20], [2.7], [2.8], [4], [28.3]], 8.27)).toBe(96.07);
    expect(entry.check([['≥10459.00(人)', '10412.00(人)', 10, 9, null]])).toBe('缺少偏差原因');
  });

  it('turns failures into Excel errors, with the Chinese message where Excel shows one', () => {
    expect(thrown(() => entry.rate(100, '三十'))).toEqual(new FakeExcelError('#VALUE!', '全年执行数“三十”不是数字'));
    const na = thrown(() => entry.indicator('及时', 5, 10));
    expect(na.code).toBe('#N/A');
    expect(na.message).toContain('无法判断');
    expect(thrown(() => entry.score(0, 5))).toEqual(new FakeExcelError('#DIV/0!'));
    expect(thrown(() => entry.score(100, -5))).toEqual(new FakeExcelError('#NUM!'));
  });
});

describe('outside Excel (the browser preview, WPS)', () => {
  it('loads without CustomFunctions and registers nothing', () => {
    const saved = (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
    try {
      let loaded: Entry | undefined;
      jest.isolateModules(() => {
        loaded = require('../../src/functions/functions');
      });
      expect(loaded!.score(41.2, 34.08)).toBe(8.27);
    } finally {
      Object.assign(globalThis, { CustomFunctions: saved });
    }
  });
});
