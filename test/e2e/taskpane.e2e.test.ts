import { existsSync, mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { Browser, chromium } from 'playwright-core';
import { buildAddin } from './build';
import { serve } from './server';
import { foreignFromPane, OFFICE_CDN, recordRequests } from './requests';
import { FORMS_DIR } from '../core/fixtures';

const SCREENSHOTS = resolve(__dirname, '../../test-output');

/**
 * The task pane in real headless Chromium, in preview mode (no Office): open the 青浦
 * 2024 workbook through the file input, check it, find the known findings, click one and
 * see its cell selected in the grid.
 */
describe('task pane in a browser (preview mode)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const dist = await buildAddin();
    server = await serve(dist);
    browser = await chromium.launch({ executablePath: process.env.PERFCHECK_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('checks qingpu-2024-self-eval.xlsx and selects a finding cell, with the office.js CDN out of reach', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1100 }, locale: 'zh-CN' });
    const seen = await recordRequests(page);
    const errors: string[] = [];
    // functions.js (the PERF.* custom functions, another module) shares this page; its
    // failures outside Excel are reported apart so the pane's own errors stay visible.
    const functionErrors: string[] = [];
    page.on('pageerror', (e) => (/functions\.js/.test(e.stack ?? '') ? functionErrors : errors).push(e.message));
    // An intranet: nothing but the add-in's own origin answers, the CDN included.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      return route.abort();
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByText('当前不在 Excel 中运行', { exact: false }).first().waitFor();

    await page.setInputFiles('input[type=file]', join(FORMS_DIR, 'qingpu-2024-self-eval.xlsx'));
    await page.getByText('已打开：qingpu-2024-self-eval.xlsx').waitFor();
    await page.getByRole('button', { name: '检查整个工作簿' }).click();

    const fund = page.locator('[data-code="FUND_SCORE_MISMATCH"][data-cell="表4!H6"]');
    await fund.waitFor();
    await expect(fund.innerText()).resolves.toContain('8.27');
    await expect(fund.innerText()).resolves.toContain('资金得分与重新计算的结果不符');
    await page.locator('[data-code="MISSING_DEVIATION_REASON"][data-cell="表3!H15"]').waitFor();
    await expect(page.getByText(/本次使用的规则/).innerText()).resolves.toMatch(/自动识别：执行率四舍五入/);

    await page.getByRole('button', { name: '标注到表格' }).click();
    await fund.click();
    const cell = page.locator('table[data-sheet="表4"] td[data-cell="H6"]');
    await expect(cell.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(cell.innerText()).resolves.toBe('8.72');
    // Marked with the error fill (#FFC7CE).
    await expect(cell.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(255, 199, 206)');

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'taskpane-preview.png'), fullPage: false });
    expect(errors).toEqual([]);
    if (functionErrors.length > 0) console.warn(`functions.js outside Excel: ${functionErrors.join('; ')}`);
    // The CDN was asked first, then the copy on the add-in's own origin was loaded instead.
    const asked = seen.map((r) => r.url);
    expect(asked).toContain(`${OFFICE_CDN}office.js`);
    expect(asked).toContain(`${server.url}/office.js`);
    expect(asked.indexOf(`${OFFICE_CDN}office.js`)).toBeLessThan(asked.indexOf(`${server.url}/office.js`));
    expect(foreignFromPane(seen, server.url)).toEqual([]);
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
