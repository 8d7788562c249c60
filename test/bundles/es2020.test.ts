import { parse, tokenizer, tokTypes } from 'acorn';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { buildAddin } from '../e2e/build';

/** Every .js file under a folder, relative to it. */
function scriptsUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scriptsUnder(dir, `${prefix}${e.name}/`) : e.name.endsWith('.js') ? [`${prefix}${e.name}`] : [],
  );
}

/**
 * The Excel add-in's production build (dist/, npm run build) must parse in the oldest
 * engines it meets: WPS for Linux's Chrome 87, Safari 14 on Mac. ES2020 is what they
 * all parse; class static blocks (Chrome 94) or `??=` in a dependency fail here.
 * The WPS package's scripts are parsed in test/wps-addin/build.test.ts.
 */
describe('the built Excel add-in', () => {
  let dist = '';
  beforeAll(async () => {
    dist = await buildAddin();
  }, 600000);

  test('every script in dist/ parses as ES2020', () => {
    const scripts = scriptsUnder(dist);
    expect(scripts).toEqual(expect.arrayContaining(['taskpane.js', 'functions.js', 'office.js']));
    const failures = scripts.flatMap((f) => {
      try {
        parse(readFileSync(join(dist, f), 'utf8'), { ecmaVersion: 2020, sourceType: 'script' });
        return [];
      } catch (e) {
        return [`${f}: ${(e as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  /**
   * ES2018's lookbehind `(?<=…)` / `(?<!…)` parses as ES2020, but Safari supports it only
   * from 16.4 (WebKit bug 174931; caniuse "Lookbehind in JS regular expressions"): one
   * such regex literal anywhere in a script is a SyntaxError that stops the whole script
   * in Excel on a Mac with Safari 14's engine.
   */
  test('no script holds a regex lookbehind, which Safari 14 cannot parse', () => {
    const found = scriptsUnder(dist).flatMap((f) => {
      const out: string[] = [];
      for (const token of tokenizer(readFileSync(join(dist, f), 'utf8'), { ecmaVersion: 2020 })) {
        // acorn gives a regex literal's value as { pattern, flags } (its typings leave `value` out).
        const pattern =
          token.type === tokTypes.regexp ? (token as unknown as { value: { pattern: string } }).value.pattern : '';
        if (/\(\?<[=!]/.test(pattern)) out.push(`${f}: /${pattern.slice(0, 60)}/`);
      }
      return out;
    });
    expect(found).toEqual([]);
  });
});
