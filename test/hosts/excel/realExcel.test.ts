/**
 * The Excel host against what real Excel does and the fake now models (issue 9): an
 * office.js older than Excel, the 5 MB payload limit, batches that fail part-way and are
 * not rolled back, workbook structure protection, and what error messages may claim.
 */
import { columnName } from '../../../src/core/grid';
import { checkWorkbook, WorkbookResult } from '../../../src/core/engine';
import { Finding } from '../../../src/core/findings';
import { NOTE_PREFIX, reportRows, REPORT_SHEET, SEVERITY_FILL } from '../../../src/core/annotations';
import { createExcelHost } from '../../../src/hosts/excel';
import { HostError } from '../../../src/hosts/host';
import { FakeExcel, PAYLOAD_LIMIT, solidFill } from './fakeOffice';
import { qingpuGrids } from './fixtures';

const FOUR_MB = 4 * 1024 * 1024;

async function qingpu(): Promise<{ fake: FakeExcel; result: WorkbookResult }> {
  const grids = await qingpuGrids();
  return { fake: FakeExcel.fromGrids(grids), result: checkWorkbook(grids) };
}

/** What a failed action threw, as the pane receives it. */
async function failure(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof HostError)) throw new Error(`expected a HostError, got ${String(e)}`);
  return e;
}

/** A long, realistic finding message (a 偏差原因 quoted back), `bytes` of UTF-8 or so. */
function longMessage(i: number, chars: number): string {
  return `第 ${i} 行：偏差原因“${'受疫情和项目招标进度影响，部分资金未能按计划支出'.repeat(Math.ceil(chars / 24)).slice(0, chars)}”需要补充说明。`;
}

/** `count` findings on distinct cells of one sheet, with long messages. */
function manyFindings(sheet: string, count: number, chars: number): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    code: 'MISSING_DEVIATION_REASON',
    severity: 'error',
    sheet,
    cell: `${columnName(i % 8)}${Math.floor(i / 8) + 1}`,
    form: 'f1',
    message: longMessage(i, chars),
    expected: null,
    actual: null,
  }));
}

