/** A CLI command run in this process with its output captured: what the CLI tests share. */
import type { CliIo } from '../../server/src/cli/io';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runInMemory(command: (args: string[], io: CliIo) => Promise<number>, args: string[], cwd: string, stdin = ''): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
      return Promise.resolve();
    },
    err: (text) => {
      err += text;
    },
    readStdin: () => Promise.resolve(stdin),
    cwd,
  };
  const code = await command(args, io);
  return { code, out, err };
}
