import { writeFileSync } from 'fs';
import { join } from 'path';
import { loadWorkbook, runJson, tempDir } from '../cli/helpers';
import { GENERAL_FIXTURES, generalVariant } from './generalVariants';

/**
 * Issue 10, defect 1, through the command line: a workbook saved by WPS stores General as
 * the custom format `G/通用格式`; the same workbook stored as `General` must give exactly
 * the same findings (before, 8.72 was read as 9 and gave false FUND_SCORE_MISMATCH and
 * TOTAL_MISMATCH findings).
 */
describe.each(GENERAL_FIXTURES)('perfcheck on %s with its numbers in General', (name) => {
  test('G/通用格式 and General give exactly the same findings', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const files: string[] = [];
      for (const general of ['General', 'G/通用格式']) {
        const { bytes, cells } = await generalVariant(name, general);
        expect(cells).toBeGreaterThan(100);
        const file = join(dir, `${general === 'General' ? 'general' : 'wps'}.xlsx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
      const [general, wps] = await Promise.all(files.map((f) => runJson([f])));
      expect(general.report.files[0].forms.length).toBeGreaterThan(0);
      expect(wps.report.files[0].findings).toEqual(general.report.files[0].findings);
      expect(wps.report.files[0].forms).toEqual(general.report.files[0].forms);
      expect(wps.code).toBe(general.code);
    } finally {
      cleanup();
    }
  });
});

test('the 青浦 表4 facts survive G/通用格式: 8.72 printed where 8.27 is due, nothing invented', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'qingpu-wps.xlsx');
    writeFileSync(file, (await generalVariant('qingpu-2024-self-eval', 'G/通用格式')).bytes);
    const { report } = await runJson([file]);
    const mismatches = report.files[0].findings.filter((f) => f.code === 'FUND_SCORE_MISMATCH' || f.code.startsWith('TOTAL'));
    expect(mismatches.map((f) => [f.sheet, f.cell, f.code, f.expected, f.actual])).toEqual([
      ['表4', 'H6', 'FUND_SCORE_MISMATCH', '8.27', '8.72'],
      ['表4', 'G20', 'TOTAL_RECOMPUTED_MISMATCH', '96.07', '96.52'],
    ]);
  } finally {
    cleanup();
  }
});

/**
 * A file written by LibreOffice Calc 7.4 (soffice --convert-to xlsx) from the 青浦 variant
 * in G/通用格式: LibreOffice does not know that spelling and stores it as the custom code
 * `g/"通用格式"`, which no spreadsheet reads as General. The number is still shown as
 * General (the code has no digit placeholder numfmt can use) and the findings stay those
 * of the file in General.
 */
test('a file LibreOffice wrote from the G/通用格式 variant gives the findings of General', async () => {
  const file = join(__dirname, 'qingpu-g-general-libreoffice.xlsx');
  const wb = await loadWorkbook(file);
  // 表4 H6, 资金得分 8.72, as LibreOffice stored its format.
  expect(wb.getWorksheet('表4')!.getCell('H6')).toMatchObject({ value: 8.72, numFmt: 'g/"通用格式"' });
  const { dir, cleanup } = tempDir();
  try {
    const general = join(dir, 'general.xlsx');
    writeFileSync(general, (await generalVariant('qingpu-2024-self-eval', 'General')).bytes);
    const [lo, expected] = await Promise.all([runJson([file]), runJson([general])]);
    expect(lo.report.files[0].findings).toEqual(expected.report.files[0].findings);
  } finally {
    cleanup();
  }
});
