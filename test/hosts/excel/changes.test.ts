import { blankForm } from '../../../src/core/blankForm';
import { CellWrite } from '../../../src/core/cellWrite';
import { checkWorkbook, WorkbookResult } from '../../../src/core/engine';
import { fixWorkbook } from '../../../src/core/fixAll';
import { fixWrite } from '../../../src/core/fixes';
import { workbookFormulas } from '../../../src/core/formFormulas';
import { Cell, cellAt, columnName, Grid, parseAddress } from '../../../src/core/grid';
import { createExcelHost } from '../../../src/hosts/excel';
import { SYNC_BUDGET } from '../../../src/hosts/excel/payload';
import { SNAPSHOT_SHEET } from '../../../src/hosts/excel/snapshot';
import { Host, HostError, WorkbookChange } from '../../../src/hosts/host';
import { FakeCell, FakeConditionalFormat, FakeExcel, FakeWorkbookState } from './fakeOffice';
import { evaluate } from '../../core/formulaEngine';
import { qingpuGrids } from './fixtures';

/** A copy of the grids with cells replaced, as an accountant typing into the form leaves them. */
function typed(grids: Grid[], edits: [string, string, Cell | null][]): Grid[] {
  return grids.map((g) => {
    const mine = edits.filter(([sheet]) => sheet === g.sheet);
    if (mine.length === 0) return g;
    const cells = g.cells.map((r) => (r ? [...r] : []));
    for (const [, a1, cell] of mine) {
      const { row, col } = parseAddress(a1);
      cells[row - g.top][col - g.left] = cell;
    }
    return { ...g, cells };
  });
}

/** 青浦 2024 with more slips: a wrong 执行率, a wrong 等级 (text) and a wrong 总分, beside 表4's 资金得分. */
async function slippedGrids(): Promise<Grid[]> {
  return typed(await qingpuGrids(), [
    ['表2', 'G6', { value: 90, text: '90.00', format: '0.00' }],
    ['表1', 'B22', { value: '良', text: '良' }],
    ['表5', 'G23', { value: 95, text: '95.00', format: '0.00' }],
  ]);
}

/** What each cell showed when the form was checked, as the pane passes it. */
function shownIn(grids: Grid[], writes: CellWrite[]): string[] {
  return writes.map((w) => {
    const g = grids.find((x) => x.sheet === w.sheet)!;
    const { row, col } = parseAddress(w.cell);
    return cellAt(g, row - g.top, col - g.left).text;
  });
}

/** Every stored property of every cell and rule the user sees (not the displayed text, which the fake derives from them). */
function content(state: FakeWorkbookState, without: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of state.sheets) {
    if (sheet.name === SNAPSHOT_SHEET) continue;
    out[`${sheet.name} rules`] = sheet.conditionalFormats ?? [];
    for (const [key, cell] of Object.entries(sheet.cells)) {
      const [r, c] = key.split(',').map(Number);
      const address = `${sheet.name}!${columnName(c)}${r + 1}`;
      if (without.includes(address)) continue;
      // A General cell with nothing in it is no different from a cell never touched.
      const { value, format, text: _shown, ...other } = cell;
      if (value === null && (format ?? 'General') === 'General' && Object.values(other).every((v) => v === undefined)) continue;
      // A cell without a format of its own is General, as Excel reports it.
      const { text: _text, ...rest } = cell;
      out[address] = JSON.parse(JSON.stringify({ ...rest, format: cell.format ?? 'General' }));
    }
  }
  return out;
}

/** The workbook read back through the host and checked, as the pane does after a change. */
async function recheck(host: Host): Promise<WorkbookResult> {
  const { names } = await host.sheets();
  return checkWorkbook(await host.readSheets(names));
}

async function fixAllChange(grids: Grid[]): Promise<WorkbookChange> {
  const writes = fixWorkbook(grids).changes.map((c) => c.write);
  return { writes, rules: [], shown: shownIn(grids, writes) };
}

