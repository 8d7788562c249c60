import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const ROOT = resolve(__dirname, '../..');
/**
 * Where the end-to-end tests' production build goes: outside the repo, reused across runs
 * of the same checkout (never another checkout's build).
 */
export const E2E_DIST = join(tmpdir(), `perfcheck-e2e-dist-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
const STAMP = join(E2E_DIST, '.built-at');
const LOCK = `${E2E_DIST}.lock`;

/** Newest modification time under the inputs of the build. */
function newestInput(): number {
  let newest = 0;
  const visit = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) readdirSync(path).forEach((n) => visit(join(path, n)));
    else newest = Math.max(newest, s.mtimeMs);
  };
  ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json'].map((p) => join(ROOT, p)).filter(existsSync).forEach(visit);
  return newest;
}

function fresh(): boolean {
  return existsSync(STAMP) && Number(readFileSync(STAMP, 'utf8')) >= newestInput();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the add-in once (webpack, production) into E2E_DIST and returns that folder.
 * Skips the build when the last one is newer than every input; a lock directory keeps
 * two test files running in parallel from building at the same time.
 */
export async function buildAddin(): Promise<string> {
  if (fresh()) return E2E_DIST;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than 10 minutes is stale.
      if (Date.now() - statSync(LOCK).mtimeMs > 600_000) rmdirSync(LOCK);
      await sleep(1000);
    }
  }
  try {
    if (!fresh()) {
      const started = Date.now();
      execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `outputPath=${E2E_DIST}`], {
        cwd: ROOT,
        stdio: 'pipe',
      });
      writeFileSync(STAMP, String(started));
    }
  } finally {
    rmdirSync(LOCK);
  }
  return E2E_DIST;
}
