import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { workbookFormulas } from '../../src/core/formFormulas';
import { addressOf, cellAt, Grid, parseAddress } from '../../src/core/grid';
import { createPreviewHost, PreviewHost } from '../../src/hosts/preview';
import { gridsFromFile } from '../../src/hosts/preview/loadFile';
import { CHANGE_NOTE_PREFIX, CHANGES_SHEET } from '../../src/io/cellWrites';
import { readXlsx } from '../../src/io/xlsx';
import { readBatchFile } from '../../src/taskpane/batch';
import { correctedCopy, correctedCopyName } from '../../src/taskpane/correctedCopy';
import { planChange } from '../../src/taskpane/planChange';
import { FORMS_DIR } from '../core/fixtures';
import { differences, noteOf } from '../io/workbookCells';

/**
 * 下载改正后的副本 on the preview page: the copy is built from the user's own bytes and
 * the changes the preview host holds, by the command line's writers; reopened here with
 * exceljs and compared cell by cell with the original.
 */
const bytesOf = (name: string) => {
  const b = readFileSync(join(FORMS_DIR, name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const textIn = (grids: Grid[], sheet: string, a1: string) => {
  const grid = grids.find((g) => g.sheet === sheet)!;
  const { row, col } = parseAddress(a1);
  return cellAt(grid, row - grid.top, col - grid.left).text;
};

async function reopen(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}


/**
 * The preview of 青浦 2024 after 全部改正 (表4!H6 8.72 → 8.27, G20 96.52 → 96.07), then
 * 改为公式 on 表1 with its rules, and on 表4!H6 alone: a cell changed twice.
 */
async function fixedThenFormulas(grids: Grid[]): Promise<PreviewHost> {
  const host = createPreviewHost(grids);
  await host.applyChanges(planChange({ task: 'fixAll', grids, profile: 'national', form: null }));
  const now = host.view().grids;
  const formulas = workbookFormulas(checkWorkbook(now, { profile: 'national' }), now);
  const some = {
    writes: formulas.writes.filter((w) => w.sheet === '表1' || (w.sheet === '表4' && w.cell === 'H6')),
    rules: formulas.rules.filter((r) => r.sheet === '表1'),
  };
  await host.applyChanges({ ...some, shown: some.writes.map((w) => textIn(now, w.sheet, w.cell)) });
  return host;
}

describe('下载改正后的副本', () => {
  test('is named as perfcheck --fix names its copies', () => {
    expect(correctedCopyName('qingpu-2024-self-eval.xlsx')).toBe('qingpu-2024-self-eval.已改正.xlsx');
    expect(correctedCopyName('2024/宝山.表.csv')).toBe('宝山.表.已改正.xlsx');
  });

  test('an .xlsx: fixed values in their own formats, formulas with results, rules, notes, 改正记录; every other cell as it was', async () => {
    const data = bytesOf('qingpu-2024-self-eval.xlsx');
    const original = await reopen(data);
    const grids = await gridsFromFile('qingpu-2024-self-eval.xlsx', data);
    const host = await fixedThenFormulas(grids);
    const { changes, rules } = host.changesInForce();
    // 表4!H6 was fixed, then turned into a formula: one change, its first `before`, its last write.
    const h6 = changes.filter((c) => c.write.sheet === '表4' && c.write.cell === 'H6');
    expect(h6).toHaveLength(1);
    expect(h6[0]).toMatchObject({ before: '8.72', after: '8.27', write: { kind: 'formula' } });
    expect(changes.length).toBe(await host.pendingChanges());
    expect(rules.length).toBeGreaterThan(0);

    const copy = await reopen(await correctedCopy({ name: 'qingpu-2024-self-eval.xlsx', data, grids, changes, rules }));
    // The user's bytes are untouched: they still read as they did.
    expect(differences(original, await reopen(data))).toEqual([]);

    const changed = new Set(changes.map((c) => `${c.write.sheet}!${c.write.cell}`));
    expect(differences(original, copy).sort()).toEqual([...changed].sort());
    expect(copy.worksheets.map((w) => w.name)).toEqual([...original.worksheets.map((w) => w.name), CHANGES_SHEET]);

    const t4 = copy.getWorksheet('表4')!;
    const before = original.getWorksheet('表4')!;
    const formulaH6 = t4.getCell('H6').value as ExcelJS.CellFormulaValue;
    expect(formulaH6.formula).toBe(h6[0].write.value);
    expect(formulaH6.result).toBe(8.27);
    expect(t4.getCell('H6').numFmt).toBe(before.getCell('H6').numFmt);
    expect(noteOf(t4.getCell('H6').note)).toContain(`${CHANGE_NOTE_PREFIX}原值 8.72 → 新值 =`);
    // A fix stays a plain number in the cell's own format.
    expect(t4.getCell('G20').value).toBe(96.07);
    expect(t4.getCell('G20').numFmt).toBe(before.getCell('G20').numFmt);
    expect(noteOf(t4.getCell('G20').note)).toContain('原值 96.52 → 新值 96.07');
    // 表1's formulas, each with its result.
    const g6 = copy.getWorksheet('表1')!.getCell('G6').value as ExcelJS.CellFormulaValue;
    expect(g6).toEqual({ formula: 'IF(D6=0,"",ROUND(ROUND(E6/D6*100,10),2))', result: 99.98 });

    const cf = (
      copy.getWorksheet('表1') as unknown as {
        conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cf.map((r) => [r.ref, r.rules[0].formulae[0]])).toEqual(rules.map((r) => [r.range, r.formula]));

    const record = copy.getWorksheet(CHANGES_SHEET)!;
    const rows = record
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 5));
    expect(rows).toEqual(changes.map((c, i) => [i + 1, c.write.sheet, c.write.cell, c.before]));
    expect(record.getCell('F2').value).toBe('改为公式，随表中数字自动计算');
    const g20 = changes.findIndex((c) => c.write.sheet === '表4' && c.write.cell === 'G20');
    expect(record.getCell(`F${g20 + 2}`).value).toBe('改正为表中数字决定的值（PerfCheck 预览页）');
  }, 60_000);

  test('after 撤销改正 nothing is in force', async () => {
    const grids = await gridsFromFile('qingpu-2024-self-eval.xlsx', bytesOf('qingpu-2024-self-eval.xlsx'));
    const host = await fixedThenFormulas(grids);
    await host.undoChanges();
    expect(host.changesInForce()).toEqual({ changes: [], rules: [] });
  });

  test('a .tsv: an .xlsx of its sheet, as the batch page writes copies, with the fixes', async () => {
    const name = 'qingpu-2024-self-eval.tsv';
    const data = bytesOf(name);
    const { grids } = await readBatchFile(name, data);
    const host = createPreviewHost(grids);
    const plan = planChange({ task: 'fixAll', grids, profile: 'national', form: null });
    expect(plan.writes.length).toBeGreaterThan(0);
    await host.applyChanges(plan);
    const { changes, rules } = host.changesInForce();
    const copy = await reopen(await correctedCopy({ name, data, grids, changes, rules }));
    const reread = await readXlsxGrids(copy);
    const sheet = grids[0].sheet;
    for (const c of changes) expect(textIn(reread, sheet, c.write.cell)).toBe(c.after);
    // Fixed, the copy has no fixable finding left.
    expect(checkWorkbook(reread.filter((g) => g.sheet !== CHANGES_SHEET)).findings.filter((f) => f.fix)).toEqual([]);
  }, 60_000);
});

test('an .xls (SheetJS-read): an .xlsx of its sheets with the fixes; every other cell shows what the .xls showed', async () => {
  const name = 'qingpu-2024-self-eval.xls';
  const b = readFileSync(join(__dirname, '..', 'cli', 'batch', name));
  const data = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  const { grids } = await readBatchFile(name, data);
  const host = createPreviewHost(grids);
  await host.applyChanges(planChange({ task: 'fixAll', grids, profile: 'national', form: null }));
  const { changes, rules } = host.changesInForce();
  expect(changes.map((c) => `${c.write.sheet}!${c.write.cell} ${c.before} → ${c.after}`)).toEqual([
    '表4!H6 8.72 → 8.27',
    '表4!G20 96.52 → 96.07',
  ]);
  const reread = await readXlsxGrids(await reopen(await correctedCopy({ name, data, grids, changes, rules })));
  expect(reread.map((g) => g.sheet)).toEqual([...grids.map((g) => g.sheet), CHANGES_SHEET]);
  const changed = new Set(changes.map((c) => `${c.write.sheet}!${c.write.cell}`));
  const after = host.view().grids;
  for (const grid of grids)
    grid.cells.forEach((row, r) =>
      row?.forEach((_, c) => {
        const a1 = addressOf(grid, r, c);
        const expected = textIn(changed.has(`${grid.sheet}!${a1}`) ? after : grids, grid.sheet, a1);
        if (textIn(reread, grid.sheet, a1) !== expected)
          throw new Error(`${grid.sheet}!${a1}: ${textIn(reread, grid.sheet, a1)} ≠ ${expected}`);
      }),
    );
}, 60_000);

async function readXlsxGrids(wb: ExcelJS.Workbook): Promise<Grid[]> {
  return readXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer, ExcelJS);
}