describe('Excel host: 改正 and 全部改正', () => {
  test('改正 writes the fixed value in the cell\'s own format; the finding is gone on re-check and nothing else changed', async () => {
    const grids = await qingpuGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = fake.save();
    const host = createExcelHost(fake.api());
    const finding = checkWorkbook(grids).findings.find((f) => f.sheet === '表4' && f.cell === 'H6' && f.fix)!;
    const write = fixWrite('表4', finding.fix!);
    const format = fake.cell('表4', 'H6').format;

    expect(await host.applyChanges({ writes: [write], rules: [], shown: ['8.72'] })).toEqual({ cells: 1, rules: 0 });
    expect(fake.cell('表4', 'H6')).toMatchObject({ value: 8.27, format });
    const after = await recheck(host);
    expect(after.findings.filter((f) => f.sheet === '表4' && f.cell === 'H6' && f.fix)).toEqual([]);
    expect(content(fake.state, ['表4!H6'])).toEqual(content(JSON.parse(before), ['表4!H6']));
    expect(fake.sheet(SNAPSHOT_SHEET).visibility).toBe('VeryHidden');
    expect(await host.pendingChanges()).toBe(1);
  });

  test('全部改正: every fixable finding is gone on re-check, the others stay, only the fixed cells changed', async () => {
    const grids = await slippedGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    const change = await fixAllChange(grids);
    const changed = change.writes.map((w) => `${w.sheet}!${w.cell}`);
    expect(changed).toEqual(expect.arrayContaining(['表1!B22', '表2!G6', '表4!H6', '表4!G20', '表5!G23']));

    await host.applyChanges(change);
    const original = checkWorkbook(grids).findings;
    const after = await recheck(host);
    expect(after.findings.filter((f) => f.fix)).toEqual([]);
    const key = (f: { sheet: string; cell: string; code: string }) => `${f.sheet}!${f.cell} ${f.code}`;
    expect(after.findings.map(key).sort()).toEqual(original.filter((f) => !f.fix).map(key).sort());
    expect(content(fake.state, changed)).toEqual(content(before, changed));
    // 等级 is text, written as text in its own format.
    expect(fake.cell('表1', 'B22')).toMatchObject({ value: '优', format: before.sheets[0].cells['21,1']?.format ?? 'General' });
    expect(await host.pendingChanges()).toBe(change.writes.length);
  });

  test('撤销改正 restores every cell exactly and removes the snapshot sheet when no highlight remains', async () => {
    const grids = await slippedGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    const change = await fixAllChange(grids);
    const names = ['表1', '表2', '表3', '表4', '表5'];
    const read = await host.readSheets(names);
    await host.applyChanges(change);
    expect(await host.undoChanges()).toBe(change.writes.length);
    expect(content(fake.state)).toEqual(content(before));
    expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
    // Read back through Office.js: the same values, displayed texts and formats as before.
    expect(await host.readSheets(names)).toEqual(read);
    expect(await host.pendingChanges()).toBe(0);
    expect(await host.undoChanges()).toBe(0);
  });

  test('撤销改正 after saving, closing and reopening the workbook', async () => {
    const grids = await slippedGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const change = await fixAllChange(grids);
    await createExcelHost(fake.api()).applyChanges(change);

    const reopened = FakeExcel.open(fake.save());
    const host = createExcelHost(reopened.api());
    expect(await host.pendingChanges()).toBe(change.writes.length);
    expect(await host.undoChanges()).toBe(change.writes.length);
    expect(content(reopened.state)).toEqual(content(before));
    expect(reopened.state.sheets.some((s) => s.name === SNAPSHOT_SHEET)).toBe(false);
  });

  test('a text that looks like a number, a text starting with "=", a formula and a blank all come back as they were', async () => {
    const grids = await qingpuGrids();
    const fake = FakeExcel.fromGrids(grids);
    Object.assign(fake.cell('表4', 'H6'), { value: '8.72', text: '8.72', format: 'General' });
    Object.assign(fake.cell('表4', 'G20'), { value: null, formula: '=SUM(G13:G19,H6)', format: '0.00' });
    Object.assign(fake.cell('表4', 'B21'), { value: '=优', text: '=优', format: '@' });
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    const writes: CellWrite[] = [
      { sheet: '表4', cell: 'H6', kind: 'number', value: '8.27', numberFormat: null },
      { sheet: '表4', cell: 'G20', kind: 'number', value: '96.07', numberFormat: null },
      { sheet: '表4', cell: 'B21', kind: 'text', value: '良', numberFormat: null },
      // A text that Excel would take for a number or a formula if typed into a General cell.
      { sheet: '表4', cell: 'K30', kind: 'text', value: '=1+1', numberFormat: null },
      { sheet: '表4', cell: 'K31', kind: 'text', value: '0123', numberFormat: null },
    ];
    await host.applyChanges({ writes, rules: [] });
    expect(fake.cell('表4', 'G20')).toMatchObject({ value: 96.07, format: '0.00' });
    expect(fake.cell('表4', 'G20').formula).toBeUndefined();
    expect(fake.cell('表4', 'K30')).toMatchObject({ value: '=1+1', format: 'General' });
    expect(fake.cell('表4', 'K31')).toMatchObject({ value: '0123', format: 'General' });

    expect(await host.undoChanges()).toBe(5);
    expect(content(fake.state)).toEqual(content(before));
  });

  test('a formula written into a Text-formatted cell is a formula, not its text, and the cell keeps its format', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    Object.assign(fake.cell('表4', 'G20'), { value: '96.52', text: '96.52', format: '@' });
    const host = createExcelHost(fake.api());
    await host.applyChanges({ writes: [{ sheet: '表4', cell: 'G20', kind: 'formula', value: 'SUM(G13:G19,H6)', numberFormat: null }], rules: [] });
    expect(fake.cell('表4', 'G20')).toMatchObject({ formula: '=SUM(G13:G19,H6)', format: '@', value: null });
    await host.undoChanges();
    expect(fake.cell('表4', 'G20')).toMatchObject({ value: '96.52', format: '@' });
    expect(fake.cell('表4', 'G20').formula).toBeUndefined();
  });
});

