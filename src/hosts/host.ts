import { Finding } from '../core/findings';
import { Grid } from '../core/grid';
import { ReportRow } from '../core/annotations';
import { CellWrite, ConditionalRule } from '../core/cellWrite';

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
  /**
   * Changes cells for the user (改正, 全部改正, 改为公式, 插入空白自评表). Before a cell is
   * first changed, its value, formula and number format are recorded in the same hidden
   * snapshot as the highlights, and each conditional rule before it is added, so that
   * `undoChanges` restores them exactly, even after save and reopen. Refuses with nothing
   * changed: a protected sheet, or a cell that no longer shows what the check saw
   * (`WorkbookChange.shown`: the form was edited since).
   */
  applyChanges(change: WorkbookChange): Promise<ChangeResult>;
  /**
   * 撤销改正: puts every changed cell back as recorded (value, formula, number format)
   * and removes the conditional rules PerfCheck added; highlights stay. Returns how
   * many cells were restored.
   */
  undoChanges(): Promise<number>;
  /** How many changed cells `undoChanges` would restore, read from the workbook (0: none). */
  pendingChanges(): Promise<number>;
  /** The active cell: where 插入空白自评表 puts a form. */
  activeCell(): Promise<{ sheet: string; cell: string }>;
}

/** One user action's cell changes, computed by the core (fixes.ts, fixAll.ts, formFormulas.ts, blankForm.ts). */
export interface WorkbookChange {
  writes: CellWrite[];
  rules: ConditionalRule[];
  /**
   * Parallel to `writes`: the text each cell showed when the form was checked ('' for a
   * blank cell). A cell that shows something else now makes the whole change refused.
   * Omitted: no such check (a blank form is checked for blank cells by the pane first).
   */
  shown?: string[];
}

export interface ChangeResult {
  /** Cells written. */
  cells: number;
  /** Conditional rules added. */
  rules: number;
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
    readonly reason: 'protected' | 'connection' | 'unsupported' | 'no-sheet' | 'busy' | 'stale' | 'unknown',
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
