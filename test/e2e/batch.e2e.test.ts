import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import { join } from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/engine';
import { parseCsv } from '../../src/core/csvGrid';
import { parseTsv } from '../../src/core/tsv';
import { readLegacyWorkbook } from '../../src/io/legacyWorkbook';
import { DEFAULT_LIMITS } from '../../src/io/limits';
import { sheetNameFor } from '../../src/io/sheetName';
import { decodeText } from '../../src/io/text';
import { readXlsx } from '../../src/io/xlsx';
import { SUMMARY_HEADERS } from '../../src/cli/summaryWorkbook';
import { buildAddin } from './build';
import { foreignFromPane, Initiated, recordRequests } from './requests';
import { serve } from './server';
import { FORMS_DIR } from '../core/fixtures';
import { axeViolations } from './axe';


const WORKBOOKS = ['baoshan-2022-self-eval.xlsx', 'baoshan-2024-target-declaration.xlsx', 'qingpu-2024-self-eval.xlsx'];
const TEXT = 'qingpu-2024-self-eval.tsv';
/** Made by LibreOffice from the published 青浦 form (test/cli/batch/README.md). */
const BATCH_FIXTURES = join(__dirname, '..', 'cli', 'batch');
const LEGACY = ['qingpu-2024-self-eval.xls', 'qingpu-2024-self-eval-表4.csv'];

const fixturePath = (name: string) => join(LEGACY.includes(name) ? BATCH_FIXTURES : FORMS_DIR, name);

/** Project names of every form in a file, as the engine finds them on the command line's side (Node). */
async function formsIn(name: string): Promise<string[]> {
  const data = readFileSync(fixturePath(name));
  const base = name.replace(/\.[^.]+$/, '');
  const grids = name.endsWith('.tsv')
    ? [parseTsv(data.toString('utf8'), base)]
    : name.endsWith('.csv')
      ? [parseCsv(decodeText(data).text, sheetNameFor(base))]
      : name.endsWith('.xls')
        ? readLegacyWorkbook(data, await import('@e965/xlsx'), DEFAULT_LIMITS)
        : await readXlsx(data, ExcelJS);
  return checkWorkbook(grids).forms.map((f) => f.form.project?.value ?? '');
}

/**
 * The preview page as the reviewers' batch tool, in real headless Chromium: a folder of
 * the shared forms (3 .xlsx, a .tsv, an .xls and a .csv, a README and a PDF) chosen with the folder
 * picker, the summary with every form, a form opened in the single-file view, and the
 * 汇总表 and the zip of annotated copies downloaded and reopened here.
 */
