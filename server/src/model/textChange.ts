/**
 * Where two versions of a text differ: the one region an edit replaced (a keystroke, a paste, a
 * fix). Everything before `start` is the same in both; everything from `oldEnd` in the old text is
 * the same as from `newEnd` in the new one. Lets a new model of a big file reuse what lies outside
 * the region instead of reading the whole text again.
 */
import type { TextSource } from './pieceText';
export interface TextChange {
  readonly start: number;
  /** End of the replaced region in the old text. */
  readonly oldEnd: number;
  /** End of the replacing text in the new one. */
  readonly newEnd: number;
}

/** Compared a block at a time: a slice of a flat string is a view, and `===` compares natively. */
const BLOCK = 4096;

/**
 * The region where `before` and `after` differ (empty when they are equal). With `known`, a
 * region known to hold every difference (the editor's change): the texts are compared only
 * outward from it, and the answer is the same as without it.
 */
export function textChange(before: TextSource, after: TextSource, known?: TextChange): TextChange {
  const limit = Math.min(before.length, after.length);
  // Everything before `known.start` and after `known.oldEnd` is the same: the common prefix and
  // suffix are at least that long (and the comparison goes on from there, as without it).
  let start = known ? Math.min(known.start, limit) : 0;
  while (start + BLOCK <= limit && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // A surrogate pair is never cut: an offset inside one is no place to split the text.
  if (start > 0 && start < limit && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  const room = limit - start;
  let same = known ? Math.min(before.length - known.oldEnd, room) : 0;
  while (same + BLOCK <= room && before.slice(before.length - same - BLOCK, before.length - same) === after.slice(after.length - same - BLOCK, after.length - same)) {
    same += BLOCK;
  }
  while (same < room && before.charCodeAt(before.length - same - 1) === after.charCodeAt(after.length - same - 1)) same++;
  if (same > 0 && same < room && isLowSurrogate(before.charCodeAt(before.length - same))) same--;
  return { start, oldEnd: before.length - same, newEnd: after.length - same };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** One change for `first` followed by `second` (the region covering both, in the first's old and the second's new text). */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const end = Math.max(first.newEnd, second.oldEnd);
  return { start: Math.min(first.start, second.start), oldEnd: end - first.newEnd + first.oldEnd, newEnd: end + second.newEnd - second.oldEnd };
}
