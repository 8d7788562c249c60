import { annotationsFor, REPORT_HEADER, REPORT_SHEET, reportRows } from '../../../src/core/annotations';
import { checkWorkbook } from '../../../src/core/engine';
import { Finding } from '../../../src/core/findings';
import { Grid } from '../../../src/core/grid';
import { HostError } from '../../../src/hosts/host';
import { createWpsHost } from '../../../src/hosts/wps';
import { fixtureXlsx } from '../../core/fixtures';
import { Build, FakeEt } from './fakeEt';
import { formatShape } from './formatBlocks';

const XL_NONE = -4142;
const XL_SOLID = 1;
const WHITE = 0xffffff;
/** SEVERITY_FILL.error #FFC7CE in BGR: blue CE, green C7, red FF. */
const ERROR_FILL_BGR = 0xcec7ff;

async function qingpu(build?: Build): Promise<FakeEt> {
  return FakeEt.fromGrids(await fixtureXlsx('qingpu-2024-self-eval'), build);
}

/** The findings a check of every sheet gives, read through the host. */
async function check(et: FakeEt): Promise<Finding[]> {
  const host = createWpsHost(et.application);
  const { names } = await host.sheets();
  return checkWorkbook(await host.readSheets(names)).findings;
}

const cellsOf = (findings: Finding[]) => findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`).sort();

describe('reading sheets', () => {
  test('gives the engine what the file holds: the known 青浦 facts are found', async () => {
    const et = await qingpu();
    const host = createWpsHost(et.application);
    expect(await host.sheets()).toEqual({ names: ['表1', '表2', '表3', '表4', '表5'], active: '表1' });
    const [grid] = await host.readSheets(['表4']);
    // 表4 is 青浦区劳模创新工作室创建: 资金得分 printed 8.72 in H6, 总分 96.52 in G20.
    expect(grid.cells[5][7]).toEqual({ value: 8.72, text: '8.72', format: '0.00' });
    expect(grid.cells[19][6]).toMatchObject({ value: 96.52, text: '96.52' });
    const findings = await check(et);
    expect(cellsOf(findings)).toEqual(cellsOf(checkWorkbook(await fixtureXlsx('qingpu-2024-self-eval')).findings));
    expect(cellsOf(findings)).toEqual(expect.arrayContaining(['表4!H6 FUND_SCORE_MISMATCH', '表4!G20 TOTAL_RECOMPUTED_MISMATCH']));
  });

  test('percentages keep their format: 宝山 2022 一期场馆运营经费 23.98% is 0.2398 shown with 0.00%', async () => {
    const et = FakeEt.fromGrids(await fixtureXlsx('baoshan-2022-self-eval'));
    const [grid] = await createWpsHost(et.application).readSheets(['自评表']);
    const shown = grid.cells.flat().filter((c) => c?.text === '23.98%');
    expect(shown).toEqual([{ value: 0.2398, text: '23.98%', format: '0.00%' }]);
  });

  test.each<[string, Build]>([
    ['as documented: NumberFormat Null where the cells differ', { numberFormat: 'documented' }],
    ['a build answering one format per cell', { numberFormat: 'matrix' }],
  ])('gives the same findings as the file: %s', async (_, build) => {
    const expected = cellsOf(checkWorkbook(await fixtureXlsx('baoshan-2022-self-eval')).findings);
    expect(expected.length).toBeGreaterThan(10);
    expect(cellsOf(await check(FakeEt.fromGrids(await fixtureXlsx('baoshan-2022-self-eval'), build)))).toEqual(expected);
  });

  test('an error value in Value2 (-2146826281) is read as #DIV/0!', async () => {
    const et = await qingpu();
    et.edit('表4', 'G6', { value: -2146826281, text: '#DIV/0!', format: '0.00' });
    const [grid] = await createWpsHost(et.application).readSheets(['表4']);
    // An error needs no format: only number cells' formats are read.
    expect(grid.cells[5][6]).toEqual({ value: { error: '#DIV/0!' }, text: '#DIV/0!', format: undefined });
  });

  test('a used range that does not start at A1 keeps its position', async () => {
    const et = FakeEt.fromGrids(await fixtureXlsx('baoshan-2024-target-declaration'));
    const [grid] = await createWpsHost(et.application).readSheets(['表1']);
    // The file's first filled cell is the title in B4: the used range starts there.
    expect([grid.top, grid.left]).toEqual([3, 1]);
    expect(grid.cells[0][0]?.text).toContain('绩效目标申报表');
  });

  test('a missing sheet is a Chinese no-sheet error', async () => {
    const host = createWpsHost((await qingpu()).application);
    await expect(host.readSheets(['表9'])).rejects.toMatchObject({ reason: 'no-sheet', message: expect.stringContaining('找不到工作表“表9”') });
  });
});

describe('object-model calls grow with columns and format blocks, not with cells', () => {
  /** One sheet holding the 表4 form n times, stacked with a blank row between. */
  async function stacked(n: number, change?: (grid: Grid) => Grid): Promise<Grid> {
    const [form] = (await fixtureXlsx('qingpu-2024-self-eval')).filter((g) => g.sheet === '表4');
    const cells = Array.from({ length: n }, () => [...(change ? change(form) : form).cells, []]).flat();
    return { sheet: '汇总', top: 0, left: 0, cells };
  }

  async function measure(grid: Grid, build?: Build) {
    const et = FakeEt.fromGrids([grid], build);
    const host = createWpsHost(et.application);
    et.calls.length = 0;
    const grids = await host.readSheets(['汇总']);
    const numbers = grids[0].cells.flat().filter((c) => typeof c?.value === 'number').length;
    return {
      forms: checkWorkbook(grids).forms.length,
      numbers,
      value2: et.count('Range.Value2', 'get'),
      formats: et.count('Range.NumberFormat', 'get'),
      total: et.calls.length,
      grids,
    };
  }

  /** Every number of the form in one format: each column of numbers is one union read. */
  const uniform = (form: Grid): Grid => ({
    ...form,
    cells: form.cells.map((row) => row.map((c) => (c && typeof c.value === 'number' ? { ...c, format: '0.00' } : c))),
  });

  test('one format for the numbers: one Value2 read, and format reads that follow the number columns, not the cells', async () => {
    const [one, ten, hundred] = [await measure(await stacked(1, uniform)), await measure(await stacked(10, uniform)), await measure(await stacked(100, uniform))];
    expect([one.forms, ten.forms, hundred.forms]).toEqual([1, 10, 100]);
    expect(hundred.numbers).toBe(100 * one.numbers);
    const { columns } = formatShape(one.grids[0]);
    for (const m of [one, ten, hundred]) expect(m.value2).toBe(1);
    // The used range (mixed: its text cells are General), then each number column as one union.
    expect(one.formats).toBe(1 + columns);
    // 100 forms: a column's union is split only where its address would pass 255 characters.
    expect(hundred.formats).toBeLessThan(1 + columns * 8);
    expect(hundred.formats).toBeLessThan(hundred.numbers / 50);
  });

  test('formats as the fixture has them: reads grow with the blocks of differing formats, not with the cells', async () => {
    const file = await stacked(100);
    const hundred = await measure(file);
    const { numbers, blocks } = formatShape(file);
    expect(hundred.forms).toBe(100);
    expect(hundred.value2).toBe(1);
    // 表4 changes format almost every row in its score columns (0.00, 0.0, 0): many blocks.
    expect(blocks).toBeGreaterThan(numbers / 10);
    expect(hundred.formats).toBeLessThan(numbers);
    expect(hundred.formats).toBeLessThan(4 * blocks);
    // And the grid is what the file holds, cell for cell.
    const numberCells = (g: Grid) => g.cells.flatMap((row) => row.filter((c) => typeof c?.value === 'number'));
    expect(numberCells(hundred.grids[0])).toEqual(numberCells(file));
  });

  test('a build answering one format per cell needs one format read', async () => {
    const m = await measure(await stacked(100), { numberFormat: 'matrix' });
    expect([m.forms, m.value2, m.formats]).toEqual([100, 1, 1]);
  });

  test('a column of many blocks is asked in unions that each fit the 255-character address limit', async () => {
    const et = FakeEt.fromGrids([await stacked(100)]);
    const [grid] = await createWpsHost(et.application).readSheets(['汇总']);
    expect(checkWorkbook([grid]).forms).toHaveLength(100);
    const addresses = et.calls.filter((c) => c.member === 'Worksheet.Range').map((c) => c.detail ?? '');
    expect(addresses.filter((a) => a.includes(',')).length).toBeGreaterThan(0);
    expect(Math.max(...addresses.map((a) => a.length))).toBeLessThanOrEqual(255);
  });
});

describe('marking findings', () => {
  const H6_NOTE = async (et: FakeEt) => annotationsFor(await check(et)).find((a) => a.sheet === '表4' && a.cell === 'H6')!.note;

  test('fills each finding cell in BGR and notes it with the findings', async () => {
    const et = await qingpu();
    const host = createWpsHost(et.application);
    const findings = await check(et);
    const result = await host.annotate(findings);
    expect(result).toEqual({ cells: annotationsFor(findings).length, notes: true });
    const h6 = et.cell('表4', 'H6');
    expect([h6.color, h6.pattern]).toEqual([ERROR_FILL_BGR, XL_SOLID]);
    expect(h6.comment?.text).toMatch(/^PerfCheck 检查：\n【错误】资金得分应为 8\.27/);
    // Notes are read by people: no finding codes in them.
    expect(h6.comment?.text).not.toMatch(/[A-Z]+_[A-Z_]+/);
    expect(h6.comment?.text).toContain('8.27');
    // The user's sheet stays active; the records sheet is very hidden and not offered.
    expect(et.book.sheets[et.book.active].name).toBe('表1');
    expect(et.sheet('__perfcheck').visible).toBe(2);
    expect((await host.sheets()).names).toEqual(['表1', '表2', '表3', '表4', '表5']);
  });

  test('clearing restores no fill, white fill and the user’s own comment exactly', async () => {
    const et = await qingpu();
    et.edit('表4', 'G20', FakeEt.fill(WHITE));
    et.edit('表3', 'H15', { ...FakeEt.fill(0x00ffff), comment: { text: '请财务核对=1', author: '李会计' } });
    const original = et.serialize();
    const host = createWpsHost(et.application);
    await host.annotate(await check(et));

    expect(et.cell('表4', 'G20').color).toBe(ERROR_FILL_BGR);
    const h15 = et.cell('表3', 'H15');
    expect(h15.comment).toEqual({ text: expect.stringMatching(/^请财务核对=1\n\nPerfCheck 检查：\n/), author: '李会计' });
    expect(h15.color).toBe(ERROR_FILL_BGR);

    const restored = await host.clearAnnotations();
    expect(restored).toBe(annotationsFor(await check(et)).length);
    expect(et.cell('表4', 'H6')).toMatchObject({ pattern: XL_NONE, colorIndex: XL_NONE, color: WHITE, comment: null });
    expect(et.cell('表4', 'G20')).toMatchObject({ pattern: XL_SOLID, colorIndex: 2, color: WHITE, comment: null });
    expect(et.cell('表3', 'H15')).toMatchObject({ color: 0x00ffff, comment: { text: '请财务核对=1', author: '李会计' } });
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
    expect(await host.clearAnnotations()).toBe(0);
  });

  test('the records survive save and reopen', async () => {
    const et = await qingpu();
    et.edit('表3', 'H15', { comment: { text: '001', author: '李会计' } });
    const original = et.serialize();
    await createWpsHost(et.application).annotate(await check(et));

    const reopened = FakeEt.open(et.serialize());
    expect(reopened.cell('表4', 'H6').color).toBe(ERROR_FILL_BGR);
    const host = createWpsHost(reopened.application);
    expect(await host.clearAnnotations()).toBeGreaterThan(0);
    // A comment of `001` is still text, not the number 1.
    expect(reopened.cell('表3', 'H15').comment?.text).toBe('001');
    expect(FakeEt.changes(original, reopened.serialize())).toEqual([]);
  });

  test('checking again does not stack fills or notes, and unmarks cells fixed since', async () => {
    const et = await qingpu();
    et.edit('表3', 'H15', { comment: { text: '用户批注', author: '李会计' } });
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const findings = await check(et);
    await host.annotate(findings);
    const once = et.serialize();
    await host.annotate(findings);
    expect(FakeEt.changes(once, et.serialize())).toEqual([]);
    expect(et.cell('表3', 'H15').comment!.text.split('PerfCheck 检查：')).toHaveLength(2);

    // 表4!H6 fixed by hand: the next check no longer reports it, so it goes back to no fill.
    await host.annotate(findings.filter((f) => !(f.sheet === '表4' && f.cell === 'H6')));
    expect(et.cell('表4', 'H6')).toMatchObject({ pattern: XL_NONE, comment: null });
    expect(et.cell('表4', 'G20').color).toBe(ERROR_FILL_BGR);
    await host.clearAnnotations();
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a protected sheet: a Chinese protected error and nothing changed', async () => {
    const et = await qingpu();
    et.sheet('表4').protect = true;
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const error = await host.annotate(await check(et)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ reason: 'protected', message: expect.stringContaining('工作表“表4”受保护') });
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a protected workbook structure: nothing changed', async () => {
    const et = await qingpu();
    et.book.protectStructure = true;
    const original = et.serialize();
    await expect(createWpsHost(et.application).annotate(await check(et))).rejects.toMatchObject({ reason: 'protected' });
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a call failing half way puts every cell and the records back', async () => {
    const et = await qingpu();
    et.edit('表3', 'H15', { comment: { text: '用户批注', author: '李会计' } });
    const host = createWpsHost(et.application);
    const findings = await check(et);
    const original = et.serialize();
    et.failAt = { member: 'Interior.Color', kind: 'set', after: 2 };
    await expect(host.annotate(findings)).rejects.toMatchObject({ reason: 'unknown', message: expect.stringContaining('已恢复原样') });
    et.failAt = null;
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);

    // And when re-marking an already marked workbook fails, the previous marks stay.
    await host.annotate(findings);
    const marked = et.serialize();
    et.failAt = { member: 'Interior.Color', kind: 'set', after: 2 };
    await expect(host.annotate(findings.filter((f) => f.cell !== 'H6'))).rejects.toBeInstanceOf(HostError);
    et.failAt = null;
    expect(FakeEt.changes(marked, et.serialize())).toEqual([]);
    expect(await H6_NOTE(et)).toBe(et.cell('表4', 'H6').comment?.text);
  });
});

describe('selecting and the 检查结果 sheet', () => {
  test('select activates the other sheet and selects the cell', async () => {
    const et = await qingpu();
    const host = createWpsHost(et.application);
    await host.select('表4', 'H6');
    expect(et.book.sheets[et.book.active].name).toBe('表4');
    expect(et.selection).toEqual({ sheet: '表4', address: 'H6' });
    await host.select('表1', 'B3');
    expect(et.selection).toEqual({ sheet: '表1', address: 'B3' });
    await expect(host.select('不存在', 'A1')).rejects.toMatchObject({ reason: 'no-sheet' });
  });

  test('writes one row per finding with a link to its cell, and rewrites without stacking', async () => {
    const et = await qingpu();
    const host = createWpsHost(et.application);
    const result = checkWorkbook(await host.readSheets((await host.sheets()).names));
    const projects = new Map(result.forms.map((r) => [r.form.id, r.form.project?.value ?? '']));
    const rows = reportRows(result.findings, projects);
    await host.writeReport(rows);
    await host.writeReport(rows);

    const report = et.sheet(REPORT_SHEET);
    expect(REPORT_HEADER.map((_, c) => et.cell(REPORT_SHEET, `${String.fromCharCode(65 + c)}1`).value)).toEqual([...REPORT_HEADER]);
    const h6 = rows.findIndex((r) => r.sheet === '表4' && r.cell === 'H6');
    const line = h6 + 2;
    expect(et.cell(REPORT_SHEET, `C${line}`).value).toBe('FUND_SCORE_MISMATCH');
    expect(et.cell(REPORT_SHEET, `G${line}`).value).toBe('青浦区劳模创新工作室创建');
    // Expected values stay the text the finding gives (8.27), not a number.
    expect(et.cell(REPORT_SHEET, `I${line}`).value).toBe(rows[h6].expected);
    expect(typeof et.cell(REPORT_SHEET, `I${line}`).value).toBe('string');
    expect(report.links).toHaveLength(rows.length);
    expect(report.links[h6]).toEqual({ anchor: `F${line}`, subAddress: "'表4'!H6", text: 'H6' });
    expect(et.cell(REPORT_SHEET, `A${rows.length + 2}`).value).toBeNull();
    expect(et.book.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
  });

  test('never overwrites a sheet of the user’s that happens to be called 检查结果', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const et = FakeEt.fromGrids([...grids, { sheet: REPORT_SHEET, top: 0, left: 0, cells: [[{ value: '我的记录', text: '我的记录' }]] }]);
    const original = et.serialize();
    await expect(createWpsHost(et.application).writeReport([])).rejects.toMatchObject({ message: expect.stringContaining('不是 PerfCheck 生成的') });
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });
});