describe('Excel host: changes with highlights', () => {
  test('标注 → 全部改正 → 标注 again → 清除标注 → 撤销改正: each keeps the other\'s records; the workbook ends as it began', async () => {
    const grids = await slippedGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    await host.annotate(checkWorkbook(grids).findings);
    const change = await fixAllChange(grids);
    await host.applyChanges(change);
    // The pane checks again and marks what is left: the change records stay.
    const after = await recheck(host);
    await host.annotate(after.findings);
    expect(await host.pendingChanges()).toBe(change.writes.length);
    // A fixed cell is no longer a finding: its highlight is gone, its fixed value stays.
    expect(fake.cell('表4', 'H6').fill).toBeUndefined();
    expect(fake.cell('表4', 'H6').value).toBe(8.27);

    expect(await host.clearAnnotations()).toBe(after.findings.filter((f) => f.form !== null).length);
    expect(fake.cell('表4', 'H6').value).toBe(8.27);
    expect(fake.sheet(SNAPSHOT_SHEET).visibility).toBe('VeryHidden');
    expect(await host.pendingChanges()).toBe(change.writes.length);

    expect(await host.undoChanges()).toBe(change.writes.length);
    expect(content(fake.state)).toEqual(content(before));
    expect(fake.state.sheets.some((s) => s.name === SNAPSHOT_SHEET)).toBe(false);
  });

  test('全部改正 → 标注 → 撤销改正 keeps the highlights; 清除标注 then restores them and removes the sheet', async () => {
    const grids = await slippedGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    await host.applyChanges(await fixAllChange(grids));
    const { findings } = await recheck(host);
    await host.annotate(findings);
    const marked = findings.find((f) => f.code === 'MISSING_DEVIATION_REASON')!;
    const fill = fake.cell(marked.sheet, marked.cell).fill;
    expect(fill).toBeDefined();

    await host.undoChanges();
    expect(fake.cell('表4', 'H6').value).toBe(8.72);
    expect(fake.cell(marked.sheet, marked.cell).fill).toEqual(fill);
    expect(await host.pendingChanges()).toBe(0);

    await host.clearAnnotations();
    expect(content(fake.state)).toEqual(content(before));
    expect(fake.state.sheets.some((s) => s.name === SNAPSHOT_SHEET)).toBe(false);
  });

  test('a snapshot written by the released version (highlights only, v1) still clears, beside new change records', async () => {
    const grids = await qingpuGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    // What PerfCheck 0.1 left after marking 表4!H6: the mark, and its original in its own row format.
    Object.assign(fake.cell('表4', 'H6'), {
      fill: { color: '#FFC7CE', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 },
      note: 'PerfCheck 检查提示：资金得分与重新计算的结果不符',
    });
    const v1 = fake.addSheet(SNAPSHOT_SHEET);
    v1.visibility = 'VeryHidden';
    const rows = [
      ['PerfCheck 标注前的原始格式（清除标注时使用，请勿修改）', 'v1', '', ''],
      ['表4', 'H6', '{"none":true}', '{"kind":"note","original":null}'],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => (v1.cells[`${r},${c}`] = { value: v === '' ? null : v, format: '@' })));

    const host = createExcelHost(fake.api());
    await host.applyChanges({ writes: [{ sheet: '表4', cell: 'G20', kind: 'number', value: '96.07', numberFormat: null }], rules: [], shown: ['96.52'] });
    expect(await host.pendingChanges()).toBe(1);
    expect(await host.clearAnnotations()).toBe(1);
    expect(fake.cell('表4', 'H6').fill).toBeUndefined();
    expect(fake.cell('表4', 'H6').note).toBeUndefined();
    expect(fake.cell('表4', 'G20').value).toBe(96.07);
    expect(await host.undoChanges()).toBe(1);
    expect(content(fake.state)).toEqual(content(before));
    expect(fake.state.sheets.some((s) => s.name === SNAPSHOT_SHEET)).toBe(false);
  });
});

