/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Finding } from '../../src/core/findings';
import { Grid } from '../../src/core/grid';
import { Host, HostError } from '../../src/hosts/host';
import { createPreviewHost } from '../../src/hosts/preview';
import { App } from '../../src/taskpane/App';
import { fixtureXlsx } from '../core/fixtures';
import { qingpuGrids } from '../hosts/excel/fixtures';
import { stubLayout, LONG, cards, menu } from './paneHarness';

/** A Host over the fixture grids that records what the pane asks of it. */
function recordingHost(grids: Grid[], overrides: Partial<Host> = {}) {
  const calls = { select: [] as [string, string][], annotate: [] as Finding[][] };
  const host: Host = {
    kind: 'excel',
    sheets: async () => ({ names: grids.map((g) => g.sheet), active: grids[0].sheet }),
    readSheets: async (names, onProgress) => {
      names.forEach((_, i) => onProgress?.(i + 1, names.length));
      return names.map((n) => grids.find((g) => g.sheet === n)!);
    },
    annotate: async (findings) => {
      calls.annotate.push(findings);
      return { cells: new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size, notes: true };
    },
    clearAnnotations: async () => 0,
    select: async (sheet, cell) => void calls.select.push([sheet, cell]),
    writeReport: async () => undefined,
    applyChanges: async (change) => ({ cells: change.writes.length, rules: change.rules.length }),
    undoChanges: async () => 0,
    pendingChanges: async () => 0,
    activeCell: async () => ({ sheet: grids[0].sheet, cell: 'A1' }),
    ...overrides,
  };
  return { host, calls };
}

beforeAll(stubLayout);

async function checkQingpu(host: Host) {
  const view = render(<App picked={{ kind: 'excel', host }} />);
  fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
  await screen.findByText('已检查 5 张表格，发现 7 个问题', {}, LONG);
  return view;
}

