import { checkGrids, CheckOutcome, Progress } from './checkGrids';
import { Grid } from '../core/grid';
import { ChangeRequest, planChange, PlannedChange } from './planChange';

/** What the pane sends the worker: one check. */
export interface CheckRequest {
  grids: Grid[];
  profile: string;
  /** The file's name, for the report (the preview's batch). */
  file?: string;
}

/** What the worker answers: progress, then the outcome (a check's, or a change's plan) or the failure's message. */
export type CheckReply =
  | { kind: 'progress'; progress: Progress }
  | { kind: 'done'; outcome: CheckOutcome }
  | { kind: 'planned'; change: PlannedChange }
  | { kind: 'failed'; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<CheckRequest | ChangeRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
}

/**
 * The engine's thread (webpack entry `checkWorker`): the same checkGrids the pane would
 * run, off the pane's thread so a long check never freezes it, and the plans of changes
 * (全部改正 checks the workbook again after each round of fixes). Stopping is the pane's
 * Worker.terminate(), so nothing here listens for it.
 */
const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  try {
    const request = e.data;
    if ('task' in request) {
      scope.postMessage({ kind: 'planned', change: planChange(request) });
      return;
    }
    const steps = checkGrids(request.grids, request.profile, request.file);
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
