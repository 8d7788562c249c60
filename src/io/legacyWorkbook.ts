import type * as SheetJS from '@e965/xlsx';
import { Cell, Grid } from '../core/grid';
import { formatNumber } from '../core/numberFormat';
import { count, Limits, overLimit } from './limits';

/**
 * Excel 97–2003 workbooks (.xls) and WPS's own .et → grids, read by SheetJS (the
 * maintained build published as `@e965/xlsx`, 0.20.3+, not the `xlsx` 0.18.5 package with
 * CVE-2023-30533 and CVE-2024-22363). These formats store each formula's last result, so
 * cells hold what Excel or WPS showed. As in xlsx.ts, only the top-left cell of a merged
 * range holds a value, and a number's text is made from its value and number format by
 * the same formatter, so a form gives the same findings as its .xlsx.
 */
export function readLegacyWorkbook(bytes: Uint8Array, XLSX: typeof SheetJS, limits: Limits): Grid[] {
  let wb: SheetJS.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (e) {
    throw new LegacyWorkbookError(readFailure(e));
  }
  if (wb.SheetNames.length > limits.maxSheets) {
    throw overLimit('工作表数', `${count(wb.SheetNames.length)} 张`, `${count(limits.maxSheets)} 张`, '--max-sheets');
  }
  let cells = 0;
  return wb.SheetNames.map((name) => {
    const rows: (Cell | null)[][] = [];
    const data = (wb.Sheets[name] as SheetJS.DenseWorkSheet | undefined)?.['!data'] ?? [];
    data.forEach((row, r) => {
      const out: (Cell | null)[] = [];
      row?.forEach((c, col) => {
        const cell = c ? cellOf(c) : null;
        if (!cell) return;
        if (++cells > limits.maxCells) {
          throw overLimit('单元格数', `至少 ${count(cells)} 个`, `${count(limits.maxCells)} 个`, '--max-cells');
        }
        if (cell.text.length > limits.maxTextLength) {
          throw overLimit('单元格文字长度', `有一个单元格 ${count(cell.text.length)} 个字符`, `${count(limits.maxTextLength)} 个字符`, '--max-text');
        }
        out[col] = cell;
      });
      rows[r] = out;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    return { sheet: name, top: 0, left: 0, cells: rows };
  });
}

/** A legacy workbook SheetJS could not read; the message is for the user. */
export class LegacyWorkbookError extends Error {}

function cellOf(c: SheetJS.CellObject): Cell | null {
  const format = typeof c.z === 'string' && c.z !== '' ? c.z : undefined;
  switch (c.t) {
    case 'n':
      return typeof c.v === 'number' ? { value: c.v, text: formatNumber(c.v, format), format } : null;
    case 's':
      return typeof c.v === 'string' && c.v !== '' ? { value: c.v, text: c.v, format } : null;
    case 'b':
      return { value: Boolean(c.v), text: c.v ? 'TRUE' : 'FALSE', format };
    case 'e':
      return { value: { error: c.w ?? '#N/A' }, text: c.w ?? '#N/A', format };
    default:
      // Stubs ('z') are blank; dates ('d') only come with the cellDates option, not set here.
      return null;
  }
}

function readFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/password/i.test(message)) {
    return '工作簿设置了打开密码，无法读取；请在 Excel 或 WPS 中去掉密码并另存为 .xlsx 后再检查';
  }
  return `工作簿已损坏、设置了打开密码或不是 Excel/WPS 表格，无法打开；如能在 Excel 或 WPS 中打开，请另存为 .xlsx 后再检查（${message}）`;
}
