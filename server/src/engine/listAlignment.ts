/**
 * Where the items of a list stand in its next version when an edit replaced one run of it (a
 * file's part of the joined workloads): the items before the run and after it are the very same
 * objects (the join keeps unchanged files' items), found by comparing pointers from both ends,
 * with no lookup by id.
 */

/** The run an edit replaced: [start, beforeEnd) before, [start, nowEnd) now; the items around it are the same objects in both. */
export interface ReplacedRun {
  readonly start: number;
  readonly beforeEnd: number;
  readonly nowEnd: number;
}

export interface Alignment {
  /** Index before → index now, for the items kept as they were; -1 for those of the replaced run. */
  readonly step: Int32Array;
  /** Where the replaced run starts (in both versions). */
  readonly start: number;
  /** Where it ends now (exclusive): the items at [start, end) are new or moved. */
  readonly end: number;
  /** Where it ended before (exclusive). */
  readonly beforeEnd: number;
}

export function replacedRun<T>(before: readonly T[], now: readonly T[]): ReplacedRun {
  const shorter = Math.min(before.length, now.length);
  let start = 0;
  while (start < shorter && before[start] === now[start]) start++;
  let tail = 0;
  while (tail < shorter - start && before[before.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
  return { start, beforeEnd: before.length - tail, nowEnd: now.length - tail };
}

export function alignment<T>(before: readonly T[], now: readonly T[]): Alignment {
  const { start, beforeEnd, nowEnd } = replacedRun(before, now);
  const step = new Int32Array(before.length).fill(-1);
  for (let i = 0; i < start; i++) step[i] = i;
  const delta = now.length - before.length;
  for (let i = beforeEnd; i < before.length; i++) step[i] = i + delta;
  return { step, start, end: nowEnd, beforeEnd };
}

/** Where the items of `first`'s origin are after `step` too: `step` applied after `first` (-1 stays gone). */
export function composeMoves(first: Int32Array, step: Int32Array): Int32Array {
  const out = new Int32Array(first.length);
  for (let i = 0; i < first.length; i++) {
    const j = first[i] ?? -1;
    out[i] = j < 0 ? -1 : (step[j] ?? -1);
  }
  return out;
}
