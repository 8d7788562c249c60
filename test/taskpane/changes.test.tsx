/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { blankForm } from '../../src/core/blankForm';
import { checkWorkbook } from '../../src/core/engine';
import { fixWrite } from '../../src/core/fixes';
import { workbookFormulas } from '../../src/core/formFormulas';
import { cellAt, Grid } from '../../src/core/grid';
import { Host, HostError, WorkbookChange } from '../../src/hosts/host';
import { createPreviewHost } from '../../src/hosts/preview';
import { App } from '../../src/taskpane/App';
import { qingpuGrids } from '../hosts/excel/fixtures';
import { stubLayout, LONG, cards, menu } from './paneHarness';

/**
 * A Host over the fixture grids that records the changes the pane asks for; its workbook
 * never changes, so the check after a change finds the same problems.
 */
function recordingHost(grids: Grid[], overrides: Partial<Host> = {}) {
  const calls = { changes: [] as WorkbookChange[], undo: 0, reads: 0 };
  let pending = 0;
  const host: Host = {
    kind: 'excel',
    sheets: async () => ({ names: grids.map((g) => g.sheet), active: grids[0].sheet }),
    readSheets: async (names) => {
      calls.reads++;
      return names.map((n) => grids.find((g) => g.sheet === n)!);
    },
    annotate: async () => ({ cells: 0, notes: true }),
    clearAnnotations: async () => 0,
    select: async () => undefined,
    writeReport: async () => undefined,
    applyChanges: async (change) => {
      calls.changes.push(change);
      pending += change.writes.length;
      return { cells: change.writes.length, rules: change.rules.length };
    },
    undoChanges: async () => {
      calls.undo++;
      const n = pending;
      pending = 0;
      return n;
    },
    pendingChanges: async () => pending,
    activeCell: async () => ({ sheet: '表1', cell: 'A1' }),
    ...overrides,
  };
  return { host, calls };
}

/** 青浦 with 表1's 资金得分 (H6) typed as 9 instead of 10: a second form with a fix. */
async function qingpuTwoForms(): Promise<Grid[]> {
  const grids = await qingpuGrids();
  const h6 = cellAt(grids[0], 5, 7);
  grids[0].cells[5][7] = { ...h6, value: 9, text: '9' };
  return grids;
}

beforeAll(stubLayout);

async function checkWorkbookIn(host: Host, summary: string) {
  const view = render(<App picked={{ kind: 'excel', host }} />);
  fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
  await screen.findByText(summary, {}, LONG);
  return view;
}

