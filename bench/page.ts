/**
 * The reviewers' batch through the preview page (`npm run bench:page`): the same 200
 * workbooks as bench/batch.ts (.xlsx from examples/, .xls and .csv made by LibreOffice,
 * test/cli/batch/) in one folder, chosen with the page's folder picker in headless
 * Chromium (/usr/bin/chromium, or PERFCHECK_CHROMIUM), checked one file at a time in the
 * engine's Web Worker. Prints files and forms per second for the check, then the time to
 * make the 汇总表 and the zip of annotated copies. The production build is the end-to-end
 * tests' (test/e2e/build.ts), rebuilt only when the sources changed.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { chromium, Page } from 'playwright-core';
import { buildAddin } from '../test/e2e/build';
import { serve } from '../test/e2e/server';
import { reviewerInbox } from './reviewerInbox';

async function timed(page: Page, button: string): Promise<number> {
  const started = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  await download.path();
  return (performance.now() - started) / 1000;
}

async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'perfcheck-page-bench-'));
  const { inbox, files } = reviewerInbox(dir);
  const server = await serve(await buildAddin());
  const browser = await chromium.launch({
    executablePath: process.env.PERFCHECK_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    await page.route('**/*', (route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('button', { name: '批量检查…' }).click();
    await page.getByRole('heading', { name: '批量检查' }).waitFor();

    const started = performance.now();
    await page.setInputFiles('input[webkitdirectory]', inbox);
    const summary = page.getByTestId('batch-summary');
    await summary.waitFor({ timeout: 1_800_000 });
    const seconds = (performance.now() - started) / 1000;
    const text = (await summary.textContent()) ?? '';
    const forms = Number(/(\d+) 张表/.exec(text)?.[1] ?? 0);
    console.log(
      `page check: ${files} files, ${forms} forms in ${seconds.toFixed(1)} s = ` +
        `${(files / seconds).toFixed(1)} files/s, ${(forms / seconds).toFixed(0)} forms/s`,
    );
    console.log(`  ${text}`);
    console.log(`  汇总表 (.xlsx) made and downloaded in ${(await timed(page, '下载汇总表（.xlsx）')).toFixed(1)} s`);
    const zipSeconds = await timed(page, '下载带标注的副本（.zip）');
    console.log(
      `  zip of annotated copies made and downloaded in ${zipSeconds.toFixed(1)} s = ${(files / zipSeconds).toFixed(1)} files/s`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
