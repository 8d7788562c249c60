import { readFileSync } from 'fs';
import { join } from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PERF_FUNCTIONS } from '../../src/functions/perf';
import { registerPerfFunctions } from '../../src/hosts/wps/customFunctions';
import { ribbonCallbacks } from '../../src/hosts/wps/ribbon';
import { fixtureXlsx } from '../core/fixtures';
import { FakeEt } from '../hosts/wps/fakeEt';
import { addinApplication, memoryStorage, wpsWithFunctions } from './fakeAddinPage';

const RIBBON = readFileSync(join(__dirname, '..', '..', 'wps-addin', 'ribbon.xml'), 'utf8');
const ERROR_FILL_BGR = 0xcec7ff;

/** Every attribute of ribbon.xml that names a callback, e.g. onAction="OnAction". */
function callbackNames(xml: string): string[] {
  return [...new Set([...xml.matchAll(/\s(on[A-Z]\w*|get[A-Z]\w*)="([^"]+)"/g)].map((m) => m[2]))];
}

describe('ribbon.xml', () => {
  test('is well-formed customUI with the 绩效检查 tab and its three buttons', () => {
    expect(RIBBON.startsWith('<customUI')).toBe(true);
    expect(XMLValidator.validate(RIBBON)).toBe(true);
    const ui = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(RIBBON);
    const tab = ui.customUI.ribbon.tabs.tab;
    expect(tab.label).toBe('绩效检查');
    expect(tab.group.button.map((b: { label: string }) => b.label)).toEqual(['打开检查面板', '一键检查', '清除标注']);
  });

  test('every callback it names is a global function once the entry script has run', () => {
    const names = callbackNames(RIBBON);
    expect(names).toEqual(expect.arrayContaining(['OnAddinLoad', 'OnAction', 'GetImage']));
    const g = globalThis as Record<string, unknown>;
    Object.assign(g, { Application: {}, wps: undefined, location: { href: 'file:///jsaddons/perfcheck_0.1.0/index.html' } });
    jest.isolateModules(() => {
      require('../../wps-addin/entry');
    });
    for (const name of names) expect(typeof g[name]).toBe('function');
    for (const name of [...names, 'Application', 'wps', 'location']) delete g[name];
  });
});

describe('ribbon buttons', () => {
  async function page(options: { et?: FakeEt; wps?: unknown } = {}) {
    const et = options.et ?? FakeEt.fromGrids(await fixtureXlsx('qingpu-2024-self-eval'));
    const { app, panes } = addinApplication(et);
    const alerts: string[] = [];
    let done = () => {};
    const callbacks = ribbonCallbacks({
      app: () => app,
      wps: () => options.wps,
      alert: (m) => alerts.push(m),
      taskpaneUrl: 'file:///jsaddons/perfcheck_0.1.0/taskpane.html',
      storage: memoryStorage(),
      onDone: () => done(),
    });
    /** Clicks a button and waits for its work and message. */
    const click = (Id: string) =>
      new Promise<void>((resolve) => {
        done = resolve;
        callbacks.OnAction({ Id });
      });
    return { et, app, panes, alerts, callbacks, click };
  }

  test('一键检查 marks the active sheet and says what it found, 清除标注 puts it back', async () => {
    const p = await page();
    const original = p.et.serialize();
    p.et.book.active = 3; // 表4, 青浦区劳模创新工作室创建
    await p.click('btnCheck');
    expect(p.alerts).toHaveLength(1);
    expect(p.alerts[0]).toMatch(/^已检查工作表“表4”：共 1 张表。\n发现错误 \d+ 处/);
    // By hand: 资金得分 printed 8.72 should be 8.27, and 总分 96.52 carries it.
    expect(p.et.cell('表4', 'H6').color).toBe(ERROR_FILL_BGR);
    expect(p.et.cell('表4', 'G20').color).toBe(ERROR_FILL_BGR);
    // Only the active sheet is checked.
    expect(p.et.cell('表3', 'H15').comment).toBeNull();

    await p.click('btnClear');
    expect(p.alerts[1]).toMatch(/^已清除 \d+ 个单元格的标注/);
    p.et.book.active = 0;
    expect(FakeEt.changes(original, p.et.serialize())).toEqual([]);
    await p.click('btnClear');
    expect(p.alerts[2]).toBe('没有需要清除的标注。');
  });

  test('一键检查 on a protected sheet tells the user and changes nothing', async () => {
    const p = await page();
    p.et.book.active = 3;
    p.et.sheet('表4').protect = true;
    const before = p.et.serialize();
    await p.click('btnCheck');
    expect(p.alerts[0]).toContain('工作表“表4”受保护');
    expect(FakeEt.changes(before, p.et.serialize())).toEqual([]);
  });

  test('一键检查 on a sheet without a form says so and marks nothing', async () => {
    const grids = await fixtureXlsx('qingpu-2024-self-eval');
    const et = FakeEt.fromGrids([{ sheet: '说明', top: 0, left: 0, cells: [[{ value: '填表说明', text: '填表说明' }]] }, ...grids]);
    const p = await page({ et });
    const before = et.serialize();
    await p.click('btnCheck');
    expect(p.alerts[0]).toContain('工作表“说明”上没有找到“财政项目支出绩效自评表”');
    expect(FakeEt.changes(before, et.serialize())).toEqual([]);
  });

  test('打开检查面板 opens the task pane page once, then shows and hides it', async () => {
    const p = await page();
    await p.click('btnOpenPane');
    expect(p.panes).toEqual([{ ID: 1, url: 'file:///jsaddons/perfcheck_0.1.0/taskpane.html', Visible: true }]);
    await p.click('btnOpenPane');
    await p.click('btnOpenPane');
    expect(p.panes).toHaveLength(1);
    expect(p.panes[0].Visible).toBe(true);
  });

  test('打开检查面板 tells the user when WPS cannot open the pane', async () => {
    const p = await page();
    p.app.CreateTaskPane = () => {
      throw new Error('找不到网页');
    };
    await p.click('btnOpenPane');
    expect(p.alerts).toEqual([expect.stringMatching(/^无法打开检查面板：找不到网页。/)]);
  });

  test('打开检查面板 opens a new pane when WPS no longer has the remembered one', async () => {
    const p = await page();
    await p.click('btnOpenPane');
    p.app.GetTaskPane = () => {
      throw new Error('无效的任务窗格 ID');
    };
    await p.click('btnOpenPane');
    expect(p.panes.map((x) => [x.ID, x.Visible])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(p.alerts).toEqual([]);
  });

  test('each button has its own icon inside the package', async () => {
    const { callbacks } = await page();
    const images = ['btnOpenPane', 'btnCheck', 'btnClear'].map((Id) => callbacks.GetImage({ Id }));
    expect(new Set(images).size).toBe(3);
    for (const img of images) expect(() => readFileSync(join(__dirname, '..', '..', 'wps-addin', img))).not.toThrow();
  });
});

describe('PERF.* cell functions', () => {
  test('registered under PERF in a WPS that has AddCustomFunction, computing like the forms', async () => {
    const { wps, registered } = wpsWithFunctions();
    const et = FakeEt.fromGrids(await fixtureXlsx('qingpu-2024-self-eval'));
    const alerts: string[] = [];
    const callbacks = ribbonCallbacks({
      app: () => addinApplication(et).app,
      wps: () => wps,
      alert: (m) => alerts.push(m),
      taskpaneUrl: 'taskpane.html',
      storage: memoryStorage(),
    });
    expect(callbacks.OnAddinLoad({})).toBe(true);
    expect([...registered.keys()]).toEqual(['PERF.RATE', 'PERF.SCORE', 'PERF.INDICATOR', 'PERF.GRADE', 'PERF.TOTAL', 'PERF.CHECK']);
    expect(alerts).toEqual([]);
    // 宝山 2022 一期场馆运营经费: 302003.6 / 359000 = 84.1236%, printed rounded up as 84.13%.
    expect(registered.get('PERF.RATE')!(359000, 302003.6, 'round-up')).toBe(0.8413);
    // 青浦 2024 劳模创新工作室: 34.08 / 41.20 = 82.72%, 资金得分 8.27 (8.72 was printed).
    expect(registered.get('PERF.SCORE')!(41.2, 34.08)).toBe(8.27);
    expect(registered.get('PERF.GRADE')!(96.07)).toBe('优');
    // A zero budget shows the error code in the cell.
    expect(registered.get('PERF.RATE')!(0, 5)).toBe('#DIV/0!');
  });

  test('each function comes with its Chinese help for 插入函数: description, result type, parameters', () => {
    const { wps, metadata } = wpsWithFunctions();
    expect(registerPerfFunctions(wps)).toBe(true);
    const score = metadata.get('PERF.SCORE')!;
    expect(score.description).toContain('资金得分');
    expect(score.result.type).toBe('any');
    expect(score.parameters.map((p) => [p.name, p.type])).toEqual([
      ['全年预算数', 'any'],
      ['全年执行数', 'any'],
      ['分值', 'any?'],
      ['规则', 'any?'],
    ]);
    expect(metadata.get('PERF.RATE')!.parameters.map((p) => p.name)).toEqual(['全年预算数', '全年执行数', '规则']);
    for (const [name, meta] of metadata) {
      // Every description, and every parameter's, is Chinese text the dialog can show.
      expect(meta?.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of meta!.parameters) expect(`${name} ${p.name} ${p.description}`).toMatch(/[\u4e00-\u9fff].*[\u4e00-\u9fff]/);
      expect(meta!.parameters.length).toBe(PERF_FUNCTIONS.find((f) => `PERF.${f.name}` === name)!.fn.length);
    }
  });

  test('an older WPS: the user is told once which version the functions need', async () => {
    const et = FakeEt.fromGrids(await fixtureXlsx('qingpu-2024-self-eval'));
    const alerts: string[] = [];
    const storage = memoryStorage();
    const load = () =>
      ribbonCallbacks({ app: () => addinApplication(et).app, wps: () => ({}), alert: (m) => alerts.push(m), taskpaneUrl: 'taskpane.html', storage }).OnAddinLoad({});
    expect(load()).toBe(true);
    expect(load()).toBe(true);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('需要 WPS 12.1.0.20540 或更高版本');
  });
});
