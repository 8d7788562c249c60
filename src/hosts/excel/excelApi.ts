/// <reference types="office-js" />

/**
 * The part of Office.js the Excel host uses: `Excel.run`, the requirement-set test and
 * what the loaded library defines. Passed in rather than read from globals so the host
 * runs against the fake Office.js in tests and the benchmark exactly as inside Excel.
 */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** What Excel reports: the sets the application implements. */
  isSetSupported(name: string, version: string): boolean;
  /**
   * Whether the office.js actually loaded defines `Excel.<name>`. `isSetSupported`
   * reads the requirement matrix Excel reports, not the library: an old copy of
   * office.js (the intranet fallback) can lack a class that Excel claims to support.
   */
  hasClass(name: string): boolean;
}

/** The real Office.js, once `Office.onReady` has reported Excel. */
export function officeExcelApi(): ExcelApi {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    // office.js assigns each class on the Excel namespace (`e.CommentCollection=…` in
    // excel-win32-16.01.js), so a class the library lacks is undefined.
    hasClass: (name) => typeof (Excel as unknown as Record<string, unknown>)[name] === 'function',
  };
}
