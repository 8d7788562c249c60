import { readFileSync } from 'fs';
import { checkWorkbook } from '../../../src/core/engine';
import { SEVERITY_FILL } from '../../../src/core/annotations';
import { createPreviewHost, markKey } from '../../../src/hosts/preview';
import { gridsFromFile } from '../../../src/hosts/preview/loadFile';
import { HostError } from '../../../src/hosts/host';
import { FORMS_DIR } from '../../core/fixtures';
import { join } from 'path';
import { blankForm } from '../../../src/core/blankForm';
import { workbookFormulas } from '../../../src/core/formFormulas';
import { cellAt, Grid, parseAddress } from '../../../src/core/grid';
import { planChange } from '../../../src/taskpane/planChange';

const textIn = (grids: Grid[], sheet: string, a1: string) => {
  const grid = grids.find((g) => g.sheet === sheet)!;
  const { row, col } = parseAddress(a1);
  return cellAt(grid, row - grid.top, col - grid.left).text;
};

const bytes = (path: string) => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('preview host', () => {
  test('reads a local .xlsx and marks, selects and clears in memory', async () => {
    const grids = await gridsFromFile('qingpu-2024-self-eval.xlsx', bytes(join(FORMS_DIR, 'qingpu-2024-self-eval.xlsx')));
    expect(grids.map((g) => g.sheet)).toEqual(['表1', '表2', '表3', '表4', '表5']);
    const host = createPreviewHost(grids);
    const read = await host.readSheets((await host.sheets()).names);
    const result = checkWorkbook(read);
    let changes = 0;
    host.subscribe(() => changes++);
    expect(await host.annotate(result.findings)).toEqual({ cells: 7, notes: true });
    expect(host.view().marks.get(markKey('表4', 'H6'))).toMatchObject({ severity: 'error', fill: SEVERITY_FILL.error });
    await host.select('表4', 'H6');
    expect(host.view()).toMatchObject({ active: '表4', selected: { sheet: '表4', cell: 'H6' } });
    expect(await host.clearAnnotations()).toBe(7);
    expect(host.view().marks.size).toBe(0);
    expect(changes).toBe(3);
  });

  test('reads a .tsv as one sheet named after the file', async () => {
    const [grid] = await gridsFromFile('baoshan-2022-self-eval.tsv', bytes(join(FORMS_DIR, 'baoshan-2022-self-eval.tsv')));
    expect(grid.sheet).toBe('baoshan-2022-self-eval');
    expect(checkWorkbook([grid]).forms).toHaveLength(19);
    // A name Excel would refuse as a sheet name (`[ ]`) becomes one it accepts, so the corrected copy can be written.
    const data = bytes(join(FORMS_DIR, 'qingpu-2024-self-eval.tsv'));
    const [renamed] = await gridsFromFile('[2024] 青浦区各单位项目支出绩效自评表汇总（第二批）.tsv', data);
    expect(renamed.sheet).toBe('_2024_ 青浦区各单位项目支出绩效自评表汇总（第二批）');
  });

  test('refuses other files in Chinese', async () => {
    await expect(gridsFromFile('报告.pdf', new ArrayBuffer(4))).rejects.toThrow(HostError);
    await expect(gridsFromFile('报告.pdf', new ArrayBuffer(4))).rejects.toThrow(/请选择 .xlsx 工作簿或 .tsv 文本表格/);
  });
});

describe('preview host: changes', () => {
  const qingpu = () => gridsFromFile('qingpu-2024-self-eval.xlsx', bytes(join(FORMS_DIR, 'qingpu-2024-self-eval.xlsx')));

  test('改正, 改为公式 and a blank form, then 撤销改正: every sheet exactly as loaded', async () => {
    const grids = await qingpu();
    const original = structuredClone(grids);
    const host = createPreviewHost(grids);
    const result = checkWorkbook(grids);
    const fixes = planChange({ task: 'fixAll', grids, profile: 'national', form: null });
    expect(await host.applyChanges(fixes)).toEqual({ cells: 2, rules: 0 });
    const table4 = () => host.view().grids.find((g) => g.sheet === '表4')!;
    expect(cellAt(table4(), 5, 7)).toEqual({ value: 8.27, text: '8.27', format: '0.00' });

    const formulas = workbookFormulas(result, grids);
    await host.applyChanges({ ...formulas, shown: formulas.writes.map((w) => textIn(host.view().grids, w.sheet, w.cell)) });
    // A formula shows its result; the formula is kept for the grid's tooltip.
    expect(host.view().formulas.get(markKey('表1', 'G6'))).toBe('=IF(D6=0,"",ROUND(ROUND(E6/D6*100,10),2))');
    expect(textIn(host.view().grids, '表1', 'G6')).toBe('99.98');
    expect(host.view().rules).toEqual(formulas.rules);

    // Beyond the used range, so the grid grows to take the form in.
    const blank = blankForm('表2', 'K40');
    await host.applyChanges({ writes: blank.writes, rules: blank.rules });
    expect(textIn(host.view().grids, '表2', 'K40')).toBe('项目支出绩效自评表');
    const changed = new Set([...fixes.writes, ...formulas.writes, ...blank.writes].map((w) => `${w.sheet}!${w.cell}`));
    expect(await host.pendingChanges()).toBe(changed.size);

    expect(await host.undoChanges()).toBe(changed.size);
    expect(host.view().grids).toEqual(original);
    expect(host.view().formulas.size).toBe(0);
    expect(host.view().rules).toEqual([]);
    expect(await host.pendingChanges()).toBe(0);
    expect(await host.undoChanges()).toBe(0);
  });

  test('a cell that no longer shows what the check saw refuses the whole change, nothing written', async () => {
    const grids = await qingpu();
    const host = createPreviewHost(grids);
    const fixes = planChange({ task: 'fixAll', grids, profile: 'national', form: null });
    const stale = { ...fixes, shown: ['8.72', '96.00'] };
    await expect(host.applyChanges(stale)).rejects.toThrow(HostError);
    await expect(host.applyChanges(stale)).rejects.toThrow('单元格 表4!G20 现在显示“96.52”，检查时是“96.00”');
    expect(host.view().grids).toBe(grids);
    expect(await host.pendingChanges()).toBe(0);
  });

  test('the active cell is the one selected in the grid view, else A1 of the sheet shown', async () => {
    const host = createPreviewHost(await qingpu());
    expect(await host.activeCell()).toEqual({ sheet: '表1', cell: 'A1' });
    await host.select('表3', 'C30');
    expect(await host.activeCell()).toEqual({ sheet: '表3', cell: 'C30' });
    host.show('表5');
    expect(await host.activeCell()).toEqual({ sheet: '表5', cell: 'A1' });
  });
});
