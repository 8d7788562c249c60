#!/usr/bin/env node
'use strict';
// The command is written in TypeScript and compiled to build/ by `npm run build:cli`.
let cli;
try {
  cli = require('../build/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).split('\n')[0].includes('main.js')) {
    process.stderr.write('perfcheck 尚未编译，请先在项目目录运行：npm run build:cli\n');
    process.exit(2);
  }
  throw e;
}
cli.run();
