/**
 * A PERF.* failure as a value: the spreadsheet shows `code` in the cell and `message`
 * (plain Chinese) in its tooltip. Functions return it instead of throwing, so that each
 * host can turn it into its own error value (CustomFunctions.Error in Excel).
 */
export type PerfErrorCode = '#VALUE!' | '#DIV/0!' | '#N/A' | '#NUM!';

export class PerfError {
  constructor(
    readonly code: PerfErrorCode,
    readonly message: string,
  ) {}
}

export function isPerfError(x: unknown): x is PerfError {
  return x instanceof PerfError;
}

const CODES: readonly string[] = ['#VALUE!', '#DIV/0!', '#N/A', '#NUM!'];

/** An error value arriving in an argument keeps its own code where it is one of ours. */
export function passOn(errorText: string, what: string): PerfError {
  const code = (CODES.includes(errorText) ? errorText : '#VALUE!') as PerfErrorCode;
  return new PerfError(code, `${what}是错误值 ${errorText}`);
}
