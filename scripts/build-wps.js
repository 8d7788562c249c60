#!/usr/bin/env node
/**
 * Builds the WPS 表格 add-in package: dist-wps/perfcheck_<version>/ holds the WPS
 * manifest.xml (JsPlugin) and ribbon.xml, index.html with the entry script
 * (js/perfcheck-wps.js), the ribbon icons and the task pane (taskpane.html, js/taskpane.js),
 * and no file of the Excel add-in (no office.js, Office manifest or Excel scripts);
 * dist-wps/publish.xml is an example for both install modes. Usage: npm run build:wps
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const webpack = require('webpack');
const { browserRules } = require('./browserTargets');

const root = path.resolve(__dirname, '..');
const { version } = require(path.join(root, 'package.json'));
const NAME = 'perfcheck';

function compile(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

/**
 * What WPS loads, and nothing of the Excel add-in's: the entry script (ribbon callbacks,
 * engine, WPS host) and the task pane (the same React page as in Excel, from a page
 * without office.js), both for the hosts' browsers (scripts/browserTargets.js).
 */
function wpsConfig(pkgDir) {
  return {
    mode: 'production',
    target: ['web', 'es2020'],
    // No eval-based source maps: the add-in runs no eval.
    devtool: false,
    entry: {
      'perfcheck-wps': path.join(root, 'wps-addin', 'entry.ts'),
      taskpane: path.join(root, 'src', 'taskpane', 'index.tsx'),
      // The check engine's Web Worker: the pane loads it as checkWorker.js beside taskpane.html.
      checkWorker: { import: path.join(root, 'src', 'taskpane', 'checkWorker.ts'), filename: 'checkWorker.js' },
    },
    output: { path: pkgDir, filename: 'js/[name].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // TypeScript's node16 resolution wants `.js` in dynamic imports; the file is .ts.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      // As in webpack.config.js: the 汇总表 writer's path import is for copy links on disk only.
      fallback: { path: false },
    },
    module: { rules: browserRules() },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(root, 'wps-addin', 'taskpane.html'),
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
    ],
  };
}

function publishXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  PerfCheck 绩效自评表助手的 WPS 加载项清单示例。把它放到 jsaddons 目录：
    Windows: %APPDATA%\\kingsoft\\wps\\jsaddons\\publish.xml
    Linux:   ~/.local/share/Kingsoft/wps/jsaddons/publish.xml
  若该文件已存在，只把下面的一行加入其中的 <jsplugins>，不要覆盖别的加载项。
-->
<jsplugins>
  <!-- 离线模式：把 ${NAME}_${version} 文件夹复制到 publish.xml 所在的 jsaddons 目录。 -->
  <jsplugin name="${NAME}" type="et" url="${NAME}_${version}" version="${version}" enable="enable_dev" install="null" customDomain=""/>
  <!-- 在线模式：把 ${NAME}_${version} 文件夹的内容部署到内网服务器，改用下面一行（地址以 / 结尾，
       浏览器打开 地址/ribbon.xml 应看到以 <customUI 开头的文本），并删掉上面的离线行：
  <jspluginonline name="${NAME}" type="et" url="https://内网服务器/perfcheck/" enable="enable_dev" install="null" customDomain=""/>
  -->
</jsplugins>
`;
}

/** The files of wps-addin/ the package holds as they are. */
const ADDIN_FILES = ['manifest.xml', 'ribbon.xml', 'index.html', 'images'];

/** Builds into `outRoot` (dist-wps by default) and returns the package folder. */
async function buildWps({ outRoot = path.join(root, 'dist-wps') } = {}) {
  const pkgDir = path.join(outRoot, `${NAME}_${version}`);
  fs.rmSync(outRoot, { recursive: true, force: true });
  fs.mkdirSync(pkgDir, { recursive: true });
  for (const f of ADDIN_FILES) fs.cpSync(path.join(root, 'wps-addin', f), path.join(pkgDir, f), { recursive: true });
  await compile(wpsConfig(pkgDir));
  fs.writeFileSync(path.join(outRoot, 'publish.xml'), publishXml());
  return pkgDir;
}

module.exports = { buildWps, publishXml };

if (require.main === module) {
  buildWps().then(
    (pkgDir) => console.log(`WPS 加载项已生成：${path.relative(root, pkgDir)}；安装示例：dist-wps/publish.xml（见 docs/wps.md）`),
    (e) => {
      console.error(`生成 WPS 加载项失败：${e.message}`);
      process.exit(1);
    },
  );
}