describe('fixing in the task pane', () => {
  test('改正 on a finding writes exactly its fix, with what the cell showed, then checks again', async () => {
    const grids = await qingpuGrids();
    const { host, calls } = recordingHost(grids);
    const { container } = await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
    const fund = container.querySelector<HTMLElement>('[data-cell="表4!H6"]')!;
    const fix = checkWorkbook(grids).findings.find((f) => f.cell === 'H6' && f.sheet === '表4')!.fix!;
    const button = within(fund.closest('li')!).getByRole('button', { name: '改正 表4!H6 为 8.27' });
    expect(button.textContent).toBe('改正');
    const readsBefore = calls.reads;
    await act(async () => fireEvent.click(button));
    expect(
      await screen.findByText('已改正 1 个单元格：表4!H6 8.72 → 8.27；可点击“撤销改正”恢复。', {}, LONG),
    ).toBeTruthy();
    expect(calls.changes).toEqual([{ writes: [fixWrite('表4', fix)], rules: [], shown: ['8.72'] }]);
    expect(calls.reads).toBe(readsBefore + 1);
  });

  test('only findings the form determines offer 改正; an indicator’s 得分 or a missing 偏差原因 keeps its message', async () => {
    const { host } = recordingHost(await qingpuGrids());
    const { container } = await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
    const withFix = cards(container).filter((c) => within(c.closest('li')!).queryByRole('button', { name: /^改正 / }));
    expect(withFix.map((c) => c.dataset.cell)).toEqual(['表4!H6', '表4!G20']);
    const reason = container.querySelector<HTMLElement>('[data-cell="表3!H15"]')!;
    expect(reason.textContent).toContain('偏差原因');
  });

  test('全部改正 in the toolbar fixes every checked form; in a form’s group header, that form only', async () => {
    const grids = await qingpuTwoForms();
    const { host, calls } = recordingHost(grids);
    await checkWorkbookIn(host, '已检查 5 张表格，发现 9 个问题');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部改正：所有已检查的表格' })));
    await screen.findByText(/^已改正 3 个单元格：表1!H6 9 → 10.00，表4!H6 8.72 → 8.27，表4!G20 96.52 → 96.07；/, {}, LONG);
    expect(calls.changes[0].writes.map((w) => `${w.sheet}!${w.cell}=${w.value}`)).toEqual(['表1!H6=10', '表4!H6=8.27', '表4!G20=96.07']);
    expect(calls.changes[0].shown).toEqual(['9', '8.72', '96.52']);

    fireEvent.click(screen.getByRole('button', { name: '按表格分组' }));
    const form4 = screen.getByRole('button', { name: '全部改正：青浦区劳模创新工作室创建（表4）' });
    // A form whose findings have no fix has no 全部改正.
    expect(screen.getAllByRole('button', { name: /^全部改正：.*（表\d）$/ })).toHaveLength(2);
    await act(async () => fireEvent.click(form4));
    await screen.findByText(/^已改正 2 个单元格：表4!H6 8.72 → 8.27，表4!G20 96.52 → 96.07；/, {}, LONG);
    expect(calls.changes[1].writes.map((w) => `${w.sheet}!${w.cell}`)).toEqual(['表4!H6', '表4!G20']);
  });

  test('撤销改正 is offered only while the workbook holds changes, asked on start and after each change', async () => {
    const grids = await qingpuGrids();
    const { host, calls } = recordingHost(grids);
    await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
    const undo = () => screen.getByRole('button', { name: '撤销改正' });
    expect(undo().hasAttribute('disabled') || undo().getAttribute('aria-disabled') === 'true').toBe(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部改正：所有已检查的表格' })));
    await screen.findByText(/^已改正 2 个单元格/, {}, LONG);
    expect(undo().hasAttribute('disabled')).toBe(false);
    await act(async () => fireEvent.click(undo()));
    await screen.findByText('已撤销改正：2 个单元格恢复了原来的值、公式和格式，条件格式规则已移除（标注保留）。', {}, LONG);
    expect(calls.undo).toBe(1);
    expect(undo().hasAttribute('disabled')).toBe(true);
  });

  test('a workbook opened with changes from an earlier session offers 撤销改正 before any check', async () => {
    const { host } = recordingHost(await qingpuGrids(), { pendingChanges: async () => 4 });
    render(<App picked={{ kind: 'excel', host }} />);
    expect(await screen.findByRole('button', { name: '撤销改正' })).toBeTruthy();
  });

  test('改为公式 sends the formulas and rules the core works out; PERF.* on request, saying it needs the add-in', async () => {
    const grids = await qingpuGrids();
    const { host, calls } = recordingHost(grids);
    await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
    await menu('改为公式');
    await act(async () => fireEvent.click(await screen.findByRole('menuitem', { name: '普通公式（推荐：任何电子表格都能计算）' })));
    await screen.findByText(/^已把 25 个单元格改为公式，并添加 10 条条件格式规则/, {}, LONG);
    const plain = workbookFormulas(checkWorkbook(grids, { profile: 'national' }), grids);
    expect(calls.changes[0].writes).toEqual(plain.writes);
    expect(calls.changes[0].rules).toEqual(plain.rules);
    expect(calls.changes[0].writes.some((w) => w.value.startsWith('PERF.'))).toBe(false);

    await menu('改为公式');
    await act(async () => fireEvent.click(await screen.findByRole('menuitem', { name: 'PERF.* 函数（需要安装 PerfCheck 才能计算）' })));
    expect(await screen.findByText(/没有安装的人打开会看到 #NAME\?/, {}, LONG)).toBeTruthy();
    const perf = workbookFormulas(checkWorkbook(grids, { profile: 'national' }), grids, { perf: true });
    expect(calls.changes[1].writes).toEqual(perf.writes);
    expect(calls.changes[1].writes.some((w) => w.value.startsWith('PERF.'))).toBe(true);
  });

  test('插入空白自评表 refuses an area that is not blank, and writes nothing', async () => {
    const { host, calls } = recordingHost(await qingpuGrids());
    await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
    await menu('插入空白自评表');
    const alert = await screen.findByRole('alert', {}, LONG);
    expect(alert.textContent).toMatch(/^不能在 表1!A1 插入空白自评表：需要的区域 A1:H23 中已有内容（A1、A2、.* 等 \d+ 个单元格），PerfCheck 不会覆盖任何内容/);
    expect(calls.changes).toEqual([]);
  });

  test('插入空白自评表 at a blank cell writes the template, then the check finds the new form', async () => {
    const grids = await qingpuGrids();
    const { host, calls } = recordingHost(grids, { activeCell: async () => ({ sheet: '表1', cell: 'M3' }) });
    await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
    await menu('插入空白自评表');
    await screen.findByText(/^已在 表1!M3:T25 插入空白自评表/, {}, LONG);
    const expected = blankForm('表1', 'M3', { profile: 'national' });
    expect(calls.changes[0].writes).toEqual(expected.writes);
    expect(calls.changes[0].rules).toEqual(expected.rules);
    expect(calls.changes[0].shown).toEqual(expected.writes.map(() => ''));
  });

  test('a refused change (protected sheet, or edited since the check) is shown and the list stays', async () => {
    const message = '工作表“表4”受保护，PerfCheck 没有做任何修改。请在“审阅”选项卡中撤消工作表保护后重试。';
    const { host } = recordingHost(await qingpuGrids(), {
      applyChanges: async () => {
        throw new HostError('protected', message);
      },
    });
    const { container } = await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '改正 表4!H6 为 8.27' })));
    expect((await screen.findByRole('alert', {}, LONG)).textContent).toBe(message);
    expect(cards(container)).toHaveLength(7);
    expect(screen.getByRole('button', { name: '撤销改正' }).hasAttribute('disabled')).toBe(true);
  });
});

