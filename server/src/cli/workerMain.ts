/**
 * The CLI's command, run in the worker thread `launch.ts` starts (dist/cliWorker.js). Its streams
 * are the process's, reached through messages: standard output resolves once the process has
 * written the chunk, so large listings keep their back-pressure.
 */
import { parentPort } from 'node:worker_threads';
import type { CliIo } from './io';
import { main } from './main';
import type { FromWorker, ToWorker } from './workerMessages';

export function workerIo(post: (message: FromWorker) => void, onMessage: (listener: (message: ToWorker) => void) => void): CliIo {
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const stdin: ((text: string) => void)[] = [];
  let nextId = 0;
  onMessage((message) => {
    if (message.kind === 'stdin') {
      for (const take of stdin.splice(0)) take(message.text);
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error === undefined) waiting?.resolve();
    else waiting?.reject(new Error(message.error));
  });
  return {
    out: (text) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        post({ kind: 'out', text, id });
      }),
    err: (text) => post({ kind: 'err', text }),
    readStdin: () =>
      new Promise((resolve) => {
        stdin.push(resolve);
        post({ kind: 'stdin' });
      }),
    cwd: process.cwd(),
  };
}

if (parentPort) {
  const port = parentPort;
  const io = workerIo(
    (message) => port.postMessage(message),
    (listener) => port.on('message', listener),
  );
  void main(process.argv.slice(2), io).then((code) => {
    port.postMessage({ kind: 'exit', code } satisfies FromWorker);
    // The port's listener would keep the thread alive; the command is done.
    port.unref();
  });
}
