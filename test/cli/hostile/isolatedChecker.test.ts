import { DEFAULT_LIMITS } from '../../../src/io/limits';
import { IsolatedChecker } from '../../../src/cli/isolatedChecker';
import { QINGPU_XLSX } from '../helpers';

const job = (limits = DEFAULT_LIMITS) => ({ path: QINGPU_XLSX, kind: 'xlsx' as const, profile: 'auto', limits, annotate: false, explain: false });

test('past the time limit the worker is ended with a Chinese reason, and the next file gets a fresh worker', async () => {
  // One millisecond is far less than unzipping, parsing and checking any workbook takes,
  // so the limit is reached on any machine, however loaded.
  const limits = { ...DEFAULT_LIMITS, timeSeconds: 0.001 };
  const hurried = new IsolatedChecker(limits);
  const timedOut = { path: QINGPU_XLSX, ok: false, error: '读取和检查用时超过上限 0.001 秒，已停止（可用 --time-limit 调整）' };
  try {
    expect(await hurried.check(job(limits))).toEqual(timedOut);
    // The ended worker is replaced: the second file is started (and stopped) again, not
    // lost to a dead worker or an error about starting one.
    expect(await hurried.check(job(limits))).toEqual(timedOut);
  } finally {
    await hurried.close();
  }
});

test('files checked one after another in the same worker give the same result', async () => {
  const checker = new IsolatedChecker(DEFAULT_LIMITS);
  try {
    const first = await checker.check(job());
    const second = await checker.check(job());
    expect(first).toMatchObject({ ok: true, file: { forms: expect.arrayContaining([expect.objectContaining({ id: '表4!A1:H21' })]) } });
    expect(second).toEqual(first);
  } finally {
    await checker.close();
  }
});
