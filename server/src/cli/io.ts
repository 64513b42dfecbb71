/** What a CLI command may touch: its arguments' streams and nothing else global. */
export interface CliIo {
  /** Write to stdout; resolves when the chunk is flushed (large listings reach a pipe whole). */
  out(text: string): Promise<void>;
  err(text: string): void;
  readonly cwd: string;
}

export class UsageError extends Error {}

export function nodeIo(): CliIo {
  // A reader that stops early (`| head`) closes the pipe: that is a normal end, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    out: (text) =>
      new Promise((resolve, reject) => {
        process.stdout.write(text, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve()));
      }),
    err: (text) => {
      process.stderr.write(text);
    },
    cwd: process.cwd(),
  };
}
