/**
 * How far V8 lets the heap grow past what survived its last full collection before collecting
 * again. Left to itself it lets a heap of 340 MB of live data (the large bench workspace) grow to
 * about 650–700 MB of mostly garbage between collections, because each edit allocates tens of MB
 * that die at once: the server's memory climbed by 280 MB over 100 edits and fell back at the next
 * full collection, while the live heap stayed flat (measured with --trace-gc in process). A fixed
 * factor of 1.5 keeps the peak near 1.5 × the live heap; measured on the large bench in process,
 * 60 edits: peak RSS 839–865 → 676 MB at the same CPU per edit (1.3 cost about 20 % more CPU).
 *
 * Set at run time, so a runtime whose V8 does not know the flag (another Node, Electron) only
 * prints a line on stderr and runs as before. The CLI sets it too: its heap was live data until it
 * exited (`check` on the large bench: peak RSS 443 MB with the flag and without), but since the
 * file-scope rules let go of the full trees (`model/leanTree.ts`) before the cross-file analysis
 * starts, a third of what it read is garbage by then: peak RSS 455 → 398 MB with the flag.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
