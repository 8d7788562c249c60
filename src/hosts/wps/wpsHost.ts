import { Finding } from '../../core/findings';
import { Grid } from '../../core/grid';
import { ReportRow } from '../../core/annotations';
import { ChangeResult, Host, HostError, WorkbookChange } from '../host';
import { annotate, clearAnnotations } from './annotate';
import { XL_SHEET_VERY_HIDDEN } from './etConstants';
import { applyChanges, pendingChanges, undoChanges } from './changes';
import { call, child, EtObject, numberProp, prop } from './etObject';
import { readSheet } from './readSheet';
import { RECORDS_SHEET } from './recordsSheet';
import { writeReport } from './report';
import { activeWorkbook, rangeAt, sheetName, sheetNamed, worksheets } from './workbook';

/**
 * The Host over the WPS 表格 (ET) object model. The object model is synchronous; each
 * method still returns a promise to fit the Host interface, and reading yields between
 * sheets so the task pane can show progress.
 */
export class WpsHost implements Host {
  readonly kind = 'wps';

  constructor(private readonly app: unknown) {}

  async sheets(): Promise<{ names: string[]; active: string }> {
    return this.guard(() => {
      const wb = activeWorkbook(this.app);
      const names = worksheets(wb)
        .filter((s) => numberProp(s, 'Visible') !== XL_SHEET_VERY_HIDDEN)
        .map(sheetName)
        .filter((n) => n !== RECORDS_SHEET);
      return { names, active: sheetName(prop<EtObject>(this.app, 'ActiveSheet')) };
    });
  }

  async readSheets(names: string[], onProgress?: (done: number, total: number) => void): Promise<Grid[]> {
    const grids: Grid[] = [];
    for (const name of names) {
      grids.push(this.guard(() => readSheet(sheetNamed(activeWorkbook(this.app), name))));
      onProgress?.(grids.length, names.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return grids;
  }

  async annotate(findings: Finding[]): Promise<{ cells: number; notes: boolean }> {
    return this.guard(() => annotate(this.app, activeWorkbook(this.app), findings));
  }

  async clearAnnotations(): Promise<number> {
    return this.guard(() => clearAnnotations(this.app, activeWorkbook(this.app)));
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.guard(() => {
      const target = sheetNamed(activeWorkbook(this.app), sheet);
      call(target, 'Activate');
      call(rangeAt(target, cell), 'Select');
    });
  }

  async writeReport(rows: ReportRow[]): Promise<void> {
    this.guard(() => writeReport(activeWorkbook(this.app), rows));
  }

  async applyChanges(change: WorkbookChange): Promise<ChangeResult> {
    return this.guard(() => applyChanges(this.app, activeWorkbook(this.app), change));
  }

  async undoChanges(): Promise<number> {
    return this.guard(() => undoChanges(this.app, activeWorkbook(this.app)));
  }

  async pendingChanges(): Promise<number> {
    return this.guard(() => pendingChanges(activeWorkbook(this.app)));
  }

  /** `Application.ActiveCell` (et-jsapi-declare: `readonly ActiveCell: Range`) and the sheet it is on. */
  async activeCell(): Promise<{ sheet: string; cell: string }> {
    return this.guard(() => {
      const cell = prop<EtObject>(this.app, 'ActiveCell');
      if (typeof cell !== 'object' || cell === null) {
        throw new HostError('no-sheet', '没有选中的单元格。请先在工作表中点选要放表格的位置。');
      }
      return { sheet: sheetName(child(cell, 'Worksheet')), cell: String(call(cell, 'Address', false, false)) };
    });
  }

  /** Object-model failures reach the user as a HostError with a Chinese message. */
  private guard<T>(action: () => T): T {
    try {
      return action();
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw new HostError('unknown', `WPS 表格操作失败：${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
