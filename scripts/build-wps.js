#!/usr/bin/env node
/**
 * Builds the WPS 表格 add-in package: dist-wps/perfcheck_<version>/ holds ribbon.xml,
 * index.html with the entry script (js/perfcheck-wps.js), the ribbon icons and the task
 * pane (the same built page as the Excel add-in, taskpane.html), and dist-wps/publish.xml
 * is an example for both install modes. Usage: npm run build:wps
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const root = path.resolve(__dirname, '..');
const { version } = require(path.join(root, 'package.json'));
const NAME = 'perfcheck';
const DIST = path.join(root, 'dist');

function compile(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

/** The entry script only: the ribbon callbacks, the engine and the WPS host. */
function entryConfig(pkgDir) {
  return {
    mode: 'production',
    target: 'web',
    // No eval-based source maps: the add-in runs no eval.
    devtool: false,
    entry: path.join(root, 'wps-addin', 'entry.ts'),
    output: { path: path.join(pkgDir, 'js'), filename: 'perfcheck-wps.js', iife: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.join(root, 'tsconfig.json'),
            compilerOptions: { module: 'es2020', moduleResolution: 'bundler', noEmit: false },
          },
        },
      ],
    },
    performance: { hints: false },
  };
}

/**
 * The task pane is built by the Excel add-in's webpack config (into `dir`, dist/ by
 * default); it is built only when `dir` has no taskpane.html yet.
 */
async function ensureTaskpane(dir) {
  if (fs.existsSync(path.join(dir, 'taskpane.html'))) return;
  const configPath = path.join(root, 'webpack.config.js');
  if (!fs.existsSync(configPath)) {
    throw new Error(`缺少任务窗格：${dir} 中没有 taskpane.html，也找不到 webpack.config.js 来生成它。`);
  }
  console.log(`${path.relative(root, dir) || dir} 中没有 taskpane.html，先用 webpack.config.js 生成任务窗格……`);
  let config = require(configPath);
  if (typeof config === 'function') config = await config({ outputPath: dir }, { mode: 'production' });
  await compile(config);
  if (!fs.existsSync(path.join(dir, 'taskpane.html'))) {
    throw new Error(`webpack.config.js 运行后 ${dir} 中仍没有 taskpane.html。`);
  }
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

/**
 * Builds into `outRoot` (dist-wps by default) and returns the package folder. The task
 * pane comes from `taskpaneDir` (dist/ by default), built there first when missing.
 */
async function buildWps({ outRoot = path.join(root, 'dist-wps'), taskpaneDir = DIST } = {}) {
  const pkgDir = path.join(outRoot, `${NAME}_${version}`);
  await ensureTaskpane(taskpaneDir);
  fs.rmSync(outRoot, { recursive: true, force: true });
  fs.mkdirSync(pkgDir, { recursive: true });
  // Task pane first, so the add-in's own files win a name clash.
  fs.cpSync(taskpaneDir, pkgDir, { recursive: true });
  for (const f of ['ribbon.xml', 'index.html', 'images']) {
    fs.cpSync(path.join(root, 'wps-addin', f), path.join(pkgDir, f), { recursive: true });
  }
  await compile(entryConfig(pkgDir));
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
