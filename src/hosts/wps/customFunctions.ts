import { PERF_FUNCTIONS, PerfError } from '../../functions/perf';

/** The first WPS build whose add-ins can register cell functions (wps.AddCustomFunction). */
export const CUSTOM_FUNCTIONS_SINCE = '12.1.0.20540';

/** What a function shows in the cell: its result, or the error code text for a PerfError. */
type CellResult = number | string;

/**
 * Registers PERF.RATE, PERF.SCORE, … as WPS cell functions; returns false when this WPS
 * has no wps.AddCustomFunction (before 12.1.0.20540). WPS calls them synchronously.
 * A PerfError is shown as its code (#DIV/0!, #N/A, …): whether WPS takes an error value
 * from an add-in function is not documented, and the code text reads the same in the
 * cell and is recognised as an error by PERF.* and by the checks.
 */
export function registerPerfFunctions(wps: unknown): boolean {
  const add = typeof wps === 'object' && wps !== null ? (wps as Record<string, unknown>).AddCustomFunction : undefined;
  if (typeof add !== 'function') return false;
  for (const { name, fn } of PERF_FUNCTIONS) {
    add.call(wps, 'PERF', name, (...args: unknown[]): CellResult => {
      const result = fn(...args);
      return result instanceof PerfError ? result.code : result;
    });
  }
  return true;
}
