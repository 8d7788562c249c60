/// <reference types="office-js" />

/**
 * The part of Office.js the Excel host uses: `Excel.run` and the requirement-set test.
 * Passed in rather than read from globals so the host runs against the fake Office.js in
 * tests and the benchmark exactly as it runs inside Excel.
 */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** The real Office.js, once `Office.onReady` has reported Excel. */
export function officeExcelApi(): ExcelApi {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
