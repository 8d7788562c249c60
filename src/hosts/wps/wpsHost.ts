import { Finding } from '../../core/findings';
import { Grid } from '../../core/grid';
import { ReportRow } from '../../core/annotations';
import { Host, HostError } from '../host';
import { annotate, clearAnnotations } from './annotate';
import { XL_SHEET_VERY_HIDDEN } from './etConstants';
import { call, EtObject, numberProp, prop } from './etObject';
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

  async applyChanges(): Promise<never> {
    throw new HostError('unsupported', '此版本尚不能修改单元格。');
  }

  async undoChanges(): Promise<never> {
    throw new HostError('unsupported', '此版本尚不能修改单元格。');
  }

  async pendingChanges(): Promise<number> {
    return 0;
  }

  async activeCell(): Promise<never> {
    throw new HostError('unsupported', '此版本尚不能修改单元格。');
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