describe('the office.js actually loaded (defect 1)', () => {
  test('Excel reports ExcelApi 1.18 but the npm copy of office.js has no notes: comments instead, said once', async () => {
    const { fake, result } = await qingpu();
    fake.excelApi = '1.18';
    fake.library = '1.15';
    const before = fake.save();
    const host = createExcelHost(fake.api());
    const first = await host.annotate(result.findings);
    expect(first).toEqual({ cells: result.findings.length, notes: true, officeJsOutdated: true });
    expect(fake.cell('表4', 'H6').comment?.content).toContain(NOTE_PREFIX);
    expect(fake.cell('表4', 'H6').note ?? null).toBeNull();
    // Told once: the next annotate says nothing more.
    expect(await host.annotate(result.findings)).toEqual({ cells: result.findings.length, notes: true });
    await host.clearAnnotations();
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('a library without comments either: fills only, and the pane is told why', async () => {
    const { fake, result } = await qingpu();
    fake.excelApi = '1.18';
    fake.library = '1.9';
    const before = fake.save();
    const host = createExcelHost(fake.api());
    expect(host.notesAvailable).toBe(false);
    expect(await host.annotate(result.findings)).toEqual({ cells: result.findings.length, notes: false, officeJsOutdated: true });
    expect(fake.cell('表4', 'H6').fill?.color).toBe(SEVERITY_FILL.error);
    await host.clearAnnotations();
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('the fake refuses what the loaded library lacks, as office.js does', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表');
    fake.library = '1.15';
    await fake.api().run(async (context) => {
      expect(context.workbook.worksheets.getItem('表').notes).toBeUndefined();
      expect(context.workbook.comments).toBeDefined();
    });
    expect(fake.api().hasClass('NoteCollection')).toBe(false);
    // And Excel refuses at sync what it does not implement.
    fake.library = '1.18';
    fake.excelApi = '1.17';
    await expect(
      fake.api().run(async (context) => {
        context.workbook.worksheets.getItem('表').notes!.add('A1', 'x');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('the 5 MB payload limit (defect 2)', () => {
  test('a sheet of ~12 MB of text is read in syncs under 5 MB, their number growing with the payload', async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet('长文本');
    const text = (r: number, c: number) => `${r}-${c}：${'项目实施过程中严格执行预算管理制度'.repeat(6)}`;
    for (let r = 0; r < 2000; r++) for (let c = 0; c < 10; c++) sheet.cells[`${r},${c}`] = { value: text(r, c) };
    const [grid] = await createExcelHost(fake.api()).readSheets(['长文本']);
    expect(grid.cells).toHaveLength(2000);
    expect(grid.cells[1999][9]?.value).toBe(text(1999, 9));
    const accepted = fake.payloads.filter((p) => !p.rejected);
    const total = accepted.reduce((n, p) => n + p.request + p.response, 0);
    expect(total).toBeGreaterThan(2 * PAYLOAD_LIMIT);
    // The first data sync guesses ~160 bytes a cell; these cells hold ~650, so Excel
    // refuses that one response and the rest is read at the measured size.
    expect(fake.payloads.filter((p) => p.rejected)).toHaveLength(1);
    expect(accepted.length).toBeLessThanOrEqual(Math.ceil(total / FOUR_MB) + 2);
  });

  test('a dense block after sparse rows overflows once, is read again in smaller syncs, and nothing is lost', async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet('混合');
    for (let r = 0; r < 3000; r++) sheet.cells[`${r},0`] = { value: r };
    const dense = '资金使用绩效说明'.repeat(40);
    for (let r = 3000; r < 6000; r++) for (let c = 0; c < 8; c++) sheet.cells[`${r},${c}`] = { value: `${r}${dense}` };
    const [grid] = await createExcelHost(fake.api()).readSheets(['混合']);
    expect(grid.cells[2999][0]?.value).toBe(2999);
    expect(grid.cells[5999][7]?.value).toBe(`5999${dense}`);
    // The sparse rows set a low estimate; the dense block is refused once, then read at its size.
    expect(fake.payloads.filter((p) => p.rejected).length).toBeLessThanOrEqual(2);
  });

  test('marking 6,000 cells with long notes, and clearing them, splits the writes by payload', async () => {
    const fake = new FakeExcel();
    fake.addSheet('汇总');
    const findings = manyFindings('汇总', 6000, 200);
    const before = fake.save();
    const host = createExcelHost(fake.api());
    await host.annotate(findings);
    const requests = fake.payloads.map((p) => p.request);
    const total = fake.payloads.reduce((n, p) => n + p.request + p.response, 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(Math.max(...requests)).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(total / FOUR_MB) + 3);
    expect(fake.cell('汇总', 'H750').note).toContain('第 5999 行');
    fake.payloads = [];
    expect(await host.clearAnnotations()).toBe(6000);
    expect(Math.max(...fake.payloads.map((p) => Math.max(p.request, p.response)))).toBeLessThan(PAYLOAD_LIMIT);
    expect(JSON.parse(fake.save())).toEqual(JSON.parse(before));
  });

  test('a 检查结果 sheet of 20,000 findings is written in several syncs under the limit', async () => {
    const fake = new FakeExcel();
    fake.addSheet('汇总');
    const findings = manyFindings('汇总', 20000, 60);
    await createExcelHost(fake.api()).writeReport(reportRows(findings, new Map([['f1', '灵活就业工作经费']])));
    expect(fake.cell(REPORT_SHEET, 'H20001').value).toContain('第 19999 行');
    expect(fake.cell(REPORT_SHEET, 'F20001').hyperlink).toEqual({ documentReference: "'汇总'!H2500", textToDisplay: 'H2500' });
    expect(Math.max(...fake.payloads.map((p) => p.request))).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.syncs).toBeGreaterThan(2);
  });

  test('the fake rejects a request above 5 MB before applying any of it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表');
    const before = fake.save();
    const big = Array.from({ length: 20000 }, () => ['项目实施过程中严格执行预算管理制度'.repeat(8)]);
    await expect(
      fake.api().run(async (context) => {
        context.workbook.worksheets.getItem('表').getRange('A1').values = [['先写这一格']];
        context.workbook.worksheets.getItem('表').getRangeByIndexes(0, 1, big.length, 1).values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.save()).toBe(before);
  });
});

/** Runs `act` on a fresh copy of `saved` with command `at` failing; returns the copy and what was thrown. */
async function withFailureAt(saved: string, at: number, act: (fake: FakeExcel) => Promise<unknown>): Promise<{ fake: FakeExcel; error: unknown }> {
  const fake = FakeExcel.open(saved);
  fake.failCommand(at);
  const error = await act(fake).then(
    () => null,
    (e: unknown) => e,
  );
  return { fake, error };
}

/** Commands `act` runs when nothing fails. */
async function commandsOf(saved: string, act: (fake: FakeExcel) => Promise<unknown>): Promise<number> {
  const fake = FakeExcel.open(saved);
  await act(fake);
  return fake.commandsRun;
}

describe('a failure at any step leaves nothing 清除标注 cannot undo (defect 3)', () => {
  test('annotate failing at each of its commands: 清除标注 then restores the workbook exactly', async () => {
    const { fake, result } = await qingpu();
    fake.cell('表3', 'H15').note = '张会计：原因待补';
    fake.cell('表4', 'G20').fill = solidFill('#FFFFFF');
    const original = fake.save();
    const annotate = (f: FakeExcel) => createExcelHost(f.api()).annotate(result.findings);
    const n = await commandsOf(original, annotate);
    expect(n).toBeGreaterThan(30);
    for (let at = 1; at <= n; at++) {
      const { fake: failed, error } = await withFailureAt(original, at, annotate);
      expect(error).toBeInstanceOf(HostError);
      await createExcelHost(failed.api()).clearAnnotations();
      expect({ at, workbook: JSON.parse(failed.save()) }).toEqual({ at, workbook: JSON.parse(original) });
    }
  });

  test('re-checking (some cells put back, the snapshot rewritten) failing at each command: still all restorable', async () => {
    const { fake, result } = await qingpu();
    const original = fake.save();
    await createExcelHost(fake.api()).annotate(result.findings);
    const marked = fake.save();
    const rest = result.findings.filter((f) => f.sheet !== '表4');
    const reannotate = (f: FakeExcel) => createExcelHost(f.api()).annotate(rest);
    const n = await commandsOf(marked, reannotate);
    for (let at = 1; at <= n; at++) {
      const { fake: failed } = await withFailureAt(marked, at, reannotate);
      await createExcelHost(failed.api()).clearAnnotations();
      expect({ at, workbook: JSON.parse(failed.save()) }).toEqual({ at, workbook: JSON.parse(original) });
    }
  });

  test('清除标注 failing at each of its commands: running it again finishes the job', async () => {
    const { fake, result } = await qingpu();
    fake.cell('表3', 'H15').note = '用户批注';
    const original = fake.save();
    await createExcelHost(fake.api()).annotate(result.findings);
    const marked = fake.save();
    const clear = (f: FakeExcel) => createExcelHost(f.api()).clearAnnotations();
    const n = await commandsOf(marked, clear);
    for (let at = 1; at <= n; at++) {
      const { fake: failed, error } = await withFailureAt(marked, at, clear);
      expect((error as HostError).message).toMatch(/清除标注没有完成/);
      await createExcelHost(failed.api()).clearAnnotations();
      expect({ at, workbook: JSON.parse(failed.save()) }).toEqual({ at, workbook: JSON.parse(original) });
    }
  });

  test('the same with threaded comments (an office.js without notes)', async () => {
    const { fake, result } = await qingpu();
    fake.library = '1.15';
    const original = fake.save();
    const annotate = (f: FakeExcel) => createExcelHost(f.api()).annotate(result.findings);
    const n = await commandsOf(original, annotate);
    for (let at = 1; at <= n; at += 3) {
      const { fake: failed } = await withFailureAt(original, at, annotate);
      await createExcelHost(failed.api()).clearAnnotations();
      expect({ at, workbook: JSON.parse(failed.save()) }).toEqual({ at, workbook: JSON.parse(original) });
    }
  });
});

describe('workbook structure protection (defect 4)', () => {
  test('清除标注 needs to delete the hidden sheet: refused before any cell is restored', async () => {
    const { fake, result } = await qingpu();
    const host = createExcelHost(fake.api());
    await host.annotate(result.findings);
    fake.state.structureProtected = true;
    const marked = fake.save();
    const err = await failure(host.clearAnnotations());
    expect(err.reason).toBe('protected');
    expect(err.message).toMatch(/工作簿结构受保护.*没有做任何修改.*保护工作簿/);
    expect(fake.save()).toBe(marked);
  });

  test('re-checking with every cell fixed would delete the hidden sheet: refused too', async () => {
    const { fake, result } = await qingpu();
    const host = createExcelHost(fake.api());
    await host.annotate(result.findings);
    fake.state.structureProtected = true;
    const marked = fake.save();
    await expect(host.annotate([])).rejects.toMatchObject({ reason: 'protected' });
    expect(fake.save()).toBe(marked);
  });

  test('a first annotate needs a new sheet: refused with nothing changed', async () => {
    const { fake, result } = await qingpu();
    fake.state.structureProtected = true;
    const before = fake.save();
    const err = await failure(createExcelHost(fake.api()).annotate(result.findings));
    expect(err.message).toContain('工作簿结构受保护');
    expect(fake.save()).toBe(before);
  });

  test('the fake refuses adding, hiding and deleting sheets in a protected structure', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表1');
    fake.addSheet('表2');
    fake.state.structureProtected = true;
    const run = (act: (ws: Excel.WorksheetCollection) => void) =>
      fake.api().run(async (context) => {
        act(context.workbook.worksheets);
        await context.sync();
      });
    await expect(run((ws) => ws.add('新表'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(run((ws) => void (ws.getItem('表2').visibility = 'Hidden'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(run((ws) => ws.getItem('表2').delete())).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['表1', 'Visible'],
      ['表2', 'Visible'],
    ]);
  });
});

describe('error messages say what is true (defect 6)', () => {
  test('a GeneralException while reading: named as such, and the workbook truly unchanged', async () => {
    const { fake, result } = await qingpu();
    const before = fake.save();
    fake.failCommand(1);
    const err = await failure(createExcelHost(fake.api()).annotate(result.findings));
    expect(err.message).toContain('GeneralException');
    expect(err.message).not.toContain('连接中断');
    expect(err.message).toContain('工作簿未被修改');
    expect(fake.save()).toBe(before);
  });

  test('a failure after some cells were marked never claims the workbook is unchanged', async () => {
    const { fake, result } = await qingpu();
    const original = fake.save();
    const n = await commandsOf(original, (f) => createExcelHost(f.api()).annotate(result.findings));
    // The last command is a mark: the snapshot and most marks are in.
    const { fake: failed, error } = await withFailureAt(original, n, (f) => createExcelHost(f.api()).annotate(result.findings));
    const err = error as HostError;
    expect(err.message).not.toContain('未被修改');
    expect(err.message).toMatch(/标注没有完成.*部分单元格可能已经标注.*清除标注/);
    expect(failed.save()).not.toBe(original);
  });

  test('an error without a code is an internal error, not a lost connection', async () => {
    const { fake, result } = await qingpu();
    const api = fake.api();
    const broken = { ...api, run: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'add')")) };
    const err = await failure(createExcelHost(broken).annotate(result.findings));
    expect(err.reason).toBe('unknown');
    expect(err.message).toMatch(/内部错误（Cannot read properties of undefined/);
    expect(err.message).not.toContain('连接中断');
  });

  test('a lost connection is still said as such', async () => {
    const { fake, result } = await qingpu();
    fake.connectionLost = true;
    const err = await failure(createExcelHost(fake.api()).annotate(result.findings));
    expect(err).toMatchObject({ reason: 'connection' });
    expect(err.message).toMatch(/连接中断.*工作簿未被修改/);
  });
});
