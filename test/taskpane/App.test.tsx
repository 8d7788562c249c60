/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Finding } from '../../src/core/findings';
import { Grid } from '../../src/core/grid';
import { Host, HostError } from '../../src/hosts/host';
import { App } from '../../src/taskpane/App';
import { qingpuGrids } from '../hosts/excel/fixtures';

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
    ...overrides,
  };
  return { host, calls };
}

// Fluent UI measures elements jsdom does not lay out.
beforeAll(() => {
  window.matchMedia ??= ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {} })) as never;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as never;
});

describe('task pane', () => {
  test('the empty state says what to do', () => {
    const { host } = recordingHost([]);
    render(<App picked={{ kind: 'excel', host }} />);
    expect(screen.getByText('还没有检查结果')).toBeTruthy();
    expect(screen.getByText(/然后点击“检查当前工作表”或“检查整个工作簿”/)).toBeTruthy();
  });

  test('shows the 青浦 findings grouped by form, with meanings, expected and actual', async () => {
    const { host } = recordingHost(await qingpuGrids());
    render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    const group = await screen.findByRole('region', { name: '青浦区劳模创新工作室创建（表4）' });
    const row = within(group).getByText('资金得分与重新计算的结果不符').closest('button')!;
    expect(row.textContent).toContain('H6');
    expect(row.textContent).toContain('应为：8.27');
    expect(row.textContent).toContain('实际：8.72');
    expect(within(group).getByText('错误 2')).toBeTruthy();
    // The profile auto chose, and why.
    expect(screen.getByText(/本次使用的规则：自动识别：执行率四舍五入/)).toBeTruthy();
    expect(screen.getByText('已检查 5 张表格，发现 7 个问题。')).toBeTruthy();
  });

  test('the severity filter shows only that severity', async () => {
    const { host } = recordingHost(await qingpuGrids());
    const { container } = render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('资金得分与重新计算的结果不符');
    const codes = () => [...container.querySelectorAll('[data-code]')].map((e) => e.getAttribute('data-code'));
    expect(codes()).toHaveLength(7);
    fireEvent.click(screen.getByRole('button', { name: '警告 3' }));
    expect(codes()).toEqual(['SCORE_OUT_OF_BAND', 'SCORE_OUT_OF_BAND', 'SCORE_OUT_OF_BAND']);
    fireEvent.click(screen.getByRole('button', { name: '错误 4' }));
    expect(codes().sort()).toEqual(['FUND_SCORE_MISMATCH', 'MISSING_DEVIATION_REASON', 'MISSING_DEVIATION_REASON', 'TOTAL_RECOMPUTED_MISMATCH']);
  });

  test('clicking a finding selects its cell on its sheet', async () => {
    const { host, calls } = recordingHost(await qingpuGrids());
    const { container } = render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('资金得分与重新计算的结果不符');
    await act(async () => fireEvent.click(container.querySelector('[data-cell="表3!H15"]')!));
    expect(calls.select).toEqual([['表3', 'H15']]);
  });

  test('标注到表格 sends the findings and reports how many cells were marked', async () => {
    const { host, calls } = recordingHost(await qingpuGrids());
    render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('资金得分与重新计算的结果不符');
    fireEvent.click(screen.getByRole('button', { name: '标注到表格' }));
    expect(await screen.findByText('已在 7 个单元格上标注颜色和批注。')).toBeTruthy();
    expect(calls.annotate[0].map((f) => f.code)).toContain('FUND_SCORE_MISMATCH');
  });

  test('a host error is shown in plain Chinese', async () => {
    const message = '工作表“表3”受保护，PerfCheck 没有做任何修改。请在“审阅”选项卡中撤消工作表保护后重试。';
    const { host } = recordingHost(await qingpuGrids(), {
      annotate: async () => {
        throw new HostError('protected', message);
      },
    });
    render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('资金得分与重新计算的结果不符');
    fireEvent.click(screen.getByRole('button', { name: '标注到表格' }));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });

  test('a sheet without a form says so and offers nothing to mark', async () => {
    const grid: Grid = { sheet: '说明', top: 0, left: 0, cells: [[{ value: '填表说明', text: '填表说明' }]] };
    const { host } = recordingHost([grid]);
    render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查当前工作表' }));
    expect(await screen.findByText(/没有找到“财政项目支出绩效自评表”/)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: '标注到表格' }).hasAttribute('disabled')).toBe(true));
  });

  test('switches to English', async () => {
    const { host } = recordingHost([]);
    render(<App picked={{ kind: 'excel', host }} />);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Check the whole workbook' })).toBeTruthy();
  });
});