describe('Excel host: refusals and failures', () => {
  const h6: CellWrite = { sheet: '表4', cell: 'H6', kind: 'number', value: '8.27', numberFormat: null };

  test('a protected sheet: refused in plain Chinese, nothing changed', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    fake.sheet('表4').protected = true;
    const before = fake.save();
    const err = await createExcelHost(fake.api()).applyChanges({ writes: [h6], rules: [], shown: ['8.72'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ reason: 'protected', message: expect.stringMatching(/“表4”受保护.*没有做任何修改/) });
    expect(fake.save()).toBe(before);
  });

  test('a protected workbook structure: refused when the snapshot sheet must be created, allowed when it exists', async () => {
    const grids = await qingpuGrids();
    const fake = FakeExcel.fromGrids(grids);
    fake.state.structureProtected = true;
    const before = fake.save();
    const host = createExcelHost(fake.api());
    await expect(host.applyChanges({ writes: [h6], rules: [] })).rejects.toMatchObject({ reason: 'protected', message: expect.stringMatching(/工作簿结构受保护/) });
    expect(fake.save()).toBe(before);

    fake.state.structureProtected = false;
    await host.annotate(checkWorkbook(grids).findings);
    fake.state.structureProtected = true;
    await host.applyChanges({ writes: [h6], rules: [] });
    expect(fake.cell('表4', 'H6').value).toBe(8.27);
  });

  test('撤销改正 on a protected sheet, or when the snapshot sheet must go under a protected structure: refused, nothing changed', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    const host = createExcelHost(fake.api());
    await host.applyChanges({ writes: [h6], rules: [], shown: ['8.72'] });
    const changed = fake.save();
    fake.sheet('表4').protected = true;
    await expect(host.undoChanges()).rejects.toMatchObject({ reason: 'protected', message: expect.stringMatching(/“表4”受保护/) });
    fake.sheet('表4').protected = false;
    expect(fake.save()).toBe(changed);
    fake.state.structureProtected = true;
    await expect(host.undoChanges()).rejects.toMatchObject({ reason: 'protected', message: expect.stringMatching(/工作簿结构受保护/) });
    fake.state.structureProtected = false;
    expect(fake.save()).toBe(changed);
    expect(await host.pendingChanges()).toBe(1);
  });

  test('a cell edited since the check: refused as stale, nothing changed', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    fake.cell('表4', 'H6').text = '9.00';
    fake.cell('表4', 'H6').value = 9;
    const before = fake.save();
    const err = await createExcelHost(fake.api()).applyChanges({ writes: [h6], rules: [], shown: ['8.72'] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'stale', message: expect.stringContaining('请重新检查后再改正') });
    expect(fake.save()).toBe(before);
  });

  test('a failure part-way through the writes: the message says 撤销改正 restores them, and it does', async () => {
    const grids = await slippedGrids();
    const change = await fixAllChange(grids);
    // How many commands the whole action runs, on a copy.
    const dry = FakeExcel.fromGrids(grids);
    await createExcelHost(dry.api()).applyChanges(change);

    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    fake.failCommand(dry.commandsRun - 3);
    const host = createExcelHost(fake.api());
    const err = await host.applyChanges(change).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'unknown', message: expect.stringMatching(/^修改单元格没有完成：.*点击“撤销改正”可以全部恢复/) });
    expect(content(fake.state)).not.toEqual(content(before));
    expect(await host.undoChanges()).toBe(change.writes.length);
    expect(content(fake.state)).toEqual(content(before));
  });

  test('a failure part-way through 撤销改正 leaves the records: running it again finishes the job', async () => {
    const grids = await slippedGrids();
    const fake = FakeExcel.fromGrids(grids);
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    const change = await fixAllChange(grids);
    await host.applyChanges(change);
    // Fails in the restoring sync, after two cells are back (reading the state takes as many commands as pendingChanges).
    const start = fake.commandsRun;
    await host.pendingChanges();
    fake.failCommand(fake.commandsRun + (fake.commandsRun - start) + 7);
    const err = await host.undoChanges().catch((e: unknown) => e);
    expect(err).toMatchObject({ message: expect.stringMatching(/^撤销改正没有完成：.*请再次点击“撤销改正”/) });
    expect(content(fake.state)).not.toEqual(content(before));
    expect(await host.pendingChanges()).toBe(change.writes.length);
    expect(await host.undoChanges()).toBe(change.writes.length);
    expect(content(fake.state)).toEqual(content(before));
  });
});

