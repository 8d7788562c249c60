import { createServer, Server } from 'http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { AddressInfo } from 'net';
import { extname, join, normalize } from 'path';
import { Browser, chromium } from 'playwright-core';
import { fixtureXlsx } from '../core/fixtures';
import { FakeEt } from '../hosts/wps/fakeEt';
import { wpsPageScript } from '../wps-addin/pageScript';
import { foreignFromPane, recordRequests } from './requests';
import { OFFICE_TELEMETRY } from './server';


const { buildWps } = require('../../scripts/build-wps.js') as {
  buildWps(o: { outRoot: string }): Promise<string>;
};

/**
 * The WPS add-in package as npm run build:wps makes it (its own task pane page, without
 * office.js), served on 127.0.0.1 as an online add-in is, in headless
 * Chromium with WPS's `wps` and `Application` injected (the fake ET object model over
 * 青浦 2024, 表4 active): the pane must pick the WPS host, check the sheet and mark it.
 */
const ERROR_FILL_BGR = 0xcec7ff;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png' };

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the task pane in WPS 表格 (headless Chromium, fake ET)', () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  const out = mkdtempSync(join(tmpdir(), 'perfcheck-wps-e2e-'));

  beforeAll(async () => {
    const dir = await buildWps({ outRoot: join(out, 'package') });
    server = await serve(dir);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: process.env.PERFCHECK_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    rmSync(out, { recursive: true, force: true });
  });

  test('checks the active sheet and fills 表4!H6 and G20, then clears them', async () => {
    const et = FakeEt.fromGrids(await fixtureXlsx('qingpu-2024-self-eval'));
    const page = await browser.newPage();
    const seen = await recordRequests(page);
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (url === OFFICE_TELEMETRY) console.warn(`office.js asked for its telemetry proxy (blocked): ${url}`);
      else elsewhere.push(url);
      return route.abort();
    });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.addInitScript(wpsPageScript(et.serialize(), 3));
    await page.goto(`${base}/taskpane.html`);

    await page.getByRole('button', { name: '检查当前工作表' }).click();
    // After a check the actions are in the 更多 menu.
    await page.getByRole('button', { name: '更多' }).click();
    await page.getByRole('menuitem', { name: '标注到表格' }).click();
    await page.getByText(/已在 \d+ 个单元格上标注颜色和批注/).waitFor();

    const fill = (cell: string) => page.evaluate((c) => (window as unknown as { __et: FakeEt }).__et.cell('表4', c), cell);
    // By hand: 资金得分 printed 8.72 should be 8.27 (34.08 / 41.20), and 总分 96.52 carries it.
    expect((await fill('H6')).color).toBe(ERROR_FILL_BGR);
    expect((await fill('H6')).comment?.text).toContain('PerfCheck 检查：');
    expect((await fill('G20')).color).toBe(ERROR_FILL_BGR);
    // The engine ran in the package's own worker, off the pane's thread.
    expect(workers.some((url) => url.endsWith('/checkWorker.js'))).toBe(true);

    await page.getByRole('button', { name: '更多' }).click();
    await page.getByRole('menuitem', { name: '清除标注' }).click();
    await page.getByText(/已清除 \d+ 个单元格的标注/).waitFor();
    expect(await fill('H6')).toMatchObject({ pattern: -4142, colorIndex: -4142, comment: null });
    const saved = await page.evaluate(() => (window as unknown as { __et: FakeEt }).__et.serialize());
    const original = FakeEt.fromGrids(await fixtureXlsx('qingpu-2024-self-eval'));
    original.book.active = 3;
    expect(FakeEt.changes(original.serialize(), saved)).toEqual([]);
    // The WPS page loads no office.js: nothing at all leaves the add-in's origin.
    expect(elsewhere).toEqual([]);
    expect(foreignFromPane(seen, base)).toEqual([]);
    await page.close();
  });
});
