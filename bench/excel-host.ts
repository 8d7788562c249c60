/**
 * Excel host benchmark on the fake Office.js: read + check + annotate a sheet holding 1,
 * 10 and 100 forms (stacked copies of the 青浦 2024 fixture forms). Prints the number of
 * context.sync() calls (what costs round trips in real Excel) and the time.
 * Run: npm run bench:excel-host
 */
import { performance } from 'perf_hooks';
import { checkWorkbook } from '../src/core/engine';
import { createExcelHost } from '../src/hosts/excel';
import { FakeExcel } from '../test/hosts/excel/fakeOffice';
import { qingpuGrids, stackedSheet } from '../test/hosts/excel/fixtures';

async function main() {
  const forms = await qingpuGrids();
  console.log('表格数  单元格数  读取 sync  标注 sync  读取 ms  检查 ms  标注 ms');
  for (const count of [1, 10, 100]) {
    const sheet = stackedSheet(forms, count);
    const fake = FakeExcel.fromGrids([sheet]);
    const host = createExcelHost(fake.api());
    let t = performance.now();
    const grids = await host.readSheets([sheet.sheet]);
    const readMs = performance.now() - t;
    const readSyncs = fake.syncs;
    t = performance.now();
    const result = checkWorkbook(grids);
    const checkMs = performance.now() - t;
    if (result.forms.length !== count) throw new Error(`expected ${count} forms, found ${result.forms.length}`);
    fake.syncs = 0;
    t = performance.now();
    await host.annotate(result.findings);
    const annotateMs = performance.now() - t;
    const cells = grids[0].cells.reduce((n, row) => n + row.length, 0);
    console.log(
      [count, cells, readSyncs, fake.syncs, readMs.toFixed(1), checkMs.toFixed(1), annotateMs.toFixed(1)].map((v, i) => String(v).padStart(i === 0 ? 6 : 9)).join(' '),
    );
  }
}

void main();