describe('Excel host: 改为公式', () => {
  const userRule: FakeConditionalFormat = { id: '{user}', range: 'G13:G19', type: 'Custom', formula: '=G13=0', fill: '#00B050' };

  test('formulas and conditional rules are written, kept across save and reopen; 撤销改正 removes exactly them', async () => {
    const grids = await qingpuGrids();
    const fake = FakeExcel.fromGrids(grids);
    fake.sheet('表4').conditionalFormats = [{ ...userRule }];
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const change = workbookFormulas(checkWorkbook(grids), grids);
    expect(change.rules.length).toBeGreaterThan(0);
    const out = await createExcelHost(fake.api()).applyChanges({ ...change, shown: shownIn(grids, change.writes) });
    expect(out).toEqual({ cells: change.writes.length, rules: change.rules.length });

    const reopened = FakeExcel.open(fake.save());
    expect(reopened.cell('表4', 'H6').formula).toBe('=IF(D6=0,"",IF(E6/D6*100>=100,F6,MIN(ROUND(ROUND(E6/D6*F6,10),2),F6)))');
    for (const w of change.writes) expect(reopened.cell(w.sheet, w.cell).formula).toBe(`=${w.value}`);
    for (const r of change.rules)
      expect(reopened.sheet(r.sheet).conditionalFormats).toContainEqual(expect.objectContaining({ range: r.range, type: 'Custom', formula: `=${r.formula}`, fill: r.fill.toUpperCase() }));
    expect(reopened.sheet('表4').conditionalFormats).toContainEqual(userRule);
    // The formulas found in the saved workbook, evaluated by a real formula engine, give the engine's values.
    const inWorkbook = reopened.state.sheets.flatMap((sh) =>
      Object.entries(sh.cells).flatMap(([key, cell]) => {
        if (!cell.formula) return [];
        const [r, c] = key.split(',').map(Number);
        return [{ sheet: sh.name, cell: `${columnName(c)}${r + 1}`, value: cell.formula.slice(1) }];
      }),
    );
    expect(inWorkbook).toHaveLength(change.writes.length);
    const value = evaluate(grids, inWorkbook);
    expect([value('表4', 'H6'), value('表4', 'G20'), value('表4', 'B21')]).toEqual([8.27, 96.07, '优']);

    const host = createExcelHost(reopened.api());
    // Applied again, the rules PerfCheck already added are not added twice.
    expect(await host.applyChanges(change)).toEqual({ cells: change.writes.length, rules: 0 });
    expect(await host.undoChanges()).toBe(change.writes.length);
    expect(content(reopened.state)).toEqual(content(before));
    expect(reopened.sheet('表4').conditionalFormats).toEqual([userRule]);
  });

  test('a user\'s rule identical in range and formula but not in fill is left alone', async () => {
    const grids = await qingpuGrids();
    const fake = FakeExcel.fromGrids(grids);
    const change = workbookFormulas(checkWorkbook(grids), grids);
    const ours = change.rules.find((r) => r.sheet === '表4')!;
    const lookalike: FakeConditionalFormat = { id: '{lookalike}', range: ours.range, type: 'Custom', formula: `=${ours.formula}`, fill: '#FF0000' };
    fake.sheet('表4').conditionalFormats = [lookalike];
    const host = createExcelHost(fake.api());
    await host.applyChanges(change);
    await host.undoChanges();
    expect(fake.sheet('表4').conditionalFormats).toEqual([lookalike]);
  });
});

