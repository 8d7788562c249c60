import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import * as path from 'path';
import { QINGPU_TSV, QINGPU_XLSX, tempDir } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const ROOT = path.join(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

test.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
])('%s while a copy is being written: the temporary file is removed, exit %i', (signal, status) => {
  const out = path.join(dir, 'out');
  const r = spawnSync(TSX, [path.join(__dirname, 'interruptWhileRenaming.ts'), signal, QINGPU_XLSX, QINGPU_TSV, '--out-dir', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  // The signal came after the first copy was written in full, before its rename.
  expect(r.stdout).toBe('renaming\n');
  expect(r.status).toBe(status);
  expect(readdirSync(out)).toEqual([]);
}, 120000);
