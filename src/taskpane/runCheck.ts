import { Grid } from '../core/grid';
import { Host } from '../hosts/host';
import type { CheckOutcome, Progress } from './checkGrids';
import type { CheckReply, CheckRequest } from './checkWorker';
import type { ChangeRequest, PlannedChange } from './planChange';

export type { CheckOutcome, PaneFinding, Progress, RuleUsed } from './checkGrids';

/** Thrown when the user pressed 取消: nothing was changed, the previous results stay. */
export class CheckCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CheckCancelled';
  }
}

/** The worker's script, built beside taskpane.html (webpack entry `checkWorker`). */
const WORKER_SCRIPT = 'checkWorker.js';

/** What the worker's last reply carries, by request. */
type Answer = { outcome: CheckOutcome } | { change: PlannedChange };

/**
 * Runs a request in a Web Worker. Resolves to null when no worker can start here (no
 * Worker, or its script cannot load, as from a page opened from disk), so the caller
 * runs it on this thread instead.
 */
function inWorker(
  request: CheckRequest | ChangeRequest,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<Answer | null> {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') return Promise.resolve(null);
    worker = new Worker(new URL(WORKER_SCRIPT, document.baseURI));
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    let started = false;
    const finish = () => {
      worker.terminate();
      signal.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(new CheckCancelled());
    };
    signal.addEventListener('abort', cancel);
    worker.onmessage = (e: MessageEvent<CheckReply>) => {
      started = true;
      const reply = e.data;
      if (reply.kind === 'progress') onProgress(reply.progress);
      else {
        finish();
        if (reply.kind === 'done') resolve({ outcome: reply.outcome });
        else if (reply.kind === 'planned') resolve({ change: reply.change });
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      // A script that never ran is a worker that could not start: check here instead.
      if (!started) {
        e.preventDefault();
        resolve(null);
      } else reject(new Error(e.message));
    };
    worker.postMessage(request);
  });
}

/** The same steps on this thread, yielding between them so the pane can repaint and stop. */
async function inPane(
  grids: Grid[],
  profile: string,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
  file?: string,
): Promise<CheckOutcome> {
  const { checkGrids } = await import(/* webpackChunkName: "engine-inline" */ './checkGrids.js');
  const steps = checkGrids(grids, profile, file);
  for (;;) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) throw new CheckCancelled();
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value);
  }
}

/**
 * Reads the sheets through the host (on this thread: Office.js and WPS live here), then
 * checks them off this thread, reporting progress; `signal` stops it. Gives the grids
 * read with the outcome.
 */
export async function runCheck(
  host: Host,
  sheets: string[],
  profile: string,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<{ outcome: CheckOutcome; grids: Grid[] }> {
  onProgress({ phase: 'read', done: 0, total: sheets.length });
  const grids = await host.readSheets(sheets, (done, total) => onProgress({ phase: 'read', done, total }));
  if (signal.aborted) throw new CheckCancelled();
  // The grids stay with the outcome: changes are worked out on what the check saw.
  return { outcome: await checkOffThread(grids, profile, onProgress, signal), grids };
}

/** Checks grids already read (the preview's batch reads files itself) off this thread when it can. */
export async function checkOffThread(
  grids: Grid[],
  profile: string,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
  file?: string,
): Promise<CheckOutcome> {
  const answer = await inWorker({ grids, profile, file } satisfies CheckRequest, onProgress, signal);
  return answer && 'outcome' in answer ? answer.outcome : inPane(grids, profile, onProgress, signal, file);
}

/**
 * Works out a change (改正, 全部改正, 改为公式) on the engine's thread when it can: 全部改正
 * checks the workbook again after each round of fixes.
 */
export async function planOffThread(request: ChangeRequest, signal: AbortSignal): Promise<PlannedChange> {
  const answer = await inWorker(request, () => undefined, signal);
  if (answer && 'change' in answer) return answer.change;
  const { planChange } = await import(/* webpackChunkName: "engine-inline" */ './planChange.js');
  return planChange(request);
}
