/** What a CLI command may touch: its arguments' streams and nothing else global. */
export interface CliIo {
  /** Write to stdout; resolves when the chunk is flushed (large listings reach a pipe whole). */
  out(text: string): Promise<void>;
  err(text: string): void;
  /** All of standard input, as UTF-8 (for the `-` argument). */
  readStdin(): Promise<string>;
  readonly cwd: string;
}

export class UsageError extends Error {}
