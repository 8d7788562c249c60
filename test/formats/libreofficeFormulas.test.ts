import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { totalFundRow } from '../../src/core/form';
import { readXlsx } from '../../src/io/xlsx';

/**
 * Files LibreOffice Calc 7.4 computed and saved (scripts/libreoffice-formulas-fixture.sh):
 * the 青浦 forms after `perfcheck --fix --formulas`, with 表4's 全年执行数 (年度资金总额
 * and 当年财政拨款) then changed by hand to 20.01, recalculated on load. What another spreadsheet computed from our plain
 * formulas must be what PerfCheck computes for the changed form, and our conditional
 * formatting must survive its writer.
 */
const file = (profile: string) => join(__dirname, `qingpu-formulas-${profile}-libreoffice.xlsx`);

describe.each([
  ['national', ['48.57', '4.86', '92.66', '优']],
  ['whole-numbers', ['49', '5', '92.8', '优']],
] as const)('a --formulas copy recalculated by LibreOffice, profile %s', (profile, expected) => {
  it('holds the values PerfCheck computes for the changed form, and no fixable finding anywhere', async () => {
    const grids = await readXlsx(readFileSync(file(profile)), ExcelJS);
    const result = checkWorkbook(grids, { profile });
    const form4 = result.forms.find((f) => f.form.sheet === '表4')!;
    const row = totalFundRow(form4.form)!;
    // LibreOffice's results, as stored in the cells, and the engine's values for 20.01 / 41.20.
    const stored = [row.rate, row.score, form4.form.total!.score].map((r) => (r!.value.kind === 'number' ? r!.value.value.toFixed() : null));
    expect([...stored, form4.form.grade!.value]).toEqual(expected);
    expect([form4.fund!.rate.computed!.toFixed(), form4.fund!.score.computed!.toFixed(), form4.totals!.total.computed!.toFixed(), form4.totals!.grade.computed]).toEqual(expected);
    expect(result.findings.filter((f) => f.fix)).toEqual([]);
  });

  it('keeps the conditional formatting PerfCheck added', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file(profile));
    const rules = (wb.getWorksheet('表4') as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(rules.map((r) => [r.ref, ...r.rules.map((x) => x.formulae[0])])).toEqual([
      ['G13:G19', 'AND(ISNUMBER(G13),ISNUMBER(F13),G13<F13,LEN(TRIM(H13))=0)'],
      ['G13:G19', 'AND(ISNUMBER(G13),ISNUMBER(F13),G13>F13)'],
    ]);
  });
});
