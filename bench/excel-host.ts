/**
 * Excel host benchmark on the fake Office.js: read, check, annotate, write the 检查结果
 * sheet and clear, then 全部改正, 改为公式 and 撤销改正 each, on a sheet holding 1, 10, 100 and 1,000 forms (stacked copies of the
 * 青浦 2024 fixture forms). For each step it prints the number of context.sync() calls
 * (round trips to Excel), the largest request and response of one sync and the total
 * payload, as the fake counts them (PAYLOAD_LIMIT is Excel on the web's 5 MB), and the
 * bound the issue sets: syncs ≤ payload / 4 MB + 2.
 * Run: npm run bench:excel-host
 */
import { performance } from 'perf_hooks';
import { checkWorkbook, projectNames } from '../src/core/engine';
import { reportRows } from '../src/core/annotations';
import { fixWorkbook } from '../src/core/fixAll';
import { workbookFormulas } from '../src/core/formFormulas';
import { createExcelHost } from '../src/hosts/excel';
import { FakeExcel, SyncPayload } from '../test/hosts/excel/fakeOffice';
import { qingpuGrids, stackedSheet } from '../test/hosts/excel/fixtures';

const MB = 1024 * 1024;

function row(cells: (string | number)[]): string {
  return cells.map((v, i) => String(v).padStart(i < 2 ? 6 : 10)).join(' ');
}

/** One step's figures: syncs, largest request/response in KB, total MB, the bound, ms. */
function figures(forms: number, step: string, payloads: SyncPayload[], ms: number): string {
  const total = payloads.reduce((n, p) => n + p.request + p.response, 0);
  const maxRequest = Math.max(0, ...payloads.map((p) => p.request));
  const maxResponse = Math.max(0, ...payloads.map((p) => p.response));
  const bound = Math.ceil(total / (4 * MB)) + 2;
  return row([forms, step, payloads.length, (maxRequest / 1024).toFixed(0), (maxResponse / 1024).toFixed(0), (total / MB).toFixed(2), bound, ms.toFixed(0)]);
}

async function main() {
  const forms = await qingpuGrids();
  console.log(row(['表格数', '步骤', 'sync 次数', '最大请求KB', '最大响应KB', '合计MB', '上限次数', '耗时ms']));
  for (const count of [1, 10, 100, 1000]) {
    const sheet = stackedSheet(forms, count);
    const fake = FakeExcel.fromGrids([sheet]);
    const original = fake.save();
    const host = createExcelHost(fake.api());
    const step = async (name: string, run: () => Promise<unknown>) => {
      fake.payloads = [];
      const t = performance.now();
      await run();
      console.log(figures(count, name, fake.payloads, performance.now() - t));
      if (fake.payloads.some((p) => p.rejected)) console.log(`       （其中 ${fake.payloads.filter((p) => p.rejected).length} 次因超过 5 MB 被拒后重读）`);
    };
    let grids: Awaited<ReturnType<typeof host.readSheets>> = [];
    await step('读取', async () => (grids = await host.readSheets([sheet.sheet])));
    const result = checkWorkbook(grids);
    if (result.forms.length !== count) throw new Error(`expected ${count} forms, found ${result.forms.length}`);
    await step('标注', () => host.annotate(result.findings));
    await step('结果表', () => host.writeReport(reportRows(result.findings, projectNames(result))));
    await step('清除', () => host.clearAnnotations());
    // The report sheet is PerfCheck's own output; everything else is back as it was.
    const after = JSON.parse(fake.save());
    after.sheets = after.sheets.filter((s: { name: string }) => s.name !== '检查结果');
    after.active = JSON.parse(original).active;
    if (JSON.stringify(after) !== JSON.stringify(JSON.parse(original))) throw new Error(`${count} forms: 清除标注 did not restore the workbook`);

    const fixes = fixWorkbook(grids).changes.map((c) => c.write);
    const formulas = workbookFormulas(result, grids);
    await step('全部改正', () => host.applyChanges({ writes: fixes, rules: [] }));
    await step('撤销改正', () => host.undoChanges());
    await step('改为公式', () => host.applyChanges(formulas));
    await step('撤销改正', () => host.undoChanges());
    if ((await host.pendingChanges()) !== 0) throw new Error(`${count} forms: 撤销改正 left change records`);
  }
}

void main();
