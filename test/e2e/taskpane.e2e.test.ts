import { existsSync, mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { buildAddin } from './build';
import { foreignFromPane, Initiated, OFFICE_CDN, recordRequests } from './requests';
import { OFFICE_TELEMETRY, serve } from './server';
import { FORMS_DIR } from '../core/fixtures';
import { axeViolations } from './axe';
import { FONT_CSS, testFontFile } from './fonts';

const SCREENSHOTS = resolve(__dirname, '../../test-output');

/** Whether the page scrolls sideways (it must not, down to 320 px). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * The task pane in real headless Chromium, in preview mode (no Office): open a published
 * workbook through the file input, check it, and look at what a reviewer sees.
 */
describe('task pane in a browser (preview mode)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const dist = await buildAddin();
    server = await serve(dist);
    browser = await chromium.launch({ executablePath: process.env.PERFCHECK_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * A page on the pane, as on an intranet where nothing but the add-in's origin answers
   * (the office.js CDN included, so the page falls back to its own copy), that records
   * errors, every request with who made it, workers and chunks.
   */
  async function openPane(width: number, height: number) {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    const seen = {
      requests: await recordRequests(page),
      blocked: [] as string[],
      officeTelemetry: [] as string[],
      errors: [] as string[],
      functionErrors: [] as string[],
      workers: [] as string[],
      scripts: [] as string[],
    };
    // functions.js (the PERF.* custom functions, another module) shares this page; its
    // failures outside Excel are reported apart so the pane's own errors stay visible.
    page.on('pageerror', (e) => (/functions\.js/.test(e.stack ?? '') ? seen.functionErrors : seen.errors).push(e.message));
    page.on('worker', (w) => seen.workers.push(w.url()));
    // The pane must not reach anything but its own origin.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      const font = testFontFile(url, server.url);
      if (font) return route.fulfill({ path: font });
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) {
        if (url.endsWith('.js')) seen.scripts.push(url);
        return route.continue();
      }
      if (url === OFFICE_TELEMETRY) seen.officeTelemetry.push(url);
      else seen.blocked.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.addStyleTag({ content: FONT_CSS });
    await page.getByText('当前不在 Excel 中运行', { exact: false }).first().waitFor();
    return { page, seen };
  }

  async function openFile(page: Page, name: string) {
    await page.setInputFiles('input[type=file]', join(FORMS_DIR, name));
    await page.getByText(`已打开：${name}`).waitFor();
  }

  function done(seen: { errors: string[]; requests: Initiated[]; functionErrors: string[]; officeTelemetry: string[] }) {
    expect(seen.errors).toEqual([]);
    if (seen.functionErrors.length > 0) console.warn(`functions.js outside Excel: ${seen.functionErrors.join('; ')}`);
    if (seen.officeTelemetry.length > 0) console.warn(`office.js asked for its telemetry proxy (blocked): ${seen.officeTelemetry[0]}`);
    // The pane's own page and bundles asked no other origin than the office.js CDN; what
    // the Office library itself tries, whenever it fires, is Microsoft's (requests.ts).
    expect(foreignFromPane(seen.requests, server.url)).toEqual([]);
    // The CDN out of reach: it was asked first, then the copy on the add-in's own origin.
    const asked = seen.requests.map((r) => r.url);
    expect(asked.indexOf(`${OFFICE_CDN}office.js`)).toBeGreaterThanOrEqual(0);
    expect(asked.indexOf(`${OFFICE_CDN}office.js`)).toBeLessThan(asked.indexOf(`${server.url}/office.js`));
  }

  test('宝山 at 350×600: errors first, three findings on the first screen, the engine off the main thread, no axe violation', async () => {
    const { page, seen } = await openPane(350, 600);
    // Long tasks (> 50 ms) on the pane's thread, with when they started.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
    });
    await openFile(page, 'baoshan-2022-self-eval.xlsx');

    const from = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: '检查当前工作表' }).click();
    const cards = page.locator('[data-code]');
    await cards.first().waitFor();
    const to = await page.evaluate(() => performance.now());
    await page.evaluate(() => document.fonts.ready);
    // The pointer off the list, so the screenshot shows no hovered card.
    await page.mouse.move(340, 5);

    // The engine ran in the worker: a worker on checkWorker.js started, and the pane never
    // loaded the chunk it falls back to when no worker can start.
    expect(seen.workers.some((url) => url.endsWith('/checkWorker.js'))).toBe(true);
    expect(seen.scripts.filter((url) => /engine-inline/.test(url))).toEqual([]);
    // Measured, not asserted: a loaded machine stretches any task (see docs/excel.md).
    const tasks = await page.evaluate(([a, b]) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= a && t.start <= b), [from, to]);
    console.log(
      `宝山 check: ${Math.round(to - from)} ms from click to results; main-thread long tasks during it: ${tasks.length}` +
        (tasks.length ? ` (longest ${Math.round(Math.max(...tasks.map((t) => t.duration)))} ms)` : ''),
    );

    // The first screen: summary and filter, then at least three findings, an error first.
    const height = 600;
    const onScreen = async (selector: string) =>
      page.locator(selector).evaluateAll((els, h) => els.filter((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= h; }).length, height);
    expect(await page.getByText('已检查 19 张表格，发现 18 个问题').isVisible()).toBe(true);
    expect(await onScreen('text=已检查 19 张表格，发现 18 个问题')).toBe(1);
    expect(await onScreen('[role=group][aria-label="按严重程度筛选"]')).toBe(1);
    expect(await onScreen('[data-code]')).toBeGreaterThanOrEqual(3);
    expect(await cards.first().getAttribute('data-severity')).toBe('error');
    expect(await page.getByRole('group', { name: '按严重程度筛选' }).getByRole('button').allInnerTexts()).toEqual(['全部 18', '错误 4', '警告 13', '提示 1']);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'taskpane-350.png') });
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: the 更多 menu, then 标注到表格.
    await page.getByRole('button', { name: '更多' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: '标注到表格' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('已在 18 个单元格上标注颜色和批注。').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The first error, by keyboard: its card stays marked, its cell is selected, and only
    // the grid scrolls to it (the pane stays where it was).
    const first = cards.first();
    const cell = (await first.getAttribute('data-cell'))!.split('!')[1];
    const pageScroll = await page.evaluate(() => window.scrollY);
    await first.focus();
    await page.keyboard.press('Enter');
    const td = page.locator(`table[data-sheet="自评表"] td[data-cell="${cell}"]`);
    await page.waitForFunction((c) => document.querySelector(`td[data-cell="${c}"]`)?.getAttribute('aria-current') === 'true', cell);
    expect(await first.getAttribute('aria-current')).toBe('true');
    expect(await page.evaluate(() => window.scrollY)).toBe(pageScroll);
    const scroller = page.getByRole('region', { name: '表格预览（只读）：自评表' });
    await page.waitForFunction(() => document.querySelector('[role=region][tabindex="0"]')!.scrollTop > 0);
    // The cell shows inside the grid, not under its sticky row numbers or column letters.
    const [box, at, colHead, rowHead] = await Promise.all([
      scroller.boundingBox(),
      td.boundingBox(),
      scroller.locator('thead th').first().boundingBox(),
      scroller.locator('tbody th').first().boundingBox(),
    ]);
    expect(at!.y).toBeGreaterThanOrEqual(colHead!.y + colHead!.height);
    expect(at!.y + at!.height).toBeLessThanOrEqual(box!.y + box!.height);
    // Sticky: the column letters at the grid's top, the row numbers at its left.
    expect(Math.abs(colHead!.y - box!.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(rowHead!.x - box!.x)).toBeLessThanOrEqual(2);
    expect(await td.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 199, 206)');
    expect(await axeViolations(page)).toEqual([]);

    // 320 px: no sideways scroll, the title fits.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 320, height: 600 });
    await page.evaluate(() => document.fonts.ready);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await page.locator('h1').evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'taskpane-320.png') });
    expect(await axeViolations(page)).toEqual([]);

    // 1000 px: the grid beside the findings.
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.evaluate(() => document.fonts.ready);
    // Another finding, by mouse: the grid scrolls to its column as far as needed.
    await page.locator('[data-code][data-cell="自评表!E472"]').click();
    await page.waitForFunction(() => document.querySelector('td[data-cell="E472"]')?.getAttribute('aria-current') === 'true');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'taskpane-1000.png') });
    expect(await axeViolations(page)).toEqual([]);
    done(seen);
    await page.close();
  }, 180_000);

  test('青浦: checks qingpu-2024-self-eval.xlsx, marks it and selects a finding cell', async () => {
    const { page, seen } = await openPane(900, 1100);
    await openFile(page, 'qingpu-2024-self-eval.xlsx');
    await page.getByRole('button', { name: '检查整个工作簿' }).click();

    const fund = page.locator('[data-code="FUND_SCORE_MISMATCH"][data-cell="表4!H6"]');
    await fund.waitFor();
    const text = await fund.innerText();
    expect(text).toContain('资金得分与重新计算的结果不符');
    expect(text).toContain('表4!H6 · 资金得分');
    expect(text).toContain('表中 8.72 → 应为 8.27');
    await page.locator('[data-code="MISSING_DEVIATION_REASON"][data-cell="表3!H15"]').waitFor();
    await page.getByText('执行率四舍五入（与表中 5 个执行率中的 4 个一致，与 5 个资金得分中的 4 个一致）').waitFor();

    await page.getByRole('button', { name: '更多' }).click();
    await page.getByRole('menuitem', { name: '标注到表格' }).click();
    await page.getByText('已在 7 个单元格上标注颜色和批注。').waitFor();
    await fund.click();
    const cell = page.locator('table[data-sheet="表4"] td[data-cell="H6"]');
    await page.waitForFunction(() => document.querySelector('table[data-sheet="表4"] td[data-cell="H6"]')?.getAttribute('aria-current') === 'true');
    await expect(cell.innerText()).resolves.toBe('8.72');
    // Marked with the error fill (#FFC7CE); the note carries no finding code.
    await expect(cell.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(255, 199, 206)');
    await expect(cell.getAttribute('title')).resolves.toMatch(/^PerfCheck 检查：\n【错误】资金得分应为 8\.27/);
    expect(await page.locator('body').innerText()).not.toMatch(/[A-Z]+_[A-Z_]+/);

    await page.screenshot({ path: join(SCREENSHOTS, 'taskpane-preview.png'), fullPage: false });
    done(seen);
    await page.close();
  }, 120_000);

  test('with the CDN reachable, office.js comes from it and the local copy is not loaded', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const seen = await recordRequests(page);
    const dist = await buildAddin();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      // Stands in for the CDN with the same library files (no network in tests).
      if (url.startsWith(OFFICE_CDN)) {
        const file = join(dist, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        return existsSync(file) ? route.fulfill({ path: file, contentType: 'text/javascript' }) : route.abort();
      }
      return route.abort();
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText('当前不在 Excel 中运行', { exact: false }).first().waitFor();
    expect(seen.map((r) => r.url)).toContain(`${OFFICE_CDN}office.js`);
    expect(seen.map((r) => r.url)).not.toContain(`${server.url}/office.js`);
    expect(foreignFromPane(seen, server.url)).toEqual([]);
    await page.close();
  }, 120_000);

  test('the check on foreign requests would catch the pane asking another origin itself', async () => {
    const page = await browser.newPage();
    const seen = await recordRequests(page);
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText('当前不在 Excel 中运行', { exact: false }).first().waitFor();
    // A request made from the page's own code (as taskpane.js would make it).
    await page.evaluate(() => fetch('https://example.invalid/track').catch(() => undefined));
    // The DevTools event may arrive just after the page's answer: wait for it, however long.
    while (!seen.some((r) => r.url === 'https://example.invalid/track')) await page.waitForTimeout(50);
    expect(foreignFromPane(seen, server.url).map((r) => r.url)).toEqual(['https://example.invalid/track']);
    await page.close();
  }, 120_000);
});