describe('Excel host: 插入空白自评表', () => {
  test('a blank form at the active cell: labels as text, formulas and rules in place, read back as a form; 撤销改正 empties the block again', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    fake.addSheet('新表');
    fake.state.active = '新表';
    fake.state.selection = { sheet: '新表', address: 'B3' };
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    const at = await host.activeCell();
    expect(at).toEqual({ sheet: '新表', cell: 'B3' });
    const form = blankForm(at.sheet, at.cell);
    expect(await host.applyChanges({ writes: form.writes, rules: form.rules })).toEqual({ cells: form.writes.length, rules: form.rules.length });

    expect(fake.cell('新表', 'B3').value).toBe('项目支出绩效自评表');
    for (const w of form.writes.filter((x) => x.kind === 'formula')) expect(fake.cell('新表', w.cell).formula).toBe(`=${w.value}`);
    expect(fake.sheet('新表').conditionalFormats).toHaveLength(form.rules.length);
    // Read through the host (the fake does not calculate: formulas read blank), the block is one self-evaluation form.
    const { forms } = checkWorkbook(await host.readSheets(['新表']));
    expect(forms.map((f) => f.form.kind)).toEqual(['self-eval']);

    expect(await host.undoChanges()).toBe(form.writes.length);
    expect(content(fake.state)).toEqual(content(before));
  });
});

describe('Excel host: size and the active cell', () => {
  test('5,000 cells changed and restored in syncs each within the payload budget', async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet('明细');
    const writes: CellWrite[] = [];
    for (let r = 0; r < 1000; r++)
      for (let c = 0; c < 5; c++) {
        sheet.cells[`${r},${c}`] = { value: r * 10 + c, text: String(r * 10 + c), format: '0.00' } as FakeCell;
        const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
        writes.push(c === 4 ? { sheet: '明细', cell: a1, kind: 'text', value: `第${r}行已改正的说明文字`, numberFormat: null } : { sheet: '明细', cell: a1, kind: 'number', value: String(r + c / 100), numberFormat: null });
      }
    const before = JSON.parse(fake.save()) as FakeWorkbookState;
    const host = createExcelHost(fake.api());
    await host.applyChanges({ writes, rules: [] });
    const applySyncs = fake.syncs;
    expect(fake.cell('明细', 'E1000').value).toBe('第999行已改正的说明文字');
    await host.undoChanges();
    expect(content(fake.state)).toEqual(content(before));
    expect(fake.payloads.every((p) => !p.rejected)).toBe(true);
    // A group passes the budget by at most one cell's commands.
    expect(Math.max(...fake.payloads.map((p) => Math.max(p.request, p.response)))).toBeLessThan(SYNC_BUDGET + 64 * 1024);
    // Syncs grow with megabytes, not with cells: read, record, write (and a few more for the size).
    expect(applySyncs).toBeLessThanOrEqual(6);
  });

  test('the active cell is the top-left of the selection, on the active sheet, whatever its name', async () => {
    const fake = FakeExcel.fromGrids(await qingpuGrids());
    fake.addSheet("张三's 表");
    fake.state.active = "张三's 表";
    fake.state.selection = { sheet: "张三's 表", address: 'C5:D9' };
    expect(await createExcelHost(fake.api()).activeCell()).toEqual({ sheet: "张三's 表", cell: 'C5' });
    fake.excelApi = '1.6';
    await expect(createExcelHost(fake.api()).activeCell()).rejects.toMatchObject({ reason: 'unsupported', message: expect.stringMatching(/^读取当前单元格没有完成：/) });
  });
});
