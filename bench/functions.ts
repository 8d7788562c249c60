/**
 * Benchmark of the PERF.* functions: PERF.SCORE evaluations per second on the fund rows
 * of the shared forms (target ≥ 200,000/s), and the gzip size of the Excel functions
 * bundle built with webpack in production mode, as the add-in builds it (target ≤ 60 KB).
 * Run: npm run bench:functions
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { loadavg, cpus, tmpdir } from 'os';
import { join, resolve } from 'path';
import { gzipSync } from 'zlib';
import webpack from 'webpack';
import { findForms } from '../src/core/engine';
import { totalFundRow } from '../src/core/form';
import { cellAt, parseAddress } from '../src/core/grid';
import { parseTsv } from '../src/core/tsv';
import { Decimal } from '../src/core/decimal';

// The build's own rules, shared by webpack.config.js and scripts/build-wps.js (CommonJS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { browserRules } = require('../scripts/browserTargets.js') as { browserRules(): webpack.RuleSetRule[] };
import { fundScore } from '../src/core/fundScore';
import { NATIONAL, profileById } from '../src/core/profiles';
import { score } from '../src/functions/perf';

const ROOT = resolve(__dirname, '..');
// The shared real forms beside the repository (../shared/forms).
const FORMS = join(__dirname, '..', '..', 'shared', 'forms');

/** (budget, actual, weight, profile) as a sheet passes them: text from the TSV, numbers parsed from it. */
function calls(): unknown[][] {
  const out: unknown[][] = [];
  for (const [file, profile] of [
    ['baoshan-2022-self-eval', 'round-up'],
    ['qingpu-2024-self-eval', undefined],
  ] as const) {
    const grid = parseTsv(readFileSync(`${FORMS}/${file}.tsv`, 'utf8'), file);
    for (const form of findForms(grid)) {
      const row = totalFundRow(form);
      if (!row?.budget || !row.actual || !row.weight) continue;
      const text = [row.budget, row.actual, row.weight].map((r) => {
        const { row: y, col: x } = parseAddress(r.cell);
        return cellAt(grid, y, x).text;
      });
      out.push([...text, profile]);
      out.push([...text.map((t) => Number(t.replace(/,/g, ''))), profile]);
    }
  }
  return out;
}

/**
 * Calls per CPU second of `f` over the argument lists: CPU time, and the best of
 * several rounds, since the machine is shared and wall time counts others' work.
 */
function rate<T>(args: T[], f: (x: T) => unknown): number {
  const run = (n: number) => {
    for (let i = 0; i < n; i++) f(args[i % args.length]);
  };
  run(50_000);
  let best = 0;
  for (let round = 0; round < 7; round++) {
    const n = 100_000;
    const start = process.cpuUsage();
    run(n);
    const used = process.cpuUsage(start);
    best = Math.max(best, n / ((used.user + used.system) / 1e6));
  }
  return best;
}

function throughput(): void {
  const args = calls() as [unknown, unknown, unknown, string | undefined][];
  const perSecond = rate(args, (a) => score(...a));
  // The same rows already as decimals, straight into the core: what the wrapper adds on top.
  const decimals = args.map(([b, a, w, p]) => ({
    b: new Decimal(String(b).replace(/,/g, '')),
    a: new Decimal(String(a).replace(/,/g, '')),
    w: new Decimal(String(w)),
    p: (p && profileById(p)) || NATIONAL,
  }));
  const core = rate(decimals, (x) => fundScore(x.b, x.a, x.w, x.p));
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`load average ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs`);
  console.log(`PERF.SCORE: ${n(perSecond)} evaluations per CPU second over ${args.length} real fund rows (target ≥ 200,000/s) ${perSecond >= 200_000 ? 'OK' : 'SLOW'}`);
  console.log(`  core fundScore alone: ${n(core)}/s; the wrapper (argument reading, checks) takes ${Math.round((1 - perSecond / core) * 100)}% of each call`);
}

function bundle(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'perf-functions-'));
  const compiler = webpack({
    mode: 'production',
    context: ROOT,
    entry: './src/functions/functions.ts',
    target: ['web', 'es2020'],
    devtool: false,
    output: { path: dir, filename: 'functions.js' },
    resolve: { extensions: ['.ts', '.js'] },
    // The rules the shipped bundles are built with (Chrome 87, Safari 14, Edge 87).
    module: { rules: browserRules() },
    performance: { hints: false },
  });
  return new Promise((done, fail) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || !stats || stats.hasErrors()) {
        fail(err ?? new Error(stats?.toString('errors-only')));
        return;
      }
      let raw = 0;
      let gz = 0;
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        const bytes = readFileSync(join(dir, f));
        raw += bytes.length;
        gz += gzipSync(bytes, { level: 9 }).length;
      }
      rmSync(dir, { recursive: true, force: true });
      const kb = (b: number) => (b / 1024).toFixed(1);
      console.log(`functions bundle: ${kb(raw)} KB minified, ${kb(gz)} KB gzip (target ≤ 60 KB) ${gz <= 60 * 1024 ? 'OK' : 'TOO BIG'}`);
      done();
    });
  });
}

throughput();
bundle().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
