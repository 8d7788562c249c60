import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { COPY_SUFFIX, fileErrorReason } from './inputs';
import { trackTempFile, untrackTempFile } from './tempFiles';

/**
 * Writes annotated copies into the output folder. Each copy is written to a temporary
 * file in the same folder and then renamed, so a failed or interrupted write never
 * leaves a half-written workbook under the final name, and never replaces anything but
 * an earlier copy. A copy that would land on one of the inputs is refused.
 */
export class CopyWriter {
  private readonly taken = new Set<string>();

  private constructor(
    readonly outDir: string,
    private readonly inputIds: Set<string>,
  ) {}

  /** Creates the folder if missing; throws a Chinese message when it cannot be used. */
  static async open(outDir: string, inputs: string[]): Promise<CopyWriter> {
    try {
      await fs.mkdir(outDir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'EEXIST' || code === 'ENOTDIR'
          ? `输出文件夹 ${outDir} 已经是一个文件，请换一个文件夹`
          : `无法创建输出文件夹 ${outDir}（${fileErrorReason(e)}）`,
        { cause: e },
      );
    }
    const ids = new Set<string>();
    for (const p of inputs) {
      ids.add(path.resolve(p));
      const id = await fileId(p);
      if (id) ids.add(id);
    }
    return new CopyWriter(outDir, ids);
  }

  /** `<name>.检查结果.xlsx`, or `<name> (2).检查结果.xlsx` when two inputs share a name (other suffixes alike). */
  private targetFor(inputPath: string, suffix: string): string {
    const name = path.basename(inputPath, path.extname(inputPath));
    for (let n = 1; ; n++) {
      const target = path.join(this.outDir, `${name}${n === 1 ? '' : ` (${n})`}${suffix}`);
      if (!this.taken.has(target)) {
        this.taken.add(target);
        return target;
      }
    }
  }

  /** Returns the path written; throws a Chinese message on failure. */
  async write(inputPath: string, data: Uint8Array, suffix = COPY_SUFFIX): Promise<string> {
    const target = this.targetFor(inputPath, suffix);
    const existing = await fileId(target);
    if (this.inputIds.has(path.resolve(target)) || (existing && this.inputIds.has(existing))) {
      throw new Error(`不会覆盖被检查的文件 ${target}，请换一个输出文件夹`);
    }
    await writeWhole(target, data);
    return target;
  }
}

/**
 * Writes a file through a temporary file in the same folder and a rename, so that a
 * failed or interrupted write never leaves half a file under the final name. Throws a
 * Chinese message on failure.
 */
export async function writeWhole(target: string, data: Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  trackTempFile(temp);
  try {
    await fs.writeFile(temp, data, { flag: 'wx' });
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new Error(`无法写出 ${target}（${fileErrorReason(e)}）`, { cause: e });
  } finally {
    untrackTempFile(temp);
  }
}

/** Device and inode: the same file under any path, link or spelling. */
export async function fileId(p: string): Promise<string | null> {
  try {
    const s = await fs.stat(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
