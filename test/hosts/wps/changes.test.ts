import { annotationsFor } from '../../../src/core/annotations';
import { blankForm } from '../../../src/core/blankForm';
import { checkWorkbook } from '../../../src/core/engine';
import { Finding } from '../../../src/core/findings';
import { fixWorkbook } from '../../../src/core/fixAll';
import { fixWrite } from '../../../src/core/fixes';
import { workbookFormulas } from '../../../src/core/formFormulas';
import { Grid, parseAddress } from '../../../src/core/grid';
import { HostError, WorkbookChange } from '../../../src/hosts/host';
import { createWpsHost } from '../../../src/hosts/wps';
import { fixtureXlsx } from '../../core/fixtures';
import { provinceTsv } from '../../core/provinces';
import { qingpuGrids, stackedSheet } from '../excel/fixtures';
import { DEFAULT_BUILD, FakeEt } from './fakeEt';

/**
 * 改正 / 全部改正 / 撤销改正 / 改为公式 through the WPS host, on the 青浦 2024 and 宝山 2022
 * self-evaluation workbooks in the WPS fake.
 */

const RECORDS = '__perfcheck';
/** SEVERITY_FILL.error #FFC7CE in BGR. */
const ERROR_FILL_BGR = 0xcec7ff;

type Fixture = 'qingpu-2024-self-eval' | 'tangxi-2022-1';

/** A fixture as WPS opens it: 青浦 2024 (.xlsx, numbers in their formats) or 汤溪 2022 (a province form, every cell text). */
async function grids(name: Fixture): Promise<Grid[]> {
  return name === 'tangxi-2022-1' ? [provinceTsv(name)] : fixtureXlsx(name);
}

async function workbook(name: Fixture = 'qingpu-2024-self-eval'): Promise<FakeEt> {
  return FakeEt.fromGrids(await grids(name));
}

/** What the pane does: reads every sheet through the host and checks it. */
async function read(et: FakeEt): Promise<{ grids: Grid[]; findings: Finding[] }> {
  const host = createWpsHost(et.application);
  const grids = await host.readSheets((await host.sheets()).names);
  return { grids, findings: checkWorkbook(grids).findings };
}

const fixable = (findings: Finding[]) => findings.filter((f) => f.fix).map((f) => `${f.sheet}!${f.cell} ${f.code}`);

/** 全部改正 as the pane asks it: every change with the text the cell showed when checked. */
async function fixAll(et: FakeEt): Promise<WorkbookChange> {
  const { changes } = fixWorkbook((await read(et)).grids);
  return { writes: changes.map((c) => c.write), rules: [], shown: changes.map((c) => c.before) };
}

/** The differences between two saved states, leaving out the records sheet. */
const formChanges = (before: string, after: string) => FakeEt.changes(before, after).filter((l) => !l.startsWith(RECORDS) && !l.includes(`sheet ${RECORDS}`));


