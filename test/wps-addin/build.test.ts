import { parse } from 'acorn';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runInNewContext } from 'vm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fixtureXlsx } from '../core/fixtures';
import { FakeEt } from '../hosts/wps/fakeEt';
import { addinApplication, memoryStorage, wpsWithFunctions } from './fakeAddinPage';


const { buildWps } = require('../../scripts/build-wps.js') as {
  buildWps(o: { outRoot: string }): Promise<string>;
};
/** Every file under a folder, as paths relative to it with `/`. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

/** npm run build:wps, into a temporary folder. */
describe('the built WPS add-in package', () => {
  const out = mkdtempSync(join(tmpdir(), 'perfcheck-wps-'));
  let pkg = '';

  beforeAll(async () => {
    pkg = await buildWps({ outRoot: out });
  }, 300000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('is the offline folder perfcheck_<version> with manifest, ribbon, entry page, script, icons and task pane', () => {
    expect(pkg).toBe(join(out, `perfcheck_${version}`));
    for (const f of ['manifest.xml', 'ribbon.xml', 'index.html', 'js/perfcheck-wps.js', 'images/check.svg', 'taskpane.html', 'js/taskpane.js']) {
      expect(existsSync(join(pkg, f))).toBe(true);
    }
    expect(readFileSync(join(pkg, 'ribbon.xml'), 'utf8').startsWith('<customUI')).toBe(true);
    const src = /<script src="([^"]+)"/.exec(readFileSync(join(pkg, 'index.html'), 'utf8'))![1];
    expect(existsSync(join(pkg, src))).toBe(true);
  });

  test('holds a WPS manifest (JsPlugin) and nothing of the Excel add-in', () => {
    const manifest = readFileSync(join(pkg, 'manifest.xml'), 'utf8');
    expect(XMLValidator.validate(manifest)).toBe(true);
    const parsed = new XMLParser().parse(manifest) as Record<string, { Name?: string; ApiVersion?: string }>;
    expect(Object.keys(parsed).filter((k) => k !== '?xml')).toEqual(['JsPlugin']);
    expect(parsed.JsPlugin.Name).toContain('PerfCheck');
    const files = filesUnder(pkg);
    // No office.js or its runtime scripts, no Office manifest, no Excel custom-functions files, no Office icons.
    const office = /(^|\/)(office|o15apptofilemappingtable|custom-functions-runtime|(excel|excelios|excelwebapp)-[\w.-]+|functions|functions\.zh-CN)\.js(on)?$|office_strings|telemetry|\.png$/;
    expect(files.filter((f) => office.test(f))).toEqual([]);
    expect(manifest).not.toContain('OfficeApp');
    const html = readFileSync(join(pkg, 'taskpane.html'), 'utf8');
    expect(html).not.toMatch(/office\.js/);
    // (Minified: attribute values may be unquoted.)
    expect([...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1])).toEqual(['js/taskpane.js']);
    expect(files.every((f) => /^(manifest\.xml|ribbon\.xml|index\.html|taskpane\.html|checkWorker\.js(\.LICENSE\.txt)?|images\/\w+\.svg|js\/[\w.-]+\.(js|txt))$/.test(f))).toBe(true);
    // The pane's engine runs in its worker, beside taskpane.html as the pane asks for it.
    expect(files).toContain('checkWorker.js');
  });

  test('every script parses as ES2020, the language of WPS for Linux’s Chrome 87', () => {
    const scripts = filesUnder(pkg).filter((f) => f.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['js/perfcheck-wps.js', 'js/taskpane.js']));
    for (const f of scripts) expect(() => parse(readFileSync(join(pkg, f), 'utf8'), { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
  });

  test('the script has no eval and no new Function', () => {
    const js = readFileSync(join(pkg, 'js/perfcheck-wps.js'), 'utf8');
    expect(js).not.toMatch(/\beval\s*\(/);
    expect(js).not.toMatch(/new\s+Function\s*\(/);
  });

  test('publish.xml names the package folder for offline mode and shows the online form', () => {
    const xml = readFileSync(join(out, 'publish.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(parsed.jsplugins.jsplugin).toMatchObject({ name: 'perfcheck', type: 'et', url: `perfcheck_${version}`, version });
    expect(xml).toContain('<jspluginonline name="perfcheck" type="et"');
    expect(xml).toContain('%APPDATA%\\kingsoft\\wps\\jsaddons');
    expect(xml).toContain('~/.local/share/Kingsoft/wps/jsaddons');
  });

  test('run as WPS runs it, the script defines the ribbon callbacks, registers PERF.* and checks a sheet', async () => {
    const et = FakeEt.fromGrids(await fixtureXlsx('qingpu-2024-self-eval'));
    et.book.active = 3;
    const { app, panes } = addinApplication(et);
    const { wps, registered } = wpsWithFunctions();
    const alerts: string[] = [];
    const page: Record<string, unknown> = {
      Application: app,
      wps,
      alert: (m: string) => alerts.push(m),
      // A Windows profile named 张三, as the page sees its own address: percent-encoded.
      location: { href: 'file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Roaming/kingsoft/wps/jsaddons/perfcheck_0.1.0/index.html' },
      localStorage: memoryStorage(),
      URL,
      setTimeout,
      console,
    };
    page.window = page;
    runInNewContext(readFileSync(join(pkg, 'js/perfcheck-wps.js'), 'utf8'), page);
    const ribbon = readFileSync(join(pkg, 'ribbon.xml'), 'utf8');
    for (const [, name] of ribbon.matchAll(/\s(?:on|get)[A-Z]\w*="([^"]+)"/g)) expect(typeof page[name]).toBe('function');

    expect((page.OnAddinLoad as (ui: unknown) => boolean)({})).toBe(true);
    expect(registered.size).toBe(6);
    (page.OnAction as (c: { Id: string }) => void)({ Id: 'btnCheck' });
    for (let i = 0; i < 200 && alerts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(alerts[0]).toMatch(/^已检查工作表“表4”/);
    expect(et.cell('表4', 'H6').color).toBe(0xcec7ff);
    // The pane gets the decoded address, as the official templates pass it.
    (page.OnAction as (c: { Id: string }) => void)({ Id: 'btnOpenPane' });
    expect(panes.map((p) => p.url)).toEqual(['file:///C:/Users/张三/AppData/Roaming/kingsoft/wps/jsaddons/perfcheck_0.1.0/taskpane.html']);
  });
});
