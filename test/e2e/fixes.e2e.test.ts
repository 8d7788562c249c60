import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { Browser, chromium } from 'playwright-core';
import { buildAddin } from './build';
import { OFFICE_CDN } from './requests';
import { OFFICE_TELEMETRY, serve } from './server';
import { FORMS_DIR } from '../core/fixtures';
import { axeViolations } from './axe';
import { FONT_CSS, testFontFile } from './fonts';

/**
 * The accountant's flow, shot step by step at 900×700: README.md shows the copies in
 * docs/images, rewritten only on request (PERFCHECK_DOCS_IMAGES=1 npx jest test/e2e/fixes),
 * so that a test run leaves the checkout as it was.
 */
const IMAGES = resolve(__dirname, process.env.PERFCHECK_DOCS_IMAGES === '1' ? '../../docs/images' : '../../test-output');

/**
 * 改正, 全部改正, 撤销改正 and 改为公式 in real headless Chromium on the built preview page,
 * over the published 青浦 2024 workbook (表4's 资金得分 and 总分 are fixable).
 */
describe('fixing a form in the browser (preview mode)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await serve(await buildAddin());
    browser = await chromium.launch({ executablePath: process.env.PERFCHECK_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
    mkdirSync(IMAGES, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('青浦: 改正 one, 全部改正, 撤销改正, 改为公式, 插入空白自评表; axe clean at every step', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => {
      if (!/functions\.js/.test(e.stack ?? '')) errors.push(e.message);
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      const font = testFontFile(url, server.url);
      if (font) return route.fulfill({ path: font });
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      // office.js is asked from Microsoft's CDN first (blocked here: the page falls back to its own copy).
      if (url !== OFFICE_TELEMETRY && !url.startsWith(OFFICE_CDN)) errors.push(`asked another origin: ${url}`);
      return route.abort();
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.addStyleTag({ content: FONT_CSS });
    await page.setInputFiles('input[type=file]', join(FORMS_DIR, 'qingpu-2024-self-eval.xlsx'));
    await page.getByText('已打开：qingpu-2024-self-eval.xlsx').waitFor();
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.getByText('已检查 5 张表格，发现 7 个问题').waitFor();

    const codes = () => page.locator('[data-code]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-cell')} ${e.getAttribute('data-code')}`));
    const cell = (sheet: string, a1: string) => page.locator(`table[data-sheet="${sheet}"] td[data-cell="${a1}"]`);
    /** Screenshot for the README, by default with the grid scrolled to show the 得分 column (H), then axe. */
    const shot = async (name: string, gridLeft = true) => {
      await page.evaluate(() => document.fonts.ready);
      if (gridLeft) await page.getByRole('region', { name: /^表格预览（只读）：/ }).evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await page.mouse.move(5, 695);
      await page.screenshot({ path: join(IMAGES, name) });
      expect(await axeViolations(page)).toEqual([]);
    };

    // Only what the form determines offers 改正.
    const fixButtons = page.getByRole('button', { name: /^改正 / });
    expect(await fixButtons.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(['改正 表4!H6 为 8.27', '改正 表4!G20 为 96.07']);
    expect(await page.getByRole('button', { name: '撤销改正' }).isDisabled()).toBe(true);
    await shot('fix-1-findings.png');

    // 改正 one, by keyboard.
    await page.getByRole('button', { name: '改正 表4!H6 为 8.27' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('已改正 1 个单元格：表4!H6 8.72 → 8.27；可点击“撤销改正”恢复。在“更多”中可下载改正后的副本（原文件不会改动）。').waitFor();
    expect(await codes()).not.toContain('表4!H6 FUND_SCORE_MISMATCH');
    await page.getByRole('button', { name: '表4', exact: true }).click();
    expect(await cell('表4', 'H6').innerText()).toBe('8.27');
    expect(await page.getByRole('button', { name: '撤销改正' }).isDisabled()).toBe(false);
    await shot('fix-2-one.png');

    // 全部改正: what is left needs a person (a missing 偏差原因, scores out of their band).
    await page.getByRole('button', { name: '全部改正：所有已检查的表格' }).click();
    await page.getByText(/^已改正 1 个单元格：表4!G20 96\.52 → 96\.07；/).waitFor();
    await page.getByText('已检查 5 张表格，发现 5 个问题').waitFor();
    expect((await codes()).filter((c) => /MISMATCH/.test(c))).toEqual([]);
    expect(await fixButtons.count()).toBe(0);
    expect(await cell('表4', 'G20').innerText()).toBe('96.07');
    await shot('fix-3-all.png');

    // 下载改正后的副本: the user's file with both fixes, named as perfcheck --fix names its copies.
    await page.getByRole('button', { name: '更多' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '下载改正后的副本' }).click()]);
    expect(download.suggestedFilename()).toBe('qingpu-2024-self-eval.已改正.xlsx');
    await page.getByText(/^已下载“qingpu-2024-self-eval\.已改正\.xlsx”：打开的文件加上现在的 2 处改动/).waitFor();
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(join(FORMS_DIR, 'qingpu-2024-self-eval.xlsx'));
    const t4 = copy.getWorksheet('表4')!;
    expect([t4.getCell('H6').value, t4.getCell('G20').value]).toEqual([8.27, 96.07]);
    expect(t4.getCell('H6').numFmt).toBe(original.getWorksheet('表4')!.getCell('H6').numFmt);
    expect(t4.getCell('B5').value).toEqual(original.getWorksheet('表4')!.getCell('B5').value);
    expect(copy.worksheets.map((w) => w.name)).toEqual([...original.worksheets.map((w) => w.name), '改正记录']);
    expect(copy.getWorksheet('改正记录')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1, 6))).toEqual([
      [1, '表4', 'H6', '8.72', '8.27'],
      [2, '表4', 'G20', '96.52', '96.07'],
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // 撤销改正: the values the workbook had, and the findings with them.
    await page.getByRole('button', { name: '撤销改正' }).click();
    await page.getByText('已撤销改正：2 个单元格恢复了原来的值、公式和格式，条件格式规则已移除（标注保留）。').waitFor();
    await page.getByText('已检查 5 张表格，发现 7 个问题').waitFor();
    expect(await cell('表4', 'H6').innerText()).toBe('8.72');
    expect(await cell('表4', 'G20').innerText()).toBe('96.52');
    expect(await page.getByRole('button', { name: '撤销改正' }).isDisabled()).toBe(true);
    await shot('fix-4-undo.png');

    // 改为公式 (plain): the cells show the same values, each with its formula.
    await page.getByRole('button', { name: '更多' }).click();
    await page.getByRole('menuitem', { name: '改为公式' }).click();
    await page.getByRole('menuitem', { name: '普通公式（推荐：任何电子表格都能计算）' }).click();
    await page.getByText(/^已把 25 个单元格改为公式，并添加 10 条条件格式规则/).waitFor();
    // The formulas compute what the form determines, so its mismatches are gone too.
    await page.getByText('已检查 5 张表格，发现 5 个问题').waitFor();
    await page.getByRole('button', { name: '表4', exact: true }).click();
    expect(await cell('表4', 'H6').innerText()).toBe('8.27');
    expect(await cell('表4', 'H6').getAttribute('data-formula')).toMatch(/^=IF\(D6=0,"",IF\(E6\/D6\*100>=100,F6,MIN\(ROUND/);
    await shot('fix-5-formulas.png');

    // 插入空白自评表 where the user clicks: refused on the form itself, written below it.
    await page.getByRole('button', { name: '表1', exact: true }).click();
    const insertBlank = async () => {
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('menuitem', { name: '插入空白自评表' }).click();
    };
    await cell('表1', 'C3').click();
    await insertBlank();
    expect(await page.getByRole('alert').innerText()).toMatch(/^不能在 表1!C3 插入空白自评表：需要的区域 C3:J25 中已有内容（C3、/);
    expect(await cell('表1', 'C3').innerText()).toBe('灵活就业工作经费');
    await cell('表1', 'A24').click();
    await insertBlank();
    await page.getByText(/^已在 表1!A24:H46 插入空白自评表/).waitFor();
    await page.getByText(/^已检查 6 张表格/).waitFor();
    expect(await cell('表1', 'A24').innerText()).toBe('项目支出绩效自评表');
    // The new form at the top of the grid, under the column letters.
    await cell('表1', 'A23').evaluate((td) => {
      const scroller = td.closest('[role=region]')!;
      scroller.scrollTop += td.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 24;
    });
    await shot('fix-6-blank.png', false);

    // 撤销改正 takes back the formulas and the blank form: the workbook as it was opened.
    await page.getByRole('button', { name: '撤销改正' }).click();
    await page.getByText(/^已撤销改正：\d+ 个单元格恢复了原来的值、公式和格式/).waitFor();
    await page.getByText('已检查 5 张表格，发现 7 个问题').waitFor();
    expect(await cell('表1', 'A24').innerText()).toBe('');
    await page.getByRole('button', { name: '表4', exact: true }).click();
    expect(await cell('表4', 'H6').innerText()).toBe('8.72');
    expect(await cell('表4', 'H6').getAttribute('data-formula')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
