import { readFileSync } from 'fs';
import { join } from 'path';
import ts from 'typescript';

/**
 * The fake ET object model as a script for a browser page (page.addInitScript): the
 * same TypeScript the unit tests use, transpiled, with a tiny `require` for its imports.
 * The page gets `window.Application` and `window.wps` over the saved workbook, and
 * `window.__et` to look at it from the test.
 */
const FILES: Record<string, string> = {
  // The fake shows numbers in their formats with numfmt (its CommonJS build).
  numfmt: require.resolve('numfmt'),
  grid: join(__dirname, '..', '..', 'src', 'core', 'grid.ts'),
  fakeEt: join(__dirname, '..', 'hosts', 'wps', 'fakeEt.ts'),
  addin: join(__dirname, 'fakeAddinPage.ts'),
};

/** Import paths inside those files → their key above. */
const IMPORTS: Record<string, string> = {
  numfmt: 'numfmt',
  '../../../src/core/grid': 'grid',
  '../hosts/wps/fakeEt': 'fakeEt',
};

function transpiled(file: string): string {
  if (file.endsWith('.js')) return readFileSync(file, 'utf8');
  return ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
}

export function wpsPageScript(saved: string, activeSheet: number): string {
  const modules = Object.entries(FILES)
    .map(([k, f]) => `${JSON.stringify(k)}: function (exports, require) {\n${transpiled(f)}\n}`)
    .join(',\n');
  return `(() => {
  const factories = {${modules}};
  const imports = ${JSON.stringify(IMPORTS)};
  const cache = {};
  const load = (name) => {
    if (!cache[name]) {
      cache[name] = {};
      factories[name](cache[name], (path) => load(imports[path]));
    }
    return cache[name];
  };
  const et = load('fakeEt').FakeEt.open(${JSON.stringify(saved)});
  et.book.active = ${activeSheet};
  window.__et = et;
  window.Application = load('addin').addinApplication(et).app;
  window.wps = {};
})();`;
}
