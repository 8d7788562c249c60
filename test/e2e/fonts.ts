import { readFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * No Chinese font on this machine: Noto Sans SC (OFL, test only, never shipped) stands in
 * for Windows' Microsoft YaHei, served from the pane's own origin under /__test-fonts/ so
 * that screenshots and axe's contrast checks see real glyphs.
 */
const FONT_DIR = join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');

/** The style to add to the page once it has loaded. */
export const FONT_CSS =
  ['400', '600']
    .map((w) => readFileSync(join(FONT_DIR, '..', `${w}.css`), 'utf8').replace(/url\(\.\/files\//g, 'url(/__test-fonts/'))
    .join('\n') + `\n.fui-FluentProvider { --fontFamilyBase: 'Segoe UI', 'Noto Sans SC', sans-serif !important; }`;

/** The font file a request on the pane's origin asks for, or null for any other request. */
export function testFontFile(url: string, origin: string): string | null {
  const font = /^\/__test-fonts\/([\w.-]+\.woff2?)$/.exec(new URL(url).pathname);
  return url.startsWith(origin) && font ? join(FONT_DIR, font[1]) : null;
}
