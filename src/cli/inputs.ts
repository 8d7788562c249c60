import { promises as fs } from 'fs';
import * as path from 'path';
import { InputKind, inputKind, naturalOrder, READABLE, skipReason } from '../io/fileKinds';
import { notAFileMessage } from '../io/readBounded';

export { COPY_SUFFIX, FIXED_SUFFIX, FORMULAS_SUFFIX, inputKind, READABLE } from '../io/fileKinds';
export type { InputKind } from '../io/fileKinds';

/**
 * One file to check, or a path that cannot be (`problem` in Chinese), or a file found in
 * a folder and left out on purpose (`skipped`: why, in Chinese).
 */
export interface Input {
  path: string;
  kind: InputKind | null;
  problem: string | null;
  skipped?: string;
}

/**
 * The files to check, in the order given; folders are walked in natural name order. A
 * file named on the command line is always read, whatever its name, and an unsupported
 * one is reported; inside folders every other file is listed as skipped, with the
 * reason, so that none is silently dropped. Only regular files are read
 * (not FIFOs or devices, named or linked). Each file is listed once.
 */
export async function collectInputs(args: string[]): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input) => {
    const key = path.resolve(input.path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(input);
  };
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      add({ path: arg, kind: null, problem: `找不到文件：${arg}` });
      continue;
    }
    if (stat.isDirectory()) {
      for (const input of await walk(arg)) add(input);
    } else if (!stat.isFile()) {
      // A FIFO would block the read forever and /dev/zero never ends.
      add({ path: arg, kind: null, problem: notAFileMessage(arg) });
    } else {
      const kind = inputKind(arg);
      add({
        path: arg,
        kind,
        problem: kind ? null : `不支持的文件类型：${arg}（可检查 ${READABLE}）`,
      });
    }
  }
  return out;
}

async function walk(dir: string): Promise<Input[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    return [{ path: dir, kind: null, problem: `无法打开文件夹：${dir}（${fileErrorReason(e)}）` }];
  }
  entries.sort((a, b) => naturalOrder.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: Input[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    // Symbolic links to folders are not followed, so a link loop cannot hang the walk.
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() || (e.isSymbolicLink() && (await isFile(full)))) {
      const skipped = skipReason(e.name);
      if (skipped === null) out.push({ path: full, kind: inputKind(e.name), problem: null });
      else out.push({ path: full, kind: null, problem: null, skipped });
    } else {
      out.push({ path: full, kind: null, problem: null, skipped: '不是普通文件（链接到文件夹、管道或设备）' });
    }
  }
  return out;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/** A file system error in words a user can act on. */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return '没有访问权限';
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EISDIR') return '这是一个文件夹';
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'EROFS') return '磁盘是只读的';
  if (code === 'EBUSY') return '文件正被其他程序占用';
  return `系统错误 ${code ?? String(e)}`;
}
