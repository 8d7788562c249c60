import { readFileSync } from 'fs';
import { checkWorkbook } from '../../../src/core/engine';
import { SEVERITY_FILL } from '../../../src/core/annotations';
import { createPreviewHost, markKey } from '../../../src/hosts/preview';
import { gridsFromFile } from '../../../src/hosts/preview/loadFile';
import { HostError } from '../../../src/hosts/host';
import { FORMS_DIR } from '../../core/fixtures';
import { join } from 'path';

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
  });

  test('refuses other files in Chinese', async () => {
    await expect(gridsFromFile('报告.pdf', new ArrayBuffer(4))).rejects.toThrow(HostError);
    await expect(gridsFromFile('报告.pdf', new ArrayBuffer(4))).rejects.toThrow(/请选择 .xlsx 工作簿或 .tsv 文本表格/);
  });
});
