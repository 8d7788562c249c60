import { Finding } from '../core/findings';
import { Grid } from '../core/grid';
import { ReportRow } from '../core/annotations';

/**
 * What the task pane needs from a spreadsheet, whatever it is: Excel (Office.js), WPS
 * 表格 (ET object model) or the in-browser preview. Every method is one user action and
 * either completes or leaves the workbook as it was.
 */
export interface Host {
  readonly kind: 'excel' | 'wps' | 'preview';
  /** Sheet names in workbook order and the active one. */
  sheets(): Promise<{ names: string[]; active: string }>;
  /** Reads the used range of each named sheet (values, displayed text, number formats). */
  readSheets(names: string[], onProgress?: (done: number, total: number) => void): Promise<Grid[]>;
  /**
   * Fills each finding's cell by severity and adds a note with its messages. Before a
   * cell is first touched its fill and note are recorded in the workbook, so that
   * `clearAnnotations` restores them exactly, even after save and reopen; annotating
   * again does not stack.
   */
  annotate(findings: Finding[]): Promise<AnnotateResult>;
  /** Restores every annotated cell to its recorded fill and note; returns how many. */
  clearAnnotations(): Promise<number>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** Writes (or rewrites) the 检查结果 sheet with a link to each finding's cell. */
  writeReport(rows: ReportRow[]): Promise<void>;
}

export interface AnnotateResult {
  cells: number;
  /** Whether the messages went into notes or comments (false: fills only). */
  notes: boolean;
  /**
   * Set once per pane: Excel offers notes but the office.js loaded (an old copy on the
   * add-in's own server, used when Microsoft's CDN cannot be reached) does not.
   */
  officeJsOutdated?: boolean;
}

/** A failure the user should read: `message` is plain Chinese and says what to do. */
export class HostError extends Error {
  constructor(
    readonly reason: 'protected' | 'connection' | 'unsupported' | 'no-sheet' | 'busy' | 'unknown',
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
