import * as path from 'path';
import { Worker } from 'worker_threads';
import { Limits } from '../io/limits';
import { FileJob, FileOutcome } from './checkFile';

/**
 * Runs checkFile for one file after another in a worker thread with a capped heap and a
 * time limit, so that a file which still exhausts memory or time (past the limits that
 * are checked before parsing) ends that worker, not the run: the file gets one Chinese
 * error and the next file a fresh worker. Node ends a worker that reaches its
 * resourceLimits with ERR_WORKER_OUT_OF_MEMORY instead of aborting the process
 * (https://nodejs.org/api/worker_threads.html#worker-resourcelimits).
 */
export class IsolatedChecker {
  private worker: Promise<Worker> | null = null;

  constructor(private readonly limits: Limits) {}

  async check(job: FileJob): Promise<FileOutcome> {
    let worker: Worker;
    try {
      worker = await (this.worker ??= this.start());
    } catch (e) {
      return { path: job.path, ok: false, error: (e as Error).message };
    }
    return new Promise<FileOutcome>((resolve) => {
      const done = (outcome: FileOutcome, healthy: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (!healthy) this.discard(worker);
        resolve(outcome);
      };
      const fail = (error: string) => done({ path: job.path, ok: false, error }, false);
      const onMessage = (outcome: FileOutcome) => done(outcome, true);
      const onError = (e: Error) => fail(crashReason(e, this.limits));
      const onExit = () => fail('读取此文件时检查进程意外退出');
      const timer = setTimeout(
        () => fail(`读取和检查用时超过上限 ${this.limits.timeSeconds} 秒，已停止（可用 --time-limit 调整）`),
        this.limits.timeSeconds * 1000,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }

  /** Ends the worker; the checker can still be used and starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  private discard(worker: Worker): void {
    this.worker = null;
    void worker.terminate();
  }

  private start(): Promise<Worker> {
    const { file, execArgv } = workerScript();
    const worker = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } });
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => {
        worker.off('exit', onExit);
        this.worker = null;
        reject(new Error(`无法启动检查进程（${e.message}）`));
      };
      const onExit = (code: number) => onError(new Error(`退出码 ${code}`));
      worker.once('error', onError).once('exit', onExit);
      worker.once('message', () => {
        worker.off('error', onError).off('exit', onExit);
        // An error after the file's own listener is gone (the worker was given up) must not throw here.
        worker.on('error', () => undefined);
        resolve(worker);
      });
    });
  }
}

/**
 * The compiled worker next to this file; when the command runs from the TypeScript
 * sources (tests, `tsx src/cli/main.ts`), the worker is loaded through tsx too. The
 * process's own flags are not passed on: a worker refuses V8 flags such as
 * `node --max-old-space-size=…` (ERR_WORKER_INVALID_EXEC_ARGV), and its heap is set by
 * resourceLimits anyway.
 */
function workerScript(): { file: string; execArgv: string[] } {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `fileWorker${ext}`);
  if (ext !== '.ts') return { file, execArgv: [] };
  // Only tsx's require hook: its ESM loader, inherited from `tsx src/cli/main.ts`, fails in workers.
  return { file, execArgv: ['--require', require.resolve('tsx/cjs')] };
}

function crashReason(e: Error, limits: Limits): string {
  if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `读取和检查时内存超过上限 ${limits.memoryMb} MB，已停止（可用 --max-memory 调整）`;
  }
  return `读取此文件时检查进程出错（${e.message}）`;
}
