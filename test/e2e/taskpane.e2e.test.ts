import { mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { Browser, chromium } from 'playwright-core';
import { buildAddin } from './build';
import { serve } from './server';
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

  test('checks qingpu-2024-self-eval.xlsx and selects a finding cell', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1100 }, locale: 'zh-CN' });
    const foreign: string[] = [];
    const errors: string[] = [];
    // functions.js (the PERF.* custom functions, another module) shares this page; its
    // failures outside Excel are reported apart so the pane's own errors stay visible.
    const functionErrors: string[] = [];
    page.on('pageerror', (e) => (/functions\.js/.test(e.stack ?? '') ? functionErrors : errors).push(e.message));
    // The pane must not reach anything but its own origin.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      foreign.push(url);
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
    expect(foreign).toEqual([]);
    await page.close();
  }, 120_000);
});
