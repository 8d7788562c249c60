/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the Excel add-in into dist/: the task pane (React), the custom functions (shared
// runtime: one page loads both), functions.json, the manifest, icons and a local copy of
// office.js: the page loads office.js from Microsoft's CDN and falls back to this copy
// when the CDN cannot be reached (intranets; docs/excel.md).
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { browserRules } = require('./scripts/browserTargets');

const OFFICE_JS = 'node_modules/@microsoft/office-js/dist';

/**
 * What office.js loads at run time for Excel, found by reading office.js: the file
 * mapping table, the Excel host scripts of every platform, the strings of the two
 * languages the add-in speaks, the custom-functions runtime and its telemetry module.
 * Debug builds and other hosts (Word, Outlook …) are left out.
 */
const OFFICE_RUNTIME_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-*.js',
  'excel*-15*.js',
  'custom-functions-runtime.js',
  'en-us/office_strings.js',
  'zh-cn/office_strings.js',
  'telemetry/oteljs_agave.js',
];

module.exports = async (env, argv) => {
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const outputPath = (env && env.outputPath) || path.resolve(__dirname, 'dist');
  return {
    mode: argv.mode || 'production',
    devtool: argv.mode === 'development' ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
      // The check engine's Web Worker, loaded by the pane as checkWorker.js beside taskpane.html.
      checkWorker: './src/taskpane/checkWorker.ts',
    },
    output: { path: outputPath, filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // TypeScript's node16 resolution wants `.js` in dynamic imports; the file is .ts.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      // The 汇总表 writer (src/cli/summaryWorkbook.ts) uses path only for links to copies
      // on disk, which the preview page's batch never has: no Node polyfill is shipped.
      fallback: { path: false },
    },
    // Every module, dependencies included, for the hosts' browsers (scripts/browserTargets.js).
    target: ['web', 'es2020'],
    module: { rules: browserRules() },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Shared runtime: the custom functions live in the task pane's page.
        chunks: ['functions', 'taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/functions/functions.zh-CN.json', to: 'functions.zh-CN.json' },
          ...OFFICE_RUNTIME_FILES.map((file) =>
            file.includes('*')
              ? { from: file, context: OFFICE_JS, to: '[name][ext]', globOptions: { ignore: ['**/*.debug.js'] }, info: { minimized: true } }
              : { from: file, context: OFFICE_JS, to: file, info: { minimized: true } },
          ),
        ],
      }),
    ],
    devServer: serving
      ? {
          port: 3000,
          headers: { 'Access-Control-Allow-Origin': '*' },
          // Certificates trusted by Office, made once by office-addin-dev-certs.
          server: { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() },
          static: false,
        }
      : undefined,
  };
};
