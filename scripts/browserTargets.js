/**
 * The browsers every bundle must run in, as esbuild targets: WPS 表格 for Linux 11.1
 * embeds Chrome 87, Office on Mac runs add-ins in Safari 14 (WKWebView) and Office on
 * Windows in Edge (WebView2, Chromium 87 or later). Dependencies are transpiled to these
 * too, so syntax newer than the oldest of them (class static blocks, `??=`) never ships.
 */
const BROWSER_TARGETS = ['chrome87', 'safari14', 'edge87'];

/**
 * What the bundles are held to: those browsers, and no syntax past ES2020 even where
 * they all have it (`??=` is in Chrome 85), so one parser check covers every host.
 */
const TARGET = [...BROWSER_TARGETS, 'es2020'];

/**
 * esbuild (0.28) lists destructuring as unsupported before Safari 14.1 and cannot lower
 * it. The entry behind that comes from compat-table PR 2008: a WebKit bug with array rest
 * destructuring verified in Safari 9 to 13.1, Safari 14.0 not tested (evanw/esbuild#4436,
 * babel/babel#17773). Safari 14 parses and runs destructuring, so it is passed through,
 * as Vite does for the same targets (vitejs/vite#22346).
 */
const SUPPORTED = { destructuring: true };

/** The webpack rules that transpile our TypeScript and every dependency's JavaScript for those browsers. */
function browserRules() {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      loader: 'esbuild-loader',
      options: { loader: 'tsx', target: TARGET, supported: SUPPORTED },
    },
    {
      test: /\.[cm]?js$/,
      include: /node_modules/,
      loader: 'esbuild-loader',
      options: { loader: 'js', target: TARGET, supported: SUPPORTED },
    },
  ];
}

module.exports = { BROWSER_TARGETS, browserRules };
