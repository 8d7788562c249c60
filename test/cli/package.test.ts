import { execFileSync, spawnSync } from 'child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'fs';
import * as path from 'path';
import { tempDir } from './helpers';

const ROOT = path.join(__dirname, '../..');
const QINGPU_XLS = path.join(__dirname, 'batch', 'qingpu-2024-self-eval.xls');

interface PackResult {
  filename: string;
  files: { path: string }[];
}

/**
 * `npm pack` then installing the tarball is how the command line is installed alone
 * (README). Packed in a copy of the sources, so that the prepack build cannot race the
 * other tests that build into build/. Scripts are asked for: this machine's npm config sets
 * ignore-scripts, which would skip prepack.
 */
test('npm pack: the tarball holds the built command and its runtime dependencies are enough to run it', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = path.join(dir, 'project');
    mkdirSync(project);
    for (const entry of ['package.json', 'package-lock.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'src', 'docs']) {
      cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts=false', '--pack-destination', dir], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as PackResult[];
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['bin/perfcheck.js', 'build/cli/main.js', 'build/cli/fileWorker.js', 'build/io/legacyWorkbook.js', 'package.json', 'README.md']));
    expect(files.filter((f) => !/^(build\/(cli|core|io)\/.*\.js|bin\/perfcheck\.js|package\.json|README\.md|docs\/cli\.md)$/.test(f))).toEqual([]);

    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@e965/xlsx', 'decimal.js', 'exceljs', 'numfmt']);

    // Unpack and run it with only the runtime dependencies beside it (npm ls --omit=dev).
    const installed = path.join(dir, 'installed');
    mkdirSync(installed);
    execFileSync('tar', ['xzf', path.join(dir, packed.filename), '-C', installed]);
    const modules = path.join(installed, 'node_modules');
    mkdirSync(path.join(modules, '@e965'), { recursive: true });
    const runtime = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .map((p) => path.relative(path.join(ROOT, 'node_modules'), p))
      .filter((p) => p !== '' && !p.startsWith('..') && !p.includes('node_modules'));
    expect(runtime.some((p) => /react|fluentui/.test(p))).toBe(false);
    for (const name of runtime) {
      mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
    }
    const r = spawnSync(process.execPath, [path.join(installed, 'package', 'bin', 'perfcheck.js'), QINGPU_XLS, '--format', 'json'], {
      cwd: installed,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { summary: { forms: number } }).summary.forms).toBe(5);
  } finally {
    cleanup();
  }
}, 300000);