test('a change made is said even when the check after it fails', async () => {
  const grids = await qingpuGrids();
  let reads = 0;
  const { host, calls } = recordingHost(grids, {
    readSheets: async (names) => {
      if (++reads > 1) throw new HostError('connection', '与 Excel 的连接中断，请重新打开任务窗格。');
      return names.map((n) => grids.find((g) => g.sheet === n)!);
    },
  });
  await checkWorkbookIn(host, '已检查 5 张表格，发现 7 个问题');
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '改正 表4!H6 为 8.27' })));
  expect(
    await screen.findByText(
      '已改正 1 个单元格：表4!H6 8.72 → 8.27；可点击“撤销改正”恢复。与 Excel 的连接中断，请重新打开任务窗格。',
      {},
      LONG,
    ),
  ).toBeTruthy();
  expect(calls.changes).toHaveLength(1);
  expect(screen.getByRole('button', { name: '撤销改正' }).hasAttribute('disabled')).toBe(false);
});

describe('fixing in the preview', () => {
  test('全部改正 leaves only what a person must decide; 撤销改正 brings the original back', async () => {
    const grids = await qingpuGrids();
    const host = createPreviewHost(grids);
    const { container } = render(<App picked={{ kind: 'preview', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('已检查 5 张表格，发现 7 个问题', {}, LONG);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部改正：所有已检查的表格' })));
    await screen.findByText('已检查 5 张表格，发现 5 个问题', {}, LONG);
    expect(cards(container).map((c) => c.dataset.code)).not.toContain('FUND_SCORE_MISMATCH');
    expect(screen.queryByRole('button', { name: /^改正 / })).toBeNull();
    expect(await host.pendingChanges()).toBe(2);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '撤销改正' })));
    await screen.findByText('已检查 5 张表格，发现 7 个问题', {}, LONG);
    expect(host.view().grids).toEqual(grids);
    expect(await host.pendingChanges()).toBe(0);
  });

  test('下载改正后的副本 (更多) is offered only once PerfCheck has changed cells, and not after 撤销改正', async () => {
    const host = createPreviewHost(await qingpuGrids());
    render(<App picked={{ kind: 'preview', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('已检查 5 张表格，发现 7 个问题', {}, LONG);
    const downloadItem = async () => {
      const more = screen.getByRole('button', { name: '更多' });
      await act(async () => fireEvent.click(more));
      const item = await screen.findByRole('menuitem', { name: '下载改正后的副本' });
      const disabled = item.getAttribute('aria-disabled') === 'true';
      await act(async () => fireEvent.keyDown(item, { key: 'Escape' }));
      return disabled;
    };
    expect(await downloadItem()).toBe(true);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部改正：所有已检查的表格' })));
    await screen.findByText('已检查 5 张表格，发现 5 个问题', {}, LONG);
    // The notice says where the copy is.
    expect(screen.getByText(/^已改正 2 个单元格：.*在“更多”中可下载改正后的副本（原文件不会改动）。$/)).toBeTruthy();
    expect(await downloadItem()).toBe(false);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '撤销改正' })));
    await screen.findByText('已检查 5 张表格，发现 7 个问题', {}, LONG);
    expect(await downloadItem()).toBe(true);
  });
});