/** The records sheet as the released version wrote it: the header 工作表…批注 and one row a mark in A–G, nothing beyond. */
function asReleasedVersionWroteIt(et: FakeEt): void {
  const records = et.sheet(RECORDS);
  records.cells = Object.fromEntries(Object.entries(records.cells).filter(([k]) => Number(k.split(',')[1]) <= 7));
}
describe('改正 and 全部改正', () => {
  test('fix one: 青浦 表4!H6 gets 8.27 in its own 0.00 format, its finding is gone, nothing else changed', async () => {
    const et = await workbook();
    const host = createWpsHost(et.application);
    const { grids, findings } = await read(et);
    const h6 = findings.find((f) => f.sheet === '表4' && f.cell === 'H6' && f.fix)!;
    const original = et.serialize();

    const result = await host.applyChanges({ writes: [fixWrite('表4', h6.fix!)], rules: [], shown: ['8.72'] });

    expect(result).toEqual({ cells: 1, rules: 0 });
    expect(et.cell('表4', 'H6')).toMatchObject({ value: 8.27, format: '0.00', formula: null });
    expect(formChanges(original, et.serialize())).toEqual([expect.stringMatching(/^表4\[6,8\] .*"value":8\.72.* → .*"value":8\.27/)]);
    const after = (await read(et)).findings;
    expect(after.filter((f) => f.sheet === '表4' && f.cell === 'H6' && f.fix)).toEqual([]);
    expect(grids.find((g) => g.sheet === '表4')!.cells[5][7]).toMatchObject({ text: '8.72' });
    expect(await host.pendingChanges()).toBe(1);
    // The records sheet is very hidden and not offered as a sheet to check.
    expect(et.sheet(RECORDS).visible).toBe(2);
    expect((await host.sheets()).names).not.toContain(RECORDS);
  });

  test.each(['qingpu-2024-self-eval', 'tangxi-2022-1'] as const)('fix all (%s): every fixable finding gone on re-check, only the changed cells differ, undo restores all', async (name) => {
    const et = await workbook(name);
    const host = createWpsHost(et.application);
    const original = et.serialize();
    const before = (await read(et)).findings;
    const change = await fixAll(et);
    expect(change.writes.length).toBeGreaterThan(0);
    expect(fixable(before).length).toBeGreaterThan(0);

    await host.applyChanges(change);

    // Each cell holds what was written, a text as text even where it looks like a number (汤溪: 90, 100.00%).
    for (const w of change.writes) expect(et.cell(w.sheet, w.cell).value).toBe(w.kind === 'number' ? Number(w.value) : w.value);
    const after = (await read(et)).findings;
    expect(fixable(after)).toEqual([]);
    // The same findings as the engine's own corrected workbook: what only a person can decide stays.
    const expected = fixWorkbook(await grids(name)).after.findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    expect(after.map((f) => `${f.sheet}!${f.cell} ${f.code}`).sort()).toEqual([...expected].sort());
    const changed = formChanges(original, et.serialize());
    expect(changed).toHaveLength(change.writes.length);
    expect(await host.pendingChanges()).toBe(change.writes.length);

    expect(await host.undoChanges()).toBe(change.writes.length);
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
    expect(await host.pendingChanges()).toBe(0);
    expect(await host.undoChanges()).toBe(0);
  });

  test('undo after save and reopen restores every cell exactly', async () => {
    const et = await workbook();
    const original = et.serialize();
    await createWpsHost(et.application).applyChanges(await fixAll(et));

    const reopened = FakeEt.open(et.serialize());
    const host = createWpsHost(reopened.application);
    expect(await host.pendingChanges()).toBeGreaterThan(0);
    await host.undoChanges();
    expect(FakeEt.changes(original, reopened.serialize())).toEqual([]);
  });

  test('a cell changed twice keeps its first original; texts that look like numbers or formulas stay text', async () => {
    const et = await workbook();
    et.edit('表3', 'B30', { value: '001', text: '001' });
    et.edit('表3', 'C30', { value: 1.5, text: '150.00%', format: '0.00%' });
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const write = (cell: string, kind: 'number' | 'text', value: string) => ({ sheet: '表3', cell, kind, value, numberFormat: null });

    await host.applyChanges({ writes: [write('B30', 'text', '=1+1'), write('C30', 'number', '0.8'), write('D30', 'text', '2024-1-1')], rules: [] });
    await host.applyChanges({ writes: [write('B30', 'number', '7')], rules: [] });

    expect(et.cell('表3', 'B30')).toMatchObject({ value: 7, formula: null });
    expect(et.cell('表3', 'C30')).toMatchObject({ value: 0.8, format: '0.00%' });
    expect(et.cell('表3', 'D30')).toMatchObject({ value: '2024-1-1', formula: null });
    expect(await host.pendingChanges()).toBe(3);
    expect(await host.undoChanges()).toBe(3);
    expect(et.cell('表3', 'B30').value).toBe('001');
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });
});

describe('refused with nothing changed', () => {
  test('a protected sheet', async () => {
    const et = await workbook();
    const change = await fixAll(et);
    et.sheet('表4').protect = true;
    const original = et.serialize();
    const error = await createWpsHost(et.application).applyChanges(change).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ reason: 'protected', message: expect.stringContaining('工作表“表4”受保护') });
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a protected workbook structure when the records sheet must be created', async () => {
    const et = await workbook();
    const change = await fixAll(et);
    et.book.protectStructure = true;
    const original = et.serialize();
    await expect(createWpsHost(et.application).applyChanges(change)).rejects.toMatchObject({ reason: 'protected', message: expect.stringContaining('工作簿结构受保护') });
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a protected sheet at undo: the changes stay, and undo works once it is unprotected', async () => {
    const et = await workbook();
    const original = et.serialize();
    const host = createWpsHost(et.application);
    await host.applyChanges(await fixAll(et));
    et.sheet('表4').protect = true;
    const fixed = et.serialize();
    await expect(host.undoChanges()).rejects.toMatchObject({ reason: 'protected' });
    expect(FakeEt.changes(fixed, et.serialize())).toEqual([]);
    et.sheet('表4').protect = false;
    await host.undoChanges();
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a cell edited since the check (stale)', async () => {
    const et = await workbook();
    const change = await fixAll(et);
    et.edit('表4', 'G20', { value: 95, text: '95' });
    const original = et.serialize();
    const error = await createWpsHost(et.application).applyChanges(change).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'stale', message: expect.stringContaining('请重新检查后再改正') });
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });
});

