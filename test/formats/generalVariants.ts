import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Grid } from '../../src/core/grid';
import { readXlsx } from '../../src/io/xlsx';
import { FORMS_DIR } from '../core/fixtures';

/** The fixtures the General acceptance runs on. */
export const GENERAL_FIXTURES = ['qingpu-2024-self-eval', 'baoshan-2022-self-eval'] as const;
export type GeneralFixture = (typeof GENERAL_FIXTURES)[number];

/**
 * The fixture as a workbook whose every non-percent number is formatted with `general`
 * (`General`, or `G/通用格式` as WPS saves it): what a WPS user's file holds when the
 * amounts and scores were typed into cells left at 常规. Percent cells keep `0.00%`.
 * Returns the saved .xlsx bytes and how many cells were changed.
 */
export async function generalVariant(name: GeneralFixture, general: string): Promise<{ bytes: Buffer; cells: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(FORMS_DIR, `${name}.xlsx`)) as unknown as ArrayBuffer);
  let cells = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'number' || (cell.numFmt ?? '').includes('%')) return;
        cell.numFmt = general;
        cells++;
      }),
    ),
  );
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), cells };
}

/** The variant read back as the command line reads it. */
export async function generalVariantGrids(name: GeneralFixture, general: string): Promise<Grid[]> {
  return readXlsx((await generalVariant(name, general)).bytes, ExcelJS);
}
