/**
 * `netpol-lens` (dist/cli.js): starts the command in a worker thread (dist/cliWorker.js) whose
 * young generation is capped, and lends it the process's streams and exit code.
 *
 * Why a worker: V8 sizes the young generation only when a heap is made, so the flag the language
 * server is started with (`--max-semi-space-size=4`, shared/src/serverProcess.ts) cannot be set
 * from inside a process the user started with `node dist/cli.js`; a worker's heap is made with its
 * `resourceLimits`. Left at V8's default (16 MB per semi-space), the young generation only holds
 * garbage between scavenges, counted in full in the process's memory. Measured with `check` on the
 * large bench workspace (5,000 files; three runs each in turn, load 3–4): peak RSS 302–305 MB in
 * the process itself, 287 MB in a worker with a 12 MB young generation (4 MB per semi-space:
 * V8's young generation is three semi-spaces), CPU within the runs' noise. The process starting
 * the worker evaluates only this file.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { limitHeapGrowth } from '../heapGrowth';
import type { FromWorker, ToWorker } from './workerMessages';

/** 4 MB per semi-space, as the language server's flag (the new large-object space is the third). */
export const CLI_YOUNG_GENERATION_MB = 12;

export interface LaunchStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readStdin(): Promise<string>;
}

/** Runs `script` (a worker entry such as dist/cliWorker.js) with `argv`; resolves to its exit code. */
export function launch(script: string, argv: readonly string[], streams: LaunchStreams): Promise<number> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { argv: [...argv], resourceLimits: { maxYoungGenerationSizeMb: CLI_YOUNG_GENERATION_MB } });
    const reply = (message: ToWorker): void => worker.postMessage(message);
    let code: number | undefined;
    worker.on('message', (message: FromWorker) => {
      switch (message.kind) {
        case 'out':
          streams.stdout.write(message.text, (error) => reply({ kind: 'written', id: message.id, ...(error ? { error: error.message } : {}) }));
          return;
        case 'err':
          streams.stderr.write(message.text);
          return;
        case 'stdin':
          void streams.readStdin().then((text) => reply({ kind: 'stdin', text }));
          return;
        case 'exit':
          code = message.code;
          return;
      }
    });
    worker.on('error', (error) => {
      streams.stderr.write(`netpol-lens: unexpected error: ${error.message}\n`);
      code = 3;
    });
    worker.on('exit', () => resolve(code ?? 3));
  });
}

function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('netpol-lens: reading manifests from standard input (end with Ctrl-D)\n');
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    process.stdin.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: that is a normal end, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // The flag is the process's, so the worker's heap grows as the server's does.
  limitHeapGrowth();
  void launch(join(__dirname, 'cliWorker.js'), process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, readStdin: readProcessStdin }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
