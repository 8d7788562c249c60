/// <reference types="et-jsapi-declare" />
import zhCN from '../../functions/functions.zh-CN.json';
import { PERF_FUNCTIONS, PerfError } from '../../functions/perf';

/** The first WPS build whose add-ins can register cell functions (wps.AddCustomFunction). */
export const CUSTOM_FUNCTIONS_SINCE = '12.1.0.20540';

/** What a function shows in the cell: its result, or the error code text for a PerfError. */
type CellResult = number | string;

/**
 * What 插入函数 shows for a function: `wps.AddCustomFunction(namespace, name, fn,
 * metadata)` (et-jsapi-declare 2.5.0, addon.et.d.ts).
 */
export type WpsFunctionMetadata = NonNullable<Parameters<WPS.EtAddonRoot['AddCustomFunction']>[3]>;

/**
 * The metadata of a PERF function, from the Chinese descriptions the Excel add-in ships
 * (functions.zh-CN.json). A parameter is named by the start of its description
 * (全年预算数, 分值 …), so the dialog reads in Chinese; an optional one has the type
 * `any?`, as the official wpsjs template's functions.json marks it. The result is `any`:
 * a PerfError comes back as its code text (#DIV/0!) in a function that otherwise gives a
 * number, and WPS does not document how it would convert that for a `number` result.
 */
export function wpsFunctionMetadata(name: string): WpsFunctionMetadata {
  const fn = zhCN.functions.find((f) => f.name === name);
  if (!fn) throw new Error(`functions.zh-CN.json 中没有 ${name}`);
  return {
    description: fn.description,
    result: { type: 'any' },
    parameters: fn.parameters.map((p) => ({
      name: p.description.split(/[（(，,。：:、]/)[0].trim(),
      type: 'optional' in p && p.optional ? 'any?' : 'any',
      description: p.description,
    })),
  };
}

/**
 * Registers PERF.RATE, PERF.SCORE, … as WPS cell functions with their Chinese help;
 * returns false when this WPS has no wps.AddCustomFunction (before 12.1.0.20540). WPS
 * calls them synchronously. A PerfError is shown as its code (#DIV/0!, #N/A, …): whether
 * WPS takes an error value from an add-in function is not documented, and the code text
 * reads the same in the cell and is recognised as an error by PERF.* and by the checks.
 */
export function registerPerfFunctions(wps: unknown): boolean {
  const add = typeof wps === 'object' && wps !== null ? (wps as Partial<WPS.EtAddonRoot>).AddCustomFunction : undefined;
  if (typeof add !== 'function') return false;
  for (const { name, fn } of PERF_FUNCTIONS) {
    const cellFunction = (...args: unknown[]): CellResult => {
      const result = fn(...args);
      return result instanceof PerfError ? result.code : result;
    };
    add.call(wps, 'PERF', name, cellFunction, wpsFunctionMetadata(name));
  }
  return true;
}
