// Prints the size of each script webpack built (raw and gzip) and fails when the task
// pane's own bundle is above its budget: it is downloaded every time the pane opens.
// Usage: node scripts/bundle-sizes.js [dist-dir]
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const TASKPANE_BUDGET_GZIP = 300 * 1024;
const dir = path.resolve(process.argv[2] || 'dist');
// office.js and the files it loads are Microsoft's, copied as they are.
const isOfficeRuntime = (name) => /^(office|o15apptofilemappingtable|custom-functions-runtime|excel(ios|webapp)?-[\d.]+.*|excel-[a-z0-9]+-[\d.]+.*)\.js$/.test(name);

const rows = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.js') && !isOfficeRuntime(name))
  .map((name) => {
    const data = fs.readFileSync(path.join(dir, name));
    return { name, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('\n打包体积（gzip）/ bundle sizes:');
for (const r of rows) console.log(`  ${r.name.padEnd(36)} ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`);
const taskpane = rows.find((r) => r.name === 'taskpane.js');
if (!taskpane) {
  console.error('没有找到 taskpane.js，请先运行 webpack。');
  process.exit(1);
}
console.log(`  任务窗格 taskpane.js gzip ${kb(taskpane.gzip)}，上限 ${kb(TASKPANE_BUDGET_GZIP)}`);
if (taskpane.gzip > TASKPANE_BUDGET_GZIP) {
  console.error('任务窗格的脚本超过体积上限：请检查是否把 exceljs 等大依赖打进了主包。');
  process.exit(1);
}
