/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { cellAt, parseAddress } from '../../src/core/grid';
import { createExcelHost } from '../../src/hosts/excel';
import { Host } from '../../src/hosts/host';
import { createWpsHost } from '../../src/hosts/wps';
import { App } from '../../src/taskpane/App';
import { FakeExcel } from '../hosts/excel/fakeOffice';
import { qingpuGrids } from '../hosts/excel/fixtures';
import { FakeEt } from '../hosts/wps/fakeEt';
import { stubLayout, LONG } from './paneHarness';

beforeAll(stubLayout);

/** A workbook in one of the hosts' fakes: its host, what it holds now, and the same file saved and opened again. */
interface Workbook {
  host(): Host;
  saved(): string;
  reopened(): Workbook;
}

function excel(fake: FakeExcel): Workbook {
  return { host: () => createExcelHost(fake.api()), saved: () => fake.save(), reopened: () => excel(FakeExcel.open(fake.save())) };
}

function wps(et: FakeEt): Workbook {
  return { host: () => createWpsHost(et.application), saved: () => et.serialize(), reopened: () => wps(FakeEt.open(et.serialize())) };
}

/**
 * The pane over the real Excel and WPS hosts, each on its documented fake: what the user
 * clicks reaches the workbook, the check after it reads the workbook back, and 撤销改正
 * works in a pane opened on the saved and reopened file.
 */
describe.each([
  ['Excel', async () => excel(FakeExcel.fromGrids(await qingpuGrids()))],
  ['WPS', async () => wps(FakeEt.fromGrids(await qingpuGrids()))],
])('the pane over the %s host', (_, open) => {
  test('改正, 全部改正, then save, reopen and 撤销改正', async () => {
    const book = await open();
    const { unmount } = render(<App picked={{ kind: 'excel', host: book.host() }} />);
    fireEvent.click(screen.getByRole('button', { name: '检查整个工作簿' }));
    await screen.findByText('已检查 5 张表格，发现 7 个问题', {}, LONG);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '改正 表4!H6 为 8.27' })));
    await screen.findByText('已改正 1 个单元格：表4!H6 8.72 → 8.27；可点击“撤销改正”恢复。', {}, LONG);
    await screen.findByText('已检查 5 张表格，发现 6 个问题', {}, LONG);
    expect(screen.queryByRole('button', { name: '改正 表4!H6 为 8.27' })).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '全部改正：所有已检查的表格' })));
    await screen.findByText(/^已改正 1 个单元格：表4!G20 96\.52 → 96\.07；/, {}, LONG);
    await screen.findByText('已检查 5 张表格，发现 5 个问题', {}, LONG);
    unmount();

    // A pane opened on the saved file finds the changes recorded in it.
    const again = book.reopened();
    render(<App picked={{ kind: 'excel', host: again.host() }} />);
    const undo = await screen.findByRole('button', { name: '撤销改正' }, LONG);
    await act(async () => fireEvent.click(undo));
    await screen.findByText('已撤销改正：2 个单元格恢复了原来的值、公式和格式，条件格式规则已移除（标注保留）。', {}, LONG);
    await screen.findByText('已检查 1 张表格，发现 1 个问题', {}, LONG);
    const undone = await again.host().readSheets(['表4']);
    const text = (a1: string) => {
      const [g] = undone;
      const { row, col } = parseAddress(a1);
      return cellAt(g, row - g.top, col - g.left).text;
    };
    expect([text('H6'), text('G20')]).toEqual(['8.72', '96.52']);
  });
});
