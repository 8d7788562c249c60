/** What the command writes to: the process's streams when run, string collectors in tests. */
export interface Writer {
  write(text: string): unknown;
}

export interface CliStreams {
  stdout: Writer;
  stderr: Writer;
  /** Whether stderr is a terminal (the progress bar is drawn only there). */
  isTTY: boolean;
}
