import { Writer } from './streams';

const WIDTH = 20;

/**
 * A progress bar on stderr for long runs: `检查中 [#####-----] 12/40 file.xlsx`. Only
 * on a terminal, since in a log file or pipe the redraws are noise, and never on stdout,
 * which carries the report.
 */
export class Progress {
  private shown = false;

  constructor(
    private readonly stderr: Writer,
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  static readonly MIN_FILES = 4;

  show(done: number, name: string): void {
    if (!this.enabled || this.total < Progress.MIN_FILES) return;
    const filled = Math.round((done / this.total) * WIDTH);
    const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
    this.stderr.write(`\r\x1b[K检查中 [${bar}] ${done}/${this.total} ${name}`);
    this.shown = true;
  }

  /** Erases the bar so that a message or the end of the run starts on a clean line. */
  clear(): void {
    if (!this.shown) return;
    this.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
