/**
 * Runs `perfcheck` (the real command, as bin/perfcheck.js does) in a process that is
 * sent a signal at the worst moment: the annotated copy's temporary file is fully
 * written and about to be renamed. The rename never happens, so only the command's
 * own signal handling can clean up. Used by signals.test.ts:
 *   tsx interruptWhileRenaming.ts SIGINT|SIGTERM perfcheck-args...
 */
import { promises as fs } from 'fs';
import { run } from '../../../src/cli/main';

const [signal, ...args] = process.argv.slice(2);
fs.rename = () => {
  process.stdout.write('renaming\n');
  process.kill(process.pid, signal);
  return new Promise(() => undefined);
};
process.argv = [process.argv[0], 'perfcheck', ...args];
run();
