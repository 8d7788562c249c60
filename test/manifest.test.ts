import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { buildAddin } from './e2e/build';

const MANIFEST = readFileSync(resolve(__dirname, '../manifest.xml'), 'utf8');

/** Every value of `attr` anywhere in the document. */
function attributeValues(xml: string, attr: string): string[] {
  return [...xml.matchAll(new RegExp(`\\s${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

describe('manifest.xml', () => {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(MANIFEST);
  const app = parsed.OfficeApp;

  test('is well-formed XML for a task pane add-in', () => {
    expect(XMLValidator.validate(MANIFEST)).toBe(true);
    expect(app['@xsi:type']).toBe('TaskPaneApp');
    expect(app.DefaultLocale).toBe('en-US');
  });

  test('asks for ReadWriteDocument and nothing more, and for the shared runtime', () => {
    expect(app.Permissions).toBe('ReadWriteDocument');
    // ExcelApi 1.9: the oldest set the host uses without testing for it (fill patterns);
    // notes (1.18) and comments (1.10) are tested at run time.
    expect(app.Requirements.Sets.Set).toEqual([
      { '@Name': 'SharedRuntime', '@MinVersion': '1.1' },
      { '@Name': 'ExcelApi', '@MinVersion': '1.9' },
    ]);
    const host = app.VersionOverrides.Hosts.Host;
    expect(host.Runtimes.Runtime).toEqual({ '@resid': 'Taskpane.Url', '@lifetime': 'long' });
  });

  test('every resid is defined, and the functions namespace is PERF', () => {
    const defined = new Set(attributeValues(MANIFEST, 'id'));
    const used = attributeValues(MANIFEST, 'resid');
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !defined.has(r))).toEqual([]);
    const strings = app.VersionOverrides.Resources['bt:ShortStrings']['bt:String'];
    expect(strings.find((s: { '@id': string }) => s['@id'] === 'Functions.Namespace')['@DefaultValue']).toBe('PERF');
    expect(app.VersionOverrides.Hosts.Host.AllFormFactors.ExtensionPoint.Namespace['@resid']).toBe('Functions.Namespace');
  });

  test('Chinese display strings and the Chinese functions metadata override the English defaults', () => {
    expect(app.DisplayName.Override).toMatchObject({ '@Locale': 'zh-CN' });
    const urls = app.VersionOverrides.Resources['bt:Urls']['bt:Url'];
    const metadata = urls.find((u: { '@id': string }) => u['@id'] === 'Functions.Metadata.Url');
    expect(metadata['bt:Override']).toEqual({ '@Locale': 'zh-CN', '@Value': 'https://localhost:3000/functions.zh-CN.json' });
    const label = app.VersionOverrides.Resources['bt:ShortStrings']['bt:String'].find((s: { '@id': string }) => s['@id'] === 'TaskpaneButton.Label');
    expect(label['bt:Override']['@Value']).toBe('检查自评表');
  });

  test('every URL points to a file the build produces', async () => {
    const dist = await buildAddin();
    const urls = [...attributeValues(MANIFEST, 'DefaultValue'), ...attributeValues(MANIFEST, 'Value')].filter((v) => v.startsWith('https://'));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith('https://localhost:3000/')).toBe(true);
      const file = join(dist, new URL(url).pathname);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
    }
    // The pane loads office.js from Microsoft's CDN in <head>, and the copy on its own origin only when that fails.
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/<script id="?office-cdn"? src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/);
    // The fallback as minified: without Office, drop the CDN tag and write the local one.
    expect(head).toMatch(/window\.Office\|\|\(document\.getElementById\("office-cdn"\)\.remove\(\),document\.write\('<script src="office\.js"><\\\/script>'\)\)/);
    expect(head.indexOf('appsforoffice')).toBeLessThan(head.indexOf('window.Office||'));
    for (const f of ['office.js', 'en-us/office_strings.js', 'zh-cn/office_strings.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'functions.js'])
      expect({ f, exists: existsSync(join(dist, f)) }).toEqual({ f, exists: true });
  }, 600_000);
});
