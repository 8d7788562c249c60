import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { readXlsx } from '../src/io/xlsx';
import { checkWorkbook } from '../src/core/engine';
(async () => {
  for (const f of ['baoshan-2022-self-eval', 'qingpu-2024-self-eval', 'baoshan-2024-target-declaration']) {
    const grids = await readXlsx(readFileSync(`/work/shared/forms/${f}.xlsx`), ExcelJS);
    const r = checkWorkbook(grids);
    console.log(f, r.forms.length, r.profile.reason);
    for (const x of r.findings) console.log('  ', x.severity, x.code, x.sheet, x.cell, x.message.slice(0, 60));
  }
})();
