import { parentPort } from 'worker_threads';
import { checkFile, FileJob, FileOutcome } from './checkFile';

/**
 * The worker thread that reads and checks files one at a time for isolatedChecker.ts.
 * Modules are loaded before it says it is ready, so a file's time limit counts reading
 * and checking only. The copy's bytes are transferred, not copied.
 */
const port = parentPort;
if (port) {
  port.on('message', (job: FileJob) => {
    void checkFile(job)
      .catch((e: unknown): FileOutcome => ({
        path: job.path,
        ok: false,
        error: `检查时出现内部错误，请将此文件反馈给开发者（${e instanceof Error ? e.message : String(e)}）`,
      }))
      .then((outcome) => {
        const transfer = outcome.ok && outcome.copy ? [outcome.copy.buffer as ArrayBuffer] : [];
        port.postMessage(outcome, transfer);
      });
  });
  port.postMessage('ready');
}
