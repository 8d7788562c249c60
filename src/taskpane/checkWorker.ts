import { checkGrids, CheckOutcome, Progress } from './checkGrids';
import { Grid } from '../core/grid';

/** What the pane sends the worker: one check. */
export interface CheckRequest {
  grids: Grid[];
  profile: string;
  /** The file's name, for the report (the preview's batch). */
  file?: string;
}

/** What the worker answers: progress, then the outcome or the failure's message. */
export type CheckReply =
  | { kind: 'progress'; progress: Progress }
  | { kind: 'done'; outcome: CheckOutcome }
  | { kind: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
}

/**
 * The engine's thread (webpack entry `checkWorker`): the same checkGrids the pane would
 * run, off the pane's thread so a long check never freezes it. Stopping is the pane's
 * Worker.terminate(), so nothing here listens for it.
 */
const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  try {
    const steps = checkGrids(e.data.grids, e.data.profile, e.data.file);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        scope.postMessage({ kind: 'done', outcome: step.value });
        return;
      }
      scope.postMessage({ kind: 'progress', progress: step.value });
    }
  } catch (err) {
    scope.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
