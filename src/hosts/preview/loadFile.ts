import { Grid } from '../../core/grid';
import { parseTsv } from '../../core/tsv';
import { sheetNameFor } from '../../io/sheetName';
import { readXlsx } from '../../io/xlsx';
import { HostError } from '../host';

/**
 * A local workbook file → grids, in the browser. exceljs is loaded only here, on demand,
 * so the task pane inside Excel never downloads it.
 */
export async function gridsFromFile(name: string, data: ArrayBuffer): Promise<Grid[]> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.tsv') || lower.endsWith('.txt')) {
    // The sheet a copy of this file will hold: a name Excel accepts, as the command line and the batch page name it.
    return [parseTsv(new TextDecoder('utf-8').decode(data), sheetNameFor(name.replace(/\.[^.]+$/, '')))];
  }
  if (lower.endsWith('.xlsx')) {
    const loaded = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
    // The browser build of exceljs is CommonJS: its namespace is under `default`.
    const ExcelJS = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
    try {
      return await readXlsx(data, ExcelJS);
    } catch {
      throw new HostError('unsupported', `无法读取“${name}”：文件可能已损坏或不是 .xlsx 工作簿。`);
    }
  }
  throw new HostError('unsupported', `不支持“${name}”这种文件。请选择 .xlsx 工作簿或 .tsv 文本表格。`);
}