describe('batch check on the preview page', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let folder: string;
  const expected = new Map<string, string[]>();

  beforeAll(async () => {
    const dist = await buildAddin();
    server = await serve(dist);
    browser = await chromium.launch({ executablePath: process.env.PERFCHECK_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
    folder = join(mkdtempSync(join(tmpdir(), 'perfcheck-batch-')), '自评表');
    mkdirSync(folder);
    for (const name of [...WORKBOOKS, TEXT, ...LEGACY]) {
      copyFileSync(fixturePath(name), join(folder, name));
      expected.set(`自评表/${name}`, await formsIn(name));
    }
    copyFileSync(join(FORMS_DIR, 'README.md'), join(folder, 'README.md'));
    writeFileSync(join(folder, '说明.pdf'), '%PDF-1.4\n');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (folder) rmSync(join(folder, '..'), { recursive: true, force: true });
  });

  async function openBatch(): Promise<{ page: Page; errors: string[]; requests: Initiated[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => {
      if (!/functions\.js/.test(e.stack ?? '')) errors.push(e.message);
    });
    const requests = await recordRequests(page);
    // Nothing but the page's own origin answers (the office.js CDN neither).
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith(server.url) || url.startsWith('blob:') || url.startsWith('data:') ? route.continue() : route.abort();
    });
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('button', { name: '批量检查…' }).click();
    await page.getByRole('heading', { name: '批量检查' }).waitFor();
    return { page, errors, requests };
  }

  async function downloaded(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }

  test('a folder: every form in the summary, sortable, a form opened, the 汇总表 and the zip reopened', async () => {
    const { page, errors, requests } = await openBatch();
    expect(await axeViolations(page)).toEqual([]);

    await page.setInputFiles('input[webkitdirectory]', folder);
    const summary = page.getByTestId('batch-summary');
    await summary.waitFor({ timeout: 120_000 });
    const formCount = [...expected.values()].reduce((n, f) => n + f.length, 0);
    expect(formCount).toBeGreaterThan(4);
    await expect(summary.textContent()).resolves.toContain(`共 8 个文件，${formCount} 张表`);
    await expect(summary.textContent()).resolves.toContain('2 个文件已跳过');

    // One row per form, and one for each skipped file with its reason.
    const rows = page.locator('[data-testid=batch-table] tbody tr');
    await expect(rows.count()).resolves.toBe(formCount + 2);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelectorAll('td')[1].textContent]));
    for (const [file, projects] of expected) expect(shown.filter(([f]) => f === file).map(([, p]) => p)).toEqual(projects);
    await expect(page.locator('[data-testid=batch-table] tbody tr', { hasText: '自评表/说明.pdf' }).textContent()).resolves.toContain('PDF 文件无法检查');
    await expect(page.locator('[data-testid=batch-table] tbody tr', { hasText: '自评表/README.md' }).textContent()).resolves.toContain('不是可检查的文件类型');
    expect(await axeViolations(page)).toEqual([]);

    // Sorting by 错误, descending on the second click: the header says so, the rows follow.
    const errorsHeader = page.locator('th[scope=col]', { hasText: '错误' });
    await errorsHeader.getByRole('button').click();
    await errorsHeader.getByRole('button').click();
    await expect(errorsHeader.getAttribute('aria-sort')).resolves.toBe('descending');
    const errorCounts = (await page.locator('[data-testid=batch-table] tbody tr td:nth-child(8)').allTextContents()).map(Number);
    expect(errorCounts).toEqual([...errorCounts].sort((a, b) => b - a));
    expect(errorCounts[0]).toBeGreaterThan(0);

    // The 汇总表, written by the command line's writer: one row per form plus the two skipped files.
    const sheet = await downloaded(page, '下载汇总表（.xlsx）');
    expect(sheet.name).toBe('汇总表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总表')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...SUMMARY_HEADERS]);
    expect(ws.rowCount).toBe(1 + formCount + 2);
    const column = (h: string) => SUMMARY_HEADERS.indexOf(h as (typeof SUMMARY_HEADERS)[number]) + 1;
    for (const [file, projects] of expected) {
      const written: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 1 && row.getCell(column('文件')).text === file) written.push(row.getCell(column('项目名称')).text);
      });
      expect(written).toEqual(projects);
    }
    const errorTotal = errorCounts.reduce((a, b) => a + b, 0);
    let writtenErrors = 0;
    ws.eachRow((row, n) => {
      if (n > 1) writtenErrors += Number(row.getCell(column('错误')).value ?? 0);
    });
    expect(writtenErrors).toBe(errorTotal);

    // The zip: one annotated copy per checked file (the TSV and .xls beside the .xlsx of the same name get “(2)”, “(3)”), each with its 检查结果 sheet.
    const zipped = await downloaded(page, '下载带标注的副本（.zip）');
    expect(zipped.name).toBe('带标注的副本.zip');
    const zip = await JSZip.loadAsync(zipped.bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    expect(names).toEqual(
      [
        '自评表/baoshan-2022-self-eval.检查结果.xlsx',
        '自评表/baoshan-2024-target-declaration.检查结果.xlsx',
        '自评表/qingpu-2024-self-eval.检查结果.xlsx',
        '自评表/qingpu-2024-self-eval (2).检查结果.xlsx',
        '自评表/qingpu-2024-self-eval (3).检查结果.xlsx',
        '自评表/qingpu-2024-self-eval-表4.检查结果.xlsx',
      ].sort(),
    );
    for (const name of names) {
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.load((await zip.file(name)!.async('uint8array')) as unknown as ArrayBuffer);
      expect(copy.getWorksheet('检查结果')).toBeDefined();
    }

    // A form with errors opens in the single-file view with its findings and grid, and back.
    const first = page.locator('[data-testid=batch-table] tbody tr').first();
    const [openedFile, openedSheet] = [await first.locator('th').textContent(), await first.locator('td').first().textContent()];
    await first.getByRole('button').click();
    await page.locator('[data-code]').first().waitFor();
    await page.getByText(`已打开：${openedFile}`).first().waitFor();
    await page.getByRole('region', { name: `表格预览（只读）：${openedSheet}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '返回批量结果' }).click();
    await expect(rows.count()).resolves.toBe(formCount + 2);

    expect(errors).toEqual([]);
    // Nothing left the machine: no request but the page's own origin (and office.js's CDN, asked by the page's <head>).
    expect(foreignFromPane(requests, server.url)).toEqual([]);
    await page.close();
  });

  test('files dropped on the page are checked like picked ones', async () => {
    const { page, errors } = await openBatch();
    const files = [WORKBOOKS[0], TEXT].map((name) => ({ name, data: [...readFileSync(join(FORMS_DIR, name))] }));
    const transfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.data)], f.name));
      return dt;
    }, files);
    await page.getByTestId('batch-drop').dispatchEvent('drop', { dataTransfer: transfer });
    const summary = page.getByTestId('batch-summary');
    await summary.waitFor({ timeout: 120_000 });
    const formCount = (await formsIn(WORKBOOKS[0])).length + (await formsIn(TEXT)).length;
    await expect(summary.textContent()).resolves.toContain(`共 2 个文件，${formCount} 张表`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
