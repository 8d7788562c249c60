import { checkWorkbook } from '../../../src/core/engine';
import { createExcelHost } from '../../../src/hosts/excel';
import { HostError } from '../../../src/hosts/host';
import { FakeExcel } from './fakeOffice';
import { qingpuGrids, stackedSheet } from './fixtures';

describe('Excel host: reading sheets', () => {
  test('reads a one-form sheet in 2 syncs, with values, displayed text and number formats', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    const host = createExcelHost(fake.api());
    const [grid] = await host.readSheets(['表4']);
    expect(fake.syncs).toBe(2);
    expect(grid.sheet).toBe('表4');
    // 表4 row 6: 年度资金总额 41.20 / 41.20 / 34.08, 分数 10, 执行率 82.72, 得分 8.72 (format 0.00).
    expect(grid.cells[5][7]).toEqual({ value: 8.72, text: '8.72', format: '0.00' });
    expect(grid.cells[2][0]).toEqual({ value: '项目名称', text: '项目名称', format: 'General' });
    expect(grid.cells[2][1]).toBeNull();

    // The grid read through Office.js checks like the file: 34.08 / 41.20 = 82.72 %, so 8.27, not 8.72.
    const result = checkWorkbook([grid]);
    const fund = result.findings.find((f) => f.code === 'FUND_SCORE_MISMATCH');
    expect(fund).toMatchObject({ sheet: '表4', cell: 'H6', expected: '8.27' });
  });

  test('reads a sheet of 100 stacked forms in 2 syncs: well under 4 MB, so one read', async () => {
    const grids = await qingpuGrids();
    const big = stackedSheet(grids, 100);
    const fake = FakeExcel.fromGrids([big]);
    const host = createExcelHost(fake.api());
    const progress: [number, number][] = [];
    const [grid] = await host.readSheets(['汇总'], (done, total) => progress.push([done, total]));
    expect(fake.syncs).toBe(2);
    expect(Math.max(...fake.payloads.map((p) => p.response))).toBeLessThan(4 * 1024 * 1024);
    expect(checkWorkbook([grid]).forms).toHaveLength(100);
    expect(progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  test('reads several sheets at once in 2 syncs and keeps where a used range starts', async () => {
    const grids = await qingpuGrids();
    const shifted = { ...grids[0], sheet: '偏移', top: 3, left: 2 };
    const fake = FakeExcel.fromGrids([...grids, shifted]);
    const read = await createExcelHost(fake.api()).readSheets(['表1', '表2', '表3', '表4', '表5', '偏移']);
    expect(fake.syncs).toBe(2);
    expect(read.map((g) => g.sheet)).toEqual(['表1', '表2', '表3', '表4', '表5', '偏移']);
    expect(read[5]).toMatchObject({ top: 3, left: 2 });
    // Same forms, same findings, wherever the table starts.
    const cells = (r: typeof read) => checkWorkbook(r).findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    expect(cells([read[5]])).toEqual(cells([read[0]]).map((s) => s.replace(/^表1!([A-Z]+)(\d+)/, (_, c: string, n: string) => `偏移!${String.fromCharCode(c.charCodeAt(0) + 2)}${Number(n) + 3}`)));
  });

  test('maps Excel error values to {error} cells', async () => {
    const fake = new FakeExcel();
    fake.addSheet('表');
    Object.assign(fake.cell('表', 'B2'), { value: null, error: '#DIV/0!', text: '#DIV/0!' });
    Object.assign(fake.cell('表', 'C2'), { value: null, error: '#N/A', text: '#N/A' });
    Object.assign(fake.cell('表', 'D2'), { value: '#N/A', text: '#N/A' });
    const [grid] = await createExcelHost(fake.api()).readSheets(['表']);
    expect(grid.top).toBe(1);
    expect(grid.left).toBe(1);
    expect(grid.cells[0][0]).toMatchObject({ value: { error: '#DIV/0!' }, text: '#DIV/0!' });
    expect(grid.cells[0][1]).toMatchObject({ value: { error: '#N/A' } });
    // Typed text that looks like an error stays text.
    expect(grid.cells[0][2]).toMatchObject({ value: '#N/A' });
  });

  test('an empty sheet reads as an empty grid; a missing sheet is a Chinese error', async () => {
    const fake = new FakeExcel();
    fake.addSheet('空白');
    const host = createExcelHost(fake.api());
    expect(await host.readSheets(['空白'])).toEqual([{ sheet: '空白', top: 0, left: 0, cells: [] }]);
    const err = await host.readSheets(['不存在']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).reason).toBe('no-sheet');
    expect((err as HostError).message).toMatch(/找不到/);
  });

  test('lists visible sheets without the snapshot and report sheets', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    fake.addSheet('__perfcheck').visibility = 'VeryHidden';
    fake.addSheet('检查结果');
    fake.state.active = '表3';
    expect(await createExcelHost(fake.api()).sheets()).toEqual({ names: ['表1', '表2', '表3', '表4', '表5'], active: '表3' });
  });
});
