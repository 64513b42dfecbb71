/** What a CLI command may touch: its arguments' streams and nothing else global. */
export interface CliIo {
  /** Write to stdout; resolves when the chunk is flushed (large listings reach a pipe whole). */
  out(text: string): Promise<void>;
  err(text: string): void;
  readonly cwd: string;
}

export class UsageError extends Error {}

export function nodeIo(): CliIo {
  return {
    out: (text) =>
      new Promise((resolve, reject) => {
        process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
      }),
    err: (text) => {
      process.stderr.write(text);
    },
    cwd: process.cwd(),
  };
}
