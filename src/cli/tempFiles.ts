import { rmSync } from 'fs';
import { constants } from 'os';

/**
 * Temporary files being written (annotated copies before their rename). A Ctrl+C or a
 * `kill` while a copy is written would otherwise leave a hidden `.tmp` file behind in
 * the user's output folder.
 */
const pending = new Set<string>();

export function trackTempFile(file: string): void {
  pending.add(file);
}

export function untrackTempFile(file: string): void {
  pending.delete(file);
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * On SIGINT, SIGTERM or SIGHUP: remove the temporary files and exit with 128 + the
 * signal's number (130 for Ctrl+C), as shells report a command ended by a signal.
 */
export function removeTempFilesOnSignals(): void {
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      for (const file of pending) rmSync(file, { force: true });
      pending.clear();
      process.exit(128 + constants.signals[signal]);
    });
  }
}