describe('a failure part way', () => {
  test('while writing cells: the error says so, and 撤销改正 restores everything', async () => {
    const et = await workbook();
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const change = await fixAll(et);
    expect(change.writes.length).toBe(2);
    // The first Value2 write is the records sheet; the second cell's write fails.
    et.failAt = { member: 'Range.Value2', kind: 'set', after: 2 };
    await expect(host.applyChanges(change)).rejects.toMatchObject({ reason: 'unknown', message: expect.stringContaining('撤销改正') });
    et.failAt = null;
    expect(formChanges(original, et.serialize())).toHaveLength(1);
    expect(await host.pendingChanges()).toBe(change.writes.length);
    await host.undoChanges();
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('while undoing: what is restored is dropped from the records, running it again finishes', async () => {
    const et = await workbook();
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const change = await fixAll(et);
    await host.applyChanges(change);
    // The first cell is restored, the second fails.
    et.failAt = { member: 'Range.Value2', kind: 'set', after: 1 };
    await expect(host.undoChanges()).rejects.toMatchObject({ message: expect.stringContaining('再点一次“撤销改正”') });
    et.failAt = null;
    expect(await host.pendingChanges()).toBe(change.writes.length - 1);
    expect(await host.undoChanges()).toBe(change.writes.length - 1);
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });
});

describe('changes and highlights share the records sheet', () => {
  test('mark, fix, re-check and mark again, 清除标注, 撤销改正: each keeps the other’s records', async () => {
    const et = await workbook();
    const original = et.serialize();
    const host = createWpsHost(et.application);
    await host.annotate((await read(et)).findings);
    const change = await fixAll(et);
    await host.applyChanges(change);
    // Re-checking marks the remaining findings and unmarks the fixed cells; the change records stay.
    const remaining = (await read(et)).findings;
    await host.annotate(remaining);
    expect(await host.pendingChanges()).toBe(change.writes.length);
    expect(et.cell('表4', 'H6')).toMatchObject({ value: 8.27, comment: null, pattern: -4142 });

    expect(await host.clearAnnotations()).toBe(annotationsFor(remaining).length);
    expect(await host.pendingChanges()).toBe(change.writes.length);
    expect(et.sheet(RECORDS)).toBeDefined();
    await host.undoChanges();
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('fix, then mark, 撤销改正 keeps the marks, 清除标注 then restores the rest', async () => {
    const et = await workbook();
    const original = et.serialize();
    const host = createWpsHost(et.application);
    await host.applyChanges(await fixAll(et));
    const findings = (await read(et)).findings;
    await host.annotate(findings);
    const marked = annotationsFor(findings)[0];

    await host.undoChanges();
    expect(et.cell(marked.sheet, marked.cell).comment?.text).toContain('PerfCheck 检查：');
    expect(await host.pendingChanges()).toBe(0);
    expect(await host.clearAnnotations()).toBe(annotationsFor(findings).length);
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a records sheet the released version wrote (marks only, columns A–G) still clears and takes change records', async () => {
    const et = await workbook();
    const original = et.serialize();
    const host = createWpsHost(et.application);
    await host.annotate((await read(et)).findings);
    asReleasedVersionWroteIt(et);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => et.cell(RECORDS, `${String.fromCharCode(64 + c)}1`).value)).toEqual(['工作表', '单元格', '图案', '颜色', '颜色索引', '有批注', '批注', null]);
    expect(et.cell('表4', 'H6').color).toBe(ERROR_FILL_BGR);

    await host.applyChanges(await fixAll(et));
    await host.clearAnnotations();
    expect(await host.pendingChanges()).toBeGreaterThan(0);
    expect(et.cell('表4', 'H6')).toMatchObject({ value: 8.27, comment: null, pattern: -4142 });
    await host.undoChanges();
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('a released-version records sheet alone clears as before', async () => {
    const et = await workbook();
    const original = et.serialize();
    const host = createWpsHost(et.application);
    await host.annotate((await read(et)).findings);
    asReleasedVersionWroteIt(et);
    expect(await host.pendingChanges()).toBe(0);
    expect(await host.clearAnnotations()).toBeGreaterThan(0);
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });
});

describe('改为公式', () => {
  async function formulas(et: FakeEt): Promise<WorkbookChange> {
    const { grids } = await read(et);
    return workbookFormulas(checkWorkbook(grids), grids);
  }

  test('writes the formulas and the rules, keeps them across save and reopen; undo removes exactly them', async () => {
    const et = await workbook();
    // A rule of the user's own on cells PerfCheck also formats, and the user's place in the workbook.
    et.sheet('表4').conditions.push({ appliesTo: 'G13:G19', type: 2, formula1: '=G13=0', anchor: '表4!G13', color: 0x00ff00 });
    await createWpsHost(et.application).select('表3', 'C5');
    const original = et.serialize();
    const change = await formulas(et);
    expect(change.rules.length).toBeGreaterThan(0);

    const result = await createWpsHost(et.application).applyChanges(change);
    expect(result).toEqual({ cells: change.writes.length, rules: change.rules.length });
    for (const w of change.writes) expect(et.cell(w.sheet, w.cell).formula).toBe(`=${w.value}`);
    expect(et.cell('表4', 'H6').formula).toMatch(/^=IF\(D6=0,"",.*E6\/D6/);
    expect(et.cell('表4', 'G20').formula).toContain('SUM(G13:G19,H6)');
    const mine = et.sheet('表4').conditions.filter((c) => c.color !== 0x00ff00);
    expect(mine).toContainEqual({
      appliesTo: 'G13:G19',
      type: 2,
      formula1: '=AND(ISNUMBER(G13),ISNUMBER(F13),G13<F13,LEN(TRIM(H13))=0)',
      // Relative to the range's top-left cell, as the core meant it.
      anchor: '表4!G13',
      color: 0x9cebff,
    });
    for (const c of mine) expect(c.anchor).toBe(`表4!${c.appliesTo.split(':')[0]}`);
    // The user is where they were.
    expect(et.book.sheets[et.book.active].name).toBe('表3');
    expect(et.sheet('表3').selected).toBe('C5');

    // Applied again: no rule stacks.
    await createWpsHost(et.application).applyChanges(change);
    expect(et.sheet('表4').conditions).toHaveLength(mine.length + 1);

    const reopened = FakeEt.open(et.serialize());
    expect(reopened.sheet('表4').conditions).toEqual(et.sheet('表4').conditions);
    expect(reopened.cell('表4', 'G20').formula).toBe(et.cell('表4', 'G20').formula);
    await createWpsHost(reopened.application).select('表3', 'C5');
    await createWpsHost(reopened.application).undoChanges();
    expect(FakeEt.changes(original, reopened.serialize())).toEqual([]);
    expect(reopened.sheet('表4').conditions).toEqual([{ appliesTo: 'G13:G19', type: 2, formula1: '=G13=0', anchor: '表4!G13', color: 0x00ff00 }]);
  });
});

/** How many runs of consecutive rows in one column of one sheet the cells (`sheet!A1`) make. */
function columnRuns(cells: string[]): number {
  const at = cells.map((c) => {
    const [sheet, a1] = c.split('!');
    const { row, col } = parseAddress(a1);
    return { sheet, row, col };
  });
  at.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row);
  return at.filter((c, i) => i === 0 || c.sheet !== at[i - 1].sheet || c.col !== at[i - 1].col || c.row !== at[i - 1].row + 1).length;
}

describe('how the object model is used', () => {
  test('a formula for a cell formatted as text is written as a formula, and the text format comes back with undo', async () => {
    const et = await workbook();
    et.edit('表4', 'G20', { format: '@' });
    const original = et.serialize();
    const host = createWpsHost(et.application);
    await host.applyChanges({ writes: [{ sheet: '表4', cell: 'G20', kind: 'formula', value: 'SUM(G13:G19,H6)', numberFormat: null }], rules: [] });
    expect(et.cell('表4', 'G20')).toMatchObject({ formula: '=SUM(G13:G19,H6)', format: 'General' });
    await host.undoChanges();
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });

  test('the records sheet is read once and written once per action, whatever the number of cells', async () => {
    const et = await workbook();
    const host = createWpsHost(et.application);
    const { grids } = await read(et);
    const change = workbookFormulas(checkWorkbook(grids), grids);
    // Highlights first, so the records sheet exists and holds marks to read.
    await host.annotate(checkWorkbook(grids).findings);
    et.calls.length = 0;
    await host.applyChanges(change);
    // The records block is the one Value2 write 13 columns wide; formulas are written a run of a column at a time.
    expect(et.count('Range.Value2', 'set', 13)).toBe(1);
    expect(et.count('Worksheet.UsedRange', 'get')).toBe(1);
    expect(et.count('Range.Formula', 'set')).toBe(columnRuns(change.writes.map((w) => `${w.sheet}!${w.cell}`)));
    expect(columnRuns(change.writes.map((w) => `${w.sheet}!${w.cell}`))).toBeLessThan(change.writes.length);
    et.calls.length = 0;
    await host.undoChanges();
    expect(et.count('Worksheet.UsedRange', 'get')).toBe(1);
  });
});

describe('插入空白自评表', () => {
  test('at the active cell: labels, formulas and rules in place, read back as one form; undo leaves the sheet empty', async () => {
    const et = FakeEt.fromGrids([...(await fixtureXlsx('qingpu-2024-self-eval')), { sheet: '新表', top: 0, left: 0, cells: [] }]);
    const host = createWpsHost(et.application);
    await host.select('新表', 'B3');
    const original = et.serialize();
    const { sheet, cell } = await host.activeCell();
    const form = blankForm(sheet, cell);

    expect(await host.applyChanges({ writes: form.writes, rules: form.rules })).toEqual({ cells: form.writes.length, rules: form.rules.length });

    for (const w of form.writes) {
      const written = et.cell('新表', w.cell);
      if (w.kind === 'formula') expect(written.formula).toBe(`=${w.value}`);
      else expect(written.value).toBe(w.kind === 'number' ? Number(w.value) : w.value);
    }
    const conditions = et.sheet('新表').conditions;
    expect(conditions).toHaveLength(form.rules.length);
    for (const c of conditions) expect(c.anchor).toBe(`新表!${c.appliesTo.split(':')[0]}`);
    // The form reads as one self-evaluation form through the host, the user still at B3.
    const [grid] = await host.readSheets(['新表']);
    expect(checkWorkbook([grid]).forms.map((f) => f.form.kind)).toEqual(['self-eval']);
    expect(await host.activeCell()).toEqual({ sheet: '新表', cell: 'B3' });

    expect(await host.undoChanges()).toBe(form.writes.length);
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
  });
});

describe('the active cell', () => {
  test('is the active sheet and the top-left cell of its selection', async () => {
    const et = await workbook();
    const host = createWpsHost(et.application);
    expect(await host.activeCell()).toEqual({ sheet: '表1', cell: 'A1' });
    await host.select('表4', 'B3');
    expect(await host.activeCell()).toEqual({ sheet: '表4', cell: 'B3' });
  });
});

describe('calls grow with runs and blocks, not cells', () => {
  /**
   * 改为公式 on `count` stacked 青浦 forms, then 撤销改正: the calls of each, by member (the
   * records sheet is new, so none of its reads; undo removes it, so none of its writes).
   */
  async function stacked(count: number) {
    const et = FakeEt.fromGrids([stackedSheet(await qingpuGrids(), count)]);
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const { grids } = await read(et);
    const change = workbookFormulas(checkWorkbook(grids), grids);
    et.calls.length = 0;
    await host.applyChanges(change);
    const reads = ['Range.Value2', 'Range.Formula', 'Range.HasFormula', 'Range.NumberFormat'].reduce((n, m) => n + et.count(m, 'get'), 0);
    const formulaWrites = et.count('Range.Formula', 'set');
    et.calls.length = 0;
    await host.undoChanges();
    const restores = et.count('Range.Value2', 'set') + et.count('Range.Formula', 'set') + et.count('Range.ClearContents', 'call');
    const formatWrites = et.count('Range.NumberFormat', 'set');
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
    return { cells: change.writes.length, runs: columnRuns(change.writes.map((w) => `${w.sheet}!${w.cell}`)), reads, formulaWrites, restores, formatWrites };
  }

  test('改为公式 and 撤销改正 on 10 and 100 stacked forms: reads and format writes by unions, one content write a run', async () => {
    const ten = await stacked(10);
    const hundred = await stacked(100);
    expect(hundred.cells).toBe(10 * ten.cells);
    // One write a run of a column, for writing and for restoring, fewer than the cells.
    for (const n of [ten, hundred]) {
      expect(n.formulaWrites).toBe(n.runs);
      expect(n.restores).toBe(n.runs);
      expect(n.runs).toBeLessThan(n.cells);
    }
    // Reading the originals and restoring their formats go by columns and unions of runs (an address
    // holds some 40 runs): a tenth of the calls a run would cost.
    expect(hundred.reads).toBeLessThan(hundred.runs / 10);
    expect(hundred.formatWrites).toBeLessThan(hundred.runs / 10);
  });

  /**
   * A column of `count` cells on 表4 of 青浦 (K40 down) holding what a person leaves in a
   * form: numbers in a percent format, texts that look like numbers or formulas; each
   * cell gets a number (全部改正) with the text it showed, then 撤销改正.
   */
  async function column(count: number) {
    const et = await workbook();
    const cells = Array.from({ length: count }, (_, i) => `K${40 + i}`);
    cells.forEach((cell, i) => et.edit('表4', cell, i % 3 === 0 ? { value: '001', text: '001', format: '0.00%' } : i % 3 === 1 ? { value: 0.5, text: '50.00%', format: '0.00%' } : { value: '=1+1', text: '=1+1', format: '0.00%' }));
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const shown = cells.map((cell) => et.cell('表4', cell).text);
    et.calls.length = 0;
    await host.applyChanges({ writes: cells.map((cell, i) => ({ sheet: '表4', cell, kind: 'number', value: String(i / 100), numberFormat: null })), rules: [], shown });
    const applyCalls = et.calls.length;
    cells.forEach((cell, i) => expect(et.cell('表4', cell)).toMatchObject({ value: i / 100, formula: null, format: '0.00%' }));
    et.calls.length = 0;
    expect(await host.undoChanges()).toBe(count);
    expect(FakeEt.changes(original, et.serialize())).toEqual([]);
    return { applyCalls, undoCalls: et.calls.length };
  }

  test('全部改正 and 撤销改正 of one column run: the same calls for 10 cells as for 100', async () => {
    const ten = await column(10);
    const hundred = await column(100);
    expect(hundred).toEqual(ten);
  });

  test.each([
    ['', DEFAULT_BUILD],
    [' (a build answering Formula of a range with one string)', { ...DEFAULT_BUILD, formulaOfRange: 'string' } as const],
  ])('a run mixing formulas, texts that read as formulas or numbers, booleans, blanks and formats comes back exactly%s', async (_, build) => {
    const et = FakeEt.fromGrids(await grids('qingpu-2024-self-eval'), build);
    const contents: Partial<Parameters<FakeEt['edit']>[2]>[] = [
      { value: 12, formula: '=SUM(G13:G19)', text: '12', format: '0.00' },
      { value: '=x', text: '=x' },
      { value: '001', text: '001', format: '@' },
      { value: true, text: 'TRUE' },
      {},
      { value: 0.25, text: '25%', format: '0%' },
      { value: 'a', formula: '="a"', text: 'a' },
      { value: '=SUM(A1)', text: '=SUM(A1)' },
    ];
    contents.forEach((c, i) => et.edit('表4', `L${40 + i}`, c));
    const original = et.serialize();
    const host = createWpsHost(et.application);
    const writes = contents.map((_, i) => ({ sheet: '表4', cell: `L${40 + i}`, kind: 'formula' as const, value: `K${40 + i}*2`, numberFormat: null }));
    await host.applyChanges({ writes, rules: [] });
    for (const w of writes) expect(et.cell('表4', w.cell).formula).toBe(`=${w.value}`);
    // The text cell (`@`) got General so that its formula calculates.
    expect(et.cell('表4', 'L42').format).toBe('General');
    expect(await host.undoChanges()).toBe(contents.length);
    // The formulas come back as formulas; the fake does not calculate, so their values stay to be recalculated.
    expect(et.cell('表4', 'L40')).toMatchObject({ formula: '=SUM(G13:G19)', format: '0.00' });
    expect(et.cell('表4', 'L46')).toMatchObject({ formula: '="a"', format: 'General' });
    expect(FakeEt.changes(original, et.serialize()).filter((l) => !/^表4\[4[06],12\]/.test(l))).toEqual([]);
  });
});
