/**
 * WPS host benchmark on the fake ET object model, which answers as WPS documents it
 * (`Range.NumberFormat` one string, Null when the cells differ): read + check + annotate
 * a sheet holding 1, 10 and 100 forms (stacked copies of the 青浦 2024 fixture forms).
 * Prints the object-model calls (each is a cross-process call in WPS), the format reads
 * among them, and what they grow with: the columns and the blocks of differing formats
 * (runs of number cells sharing one format, counted down each column), not the cells.
 * Then 全部改正, 改为公式 and 撤销改正 on the same sheet: the cells they write, and the
 * calls (the records sheet is read and written in one call each; the originals are read
 * by column spans and unions, the cells written a run of a column at a time; each rule
 * costs a few).
 * Run: npm run bench:wps-host
 */
import { performance } from 'perf_hooks';
import { checkWorkbook } from '../src/core/engine';
import { fixWorkbook } from '../src/core/fixAll';
import { workbookFormulas } from '../src/core/formFormulas';
import { createWpsHost } from '../src/hosts/wps';
import { qingpuGrids, stackedSheet } from '../test/hosts/excel/fixtures';
import { FakeEt } from '../test/hosts/wps/fakeEt';
import { formatShape } from '../test/hosts/wps/formatBlocks';

async function main() {
  const forms = await qingpuGrids();
  console.log('表格数  数字单元格  数字列  格式块  读取调用  其中格式  标注调用  读取 ms  检查 ms  标注 ms');
  const changeRows: string[] = [];
  for (const count of [1, 10, 100]) {
    const sheet = stackedSheet(forms, count);
    const et = FakeEt.fromGrids([sheet]);
    const host = createWpsHost(et.application);
    let t = performance.now();
    const grids = await host.readSheets([sheet.sheet]);
    const readMs = performance.now() - t;
    const readCalls = et.calls.length;
    const formatCalls = et.count('Range.NumberFormat', 'get');
    t = performance.now();
    const result = checkWorkbook(grids);
    const checkMs = performance.now() - t;
    if (result.forms.length !== count) throw new Error(`expected ${count} forms, found ${result.forms.length}`);
    et.calls.length = 0;
    t = performance.now();
    await host.annotate(result.findings);
    const annotateMs = performance.now() - t;
    const { numbers, columns, blocks } = formatShape(sheet);
    console.log(
      [count, numbers, columns, blocks, readCalls, formatCalls, et.calls.length, readMs.toFixed(1), checkMs.toFixed(1), annotateMs.toFixed(1)]
        .map((v, i) => String(v).padStart(i === 0 ? 6 : 9))
        .join(' '),
    );

    const fixes = fixWorkbook(grids).changes;
    const formulas = workbookFormulas(result, grids);
    et.calls.length = 0;
    t = performance.now();
    await host.applyChanges({ writes: fixes.map((c) => c.write), rules: [], shown: fixes.map((c) => c.before) });
    const fixCalls = et.calls.length;
    const fixMs = performance.now() - t;
    et.calls.length = 0;
    await host.applyChanges(formulas);
    const formulaCalls = et.calls.length;
    et.calls.length = 0;
    t = performance.now();
    const restored = await host.undoChanges();
    const undoMs = performance.now() - t;
    changeRows.push(
      [count, fixes.length, fixCalls, formulas.writes.length, formulas.rules.length, formulaCalls, restored, et.calls.length, fixMs.toFixed(1), undoMs.toFixed(1)]
        .map((v, i) => String(v).padStart(i === 0 ? 6 : 9))
        .join(' '),
    );
  }
  console.log('\n表格数  改正格数  改正调用  公式格数  条件格式  公式调用  撤销格数  撤销调用  改正 ms  撤销 ms');
  for (const row of changeRows) console.log(row);
}

void main();
