import type ExcelJS from 'exceljs';
import { ConditionalRule } from '../core/cellWrite';
import { Grid } from '../core/grid';
import type { PreviewChange } from '../hosts/preview';
import { addConditionalRules, applyCellWrites, recordChanges, WrittenChange } from '../io/cellWrites';
import { FIXED_SUFFIX } from '../io/fileKinds';
import { gridWorkbook } from '../io/gridWorkbook';
import { baseName, isZip, loadExcel } from './batch';

/**
 * 下载改正后的副本 (preview page): the opened file with the changes still in force, written
 * by the command line's own writers, so the copy is what `perfcheck --fix` would write for
 * the same cells. The user's file is never touched: an .xlsx is loaded afresh from its
 * bytes (its styles, formats and every other cell kept); any other kind becomes an .xlsx
 * of its sheets, as the batch page writes its copies.
 */
export interface CorrectedCopyInput {
  /** The file's name as opened, `表.xlsx` or `文件夹/表.csv`. */
  name: string;
  data: ArrayBuffer;
  /** The sheets as the preview loaded them, before any change: the copy of a file that is not an .xlsx. */
  grids: Grid[];
  changes: PreviewChange[];
  rules: ConditionalRule[];
}

/** `<name>.已改正.xlsx`, the name `perfcheck --fix` gives its copies. */
export function correctedCopyName(name: string): string {
  return `${baseName(name)}${FIXED_SUFFIX}`;
}

/** Why a cell changed, in the words of the 改正记录 sheet. */
function reasonFor(c: PreviewChange): string {
  if (c.write.kind === 'formula') return '改为公式，随表中数字自动计算';
  if (c.before === '') return '插入空白自评表';
  return '改正为表中数字决定的值（PerfCheck 预览页）';
}

/** The corrected copy's bytes; throws when exceljs cannot read or write the workbook. */
export async function correctedCopy(input: CorrectedCopyInput): Promise<Uint8Array> {
  const Excel = await loadExcel();
  let wb: ExcelJS.Workbook;
  if (isZip(new Uint8Array(input.data))) {
    wb = new Excel.Workbook();
    await wb.xlsx.load(input.data);
  } else wb = gridWorkbook(input.grids, Excel);
  const written: WrittenChange[] = input.changes.map((c) => ({
    write: c.write,
    before: c.before,
    after: c.write.kind === 'formula' ? `=${c.write.value}` : c.after,
    reason: reasonFor(c),
  }));
  applyCellWrites(
    wb,
    written.map((c) => c.write),
  );
  addConditionalRules(wb, input.rules);
  recordChanges(wb, written);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
