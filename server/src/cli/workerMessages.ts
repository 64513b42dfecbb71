/**
 * What the CLI's worker thread and the process around it say to each other (`launch.ts`,
 * `workerMain.ts`): the worker owns the command, the process owns the streams and the exit code.
 */

/** Worker → process. */
export type FromWorker =
  | { readonly kind: 'out'; readonly text: string; readonly id: number }
  | { readonly kind: 'err'; readonly text: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'exit'; readonly code: number };

/** Process → worker. */
export type ToWorker =
  | { readonly kind: 'written'; readonly id: number; readonly error?: string }
  | { readonly kind: 'stdin'; readonly text: string };