describe('task pane', () => {
  test('the empty state says what to do', () => {
    const { host } = recordingHost([]);
    render(<App picked={{ kind: 'excel', host }} />);
    expect(screen.getByText('还没有检查结果')).toBeTruthy();
    expect(screen.getByText(/然后点击“检查当前工作表”或“检查整个工作簿”/)).toBeTruthy();
  });

  test('after a check: errors first, each card with its place and 表中 → 应为 values', async () => {
    const { host } = recordingHost(await qingpuGrids());
    const { container } = await checkQingpu(host);
    const severities = cards(container).map((c) => c.dataset.severity);
    expect(severities).toEqual(['error', 'error', 'error', 'error', 'warning', 'warning', 'warning']);
    // Within a severity, form order: 表3, 表4, 表4, 表5.
    expect(cards(container).slice(0, 4).map((c) => c.dataset.cell)).toEqual(['表3!H15', '表4!H6', '表4!G20', '表5!H22']);
    const fund = container.querySelector<HTMLElement>('[data-cell="表4!H6"]')!;
    expect(fund.textContent).toContain('表4!H6 · 资金得分');
    expect(fund.textContent).toContain('表中 8.72 → 应为 8.27');
    expect(fund.textContent).toContain('资金得分与重新计算的结果不符');
    expect(fund.textContent).not.toContain('实际');
    // No finding code in the Chinese pane.
    expect(container.textContent).not.toMatch(/[A-Z]+_[A-Z_]+/);
    expect(screen.getByText('执行率四舍五入（与表中 5 个执行率中的 4 个一致，与 5 个资金得分中的 4 个一致）')).toBeTruthy();
  });

  test('the controls fold into one toolbar after a check', async () => {
    const { host } = recordingHost(await qingpuGrids());
    await checkQingpu(host);
    expect(screen.queryByRole('button', { name: '检查整个工作簿' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByRole('button', { name: '检查：整个工作簿' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '更多' }));
    const items = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
    expect(items).toEqual(['标注到表格', '清除标注', '生成检查结果表', '改为公式', '插入空白自评表', '规则']);
  });

  test('the severity filter shows only that severity; chips with no findings are not offered', async () => {
    const { host } = recordingHost(await qingpuGrids());
    const { container } = await checkQingpu(host);
    const codes = () => cards(container).map((e) => e.dataset.code);
    const filter = screen.getByRole('group', { name: '按严重程度筛选' });
    expect(within(filter).getAllByRole('button').map((b) => b.textContent)).toEqual(['全部 7', '错误 4', '警告 3']);
    fireEvent.click(within(filter).getByRole('button', { name: '警告 3' }));
    expect(within(filter).getByRole('button', { name: '警告 3' }).getAttribute('aria-pressed')).toBe('true');
    expect(codes()).toEqual(['SCORE_OUT_OF_BAND', 'SCORE_OUT_OF_BAND', 'SCORE_OUT_OF_BAND']);
    fireEvent.click(within(filter).getByRole('button', { name: '错误 4' }));
    expect(codes()).toEqual(['MISSING_DEVIATION_REASON', 'FUND_SCORE_MISMATCH', 'TOTAL_RECOMPUTED_MISMATCH', 'MISSING_DEVIATION_REASON']);
  });

  test('a filter left on a severity the new check no longer has says so', async () => {
    const grids = await qingpuGrids();
    const { host } = recordingHost(grids, { sheets: async () => ({ names: grids.map((g) => g.sheet), active: '表4' }) });
    const { container } = await checkQingpu(host);
    const filter = screen.getByRole('group', { name: '按严重程度筛选' });
    fireEvent.click(within(filter).getByRole('button', { name: '警告 3' }));
    // 表4 alone has two errors and no warning.
    await menu('当前工作表', '选择检查范围');
    await screen.findByText('已检查 1 张表格，发现 2 个问题', {}, LONG);
    expect(within(filter).getAllByRole('button').map((b) => b.textContent)).toEqual(['全部 2', '错误 2']);
    expect(cards(container)).toHaveLength(0);
    expect(screen.getByText('没有符合此筛选条件的问题。点击“全部”查看所有问题。')).toBeTruthy();
    fireEvent.click(within(filter).getByRole('button', { name: '全部 2' }));
    expect(cards(container).map((c) => c.dataset.cell)).toEqual(['表4!H6', '表4!G20']);
  });

  test('grouping by form stays available', async () => {
    const { host } = recordingHost(await qingpuGrids());
    const { container } = await checkQingpu(host);
    fireEvent.click(screen.getByRole('button', { name: '按表格分组' }));
    const group = screen.getByRole('region', { name: '青浦区劳模创新工作室创建（表4）' });
    expect(cards(group).map((c) => c.dataset.cell)).toEqual(['表4!H6', '表4!G20']);
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(5);
    expect(cards(container)).toHaveLength(7);
  });

  test('clicking a finding selects its cell and the card stays marked', async () => {
    const { host, calls } = recordingHost(await qingpuGrids());
    const { container } = await checkQingpu(host);
    const card = container.querySelector<HTMLElement>('[data-cell="表3!H15"]')!;
    await act(async () => fireEvent.click(card));
    expect(calls.select).toEqual([['表3', 'H15']]);
    expect(card.getAttribute('aria-current')).toBe('true');
    expect(container.querySelectorAll('[aria-current]')).toHaveLength(1);
  });

  test('标注到表格 in the menu sends the findings and reports how many cells were marked', async () => {
    const { host, calls } = recordingHost(await qingpuGrids());
    await checkQingpu(host);
    await menu('标注到表格');
    expect(await screen.findByText('已在 7 个单元格上标注颜色和批注。')).toBeTruthy();
    expect(calls.annotate[0].map((f) => f.code)).toContain('FUND_SCORE_MISMATCH');
    // Going to a finding keeps the notice: the list does not move under the pointer.
    await act(async () => fireEvent.click(document.querySelector('[data-cell="表4!H6"]')!));
    expect(calls.select).toEqual([['表4', 'H6']]);
    expect(screen.getByText('已在 7 个单元格上标注颜色和批注。')).toBeTruthy();
  });

  test('a cell that cannot be selected is said, and the card is still marked', async () => {
    const { host } = recordingHost(await qingpuGrids(), {
      select: async () => {
        throw new HostError('no-sheet', '找不到工作表“表4”。');
      },
    });
    const { container } = await checkQingpu(host);
    const card = container.querySelector<HTMLElement>('[data-cell="表4!H6"]')!;
    await act(async () => fireEvent.click(card));
    expect((await screen.findByRole('alert')).textContent).toBe('找不到工作表“表4”。');
    expect(card.getAttribute('aria-current')).toBe('true');
  });

  test('choosing another rule in the menu checks again under it', async () => {
    const { host } = recordingHost(await qingpuGrids());
    await checkQingpu(host);
    await menu('规则');
    await act(async () => fireEvent.click(await screen.findByRole('menuitemradio', { name: '执行率向上舍入（ROUNDUP，如宝山区）' })));
    expect(await screen.findByText(/^使用指定规则：执行率向上舍入/, {}, LONG)).toBeTruthy();
  });

  test('a host error is shown in plain Chinese', async () => {
    const message = '工作表“表3”受保护，PerfCheck 没有做任何修改。请在“审阅”选项卡中撤消工作表保护后重试。';
    const { host } = recordingHost(await qingpuGrids(), {
      annotate: async () => {
        throw new HostError('protected', message);
      },
    });
    await checkQingpu(host);
    await menu('标注到表格');
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });

  test('a sheet without a form says so and offers nothing to mark', async () => {
    const grid: Grid = { sheet: '说明', top: 0, left: 0, cells: [[{ value: '填表说明', text: '填表说明' }]] };
    const { host } = recordingHost([grid]);
    render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查当前工作表' }));
    expect(await screen.findByText(/没有找到“财政项目支出绩效自评表”/, {}, LONG)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '更多' }));
    expect((await screen.findByRole('menuitem', { name: '标注到表格' })).getAttribute('aria-disabled')).toBe('true');
  });

  test('a form without problems gets one success message, not two', async () => {
    const { host } = recordingHost(await fixtureXlsx('baoshan-2024-target-declaration'));
    const { container } = render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('已检查 3 张表格，没有发现问题。', {}, LONG);
    expect(container.textContent!.match(/已检查/g)).toHaveLength(1);
    expect(cards(container)).toHaveLength(0);
  });

  test('取消 stops a check: nothing changes and the pane says so', async () => {
    let release: () => void = () => undefined;
    const grids = await qingpuGrids();
    const { host } = recordingHost(grids, {
      readSheets: (names) => new Promise((resolve) => (release = () => resolve(names.map((n) => grids.find((g) => g.sheet === n)!)))),
    });
    const { container } = render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    fireEvent.click(await screen.findByRole('button', { name: '取消' }));
    await act(async () => release());
    expect(await screen.findByText('已取消检查，表格没有任何改动。')).toBeTruthy();
    expect(cards(container)).toHaveLength(0);
    expect(screen.queryByRole('button', { name: '取消' })).toBeNull();
  });

  test('English mode: the pane’s own words are English with ASCII punctuation', async () => {
    const { host } = recordingHost(await qingpuGrids());
    const { container } = render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check the workbook' }));
    await screen.findByText('5 form(s) checked, 7 problem(s) found', {}, LONG);
    expect(screen.getByText('Execution rates rounded half up (matches 4 of 5 rates and 4 of 5 fund scores in the sheet)')).toBeTruthy();
    const fund = container.querySelector<HTMLElement>('[data-cell="表4!H6"]')!;
    expect(fund.textContent).toContain('Fund score differs from the recomputed one');
    expect(fund.textContent).toContain('表4!H6 · fund score');
    expect(fund.textContent).toContain('sheet has 8.72, should be 8.27');
    // Outside the quoted Chinese (marked lang="zh-CN"), no full-width punctuation.
    expect(screen.getByRole('button', { name: 'Check: whole workbook' })).toBeTruthy();
    const english = container.cloneNode(true) as HTMLElement;
    english.querySelectorAll('[lang="zh-CN"]').forEach((e) => e.remove());
    expect(english.textContent).not.toMatch(/[\u3000-\u303f\uff00-\uffef“”‘’…]/);
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    const items = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
    expect(items).toEqual(['Mark in the sheet', 'Clear marks', 'Write the findings sheet', 'Turn into formulas', 'Insert a blank form', 'Rules']);
  });
});

describe('task pane in preview mode', () => {
  test('the preview hint is said once', () => {
    render(<App picked={{ kind: 'preview', host: null }} />);
    expect(screen.getAllByText(/当前不在 Excel 中运行/)).toHaveLength(1);
  });

  test('the 检查结果 notice promises no link the preview cannot follow', async () => {
    const host = createPreviewHost(await qingpuGrids());
    render(<App picked={{ kind: 'preview', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('已检查 5 张表格，发现 7 个问题', {}, LONG);
    await menu('生成检查结果表');
    const notice = (await screen.findByText(/已生成“检查结果”表/)).textContent!;
    expect(notice).not.toContain('可跳到');
    expect(host.view().active).toBe('检查结果');
  });
});
