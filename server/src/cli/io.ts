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
    readStdin: async () => {
      if (process.stdin.isTTY) process.stderr.write('netpol-lens: reading manifests from standard input (end with Ctrl-D)\n');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
  };
}
