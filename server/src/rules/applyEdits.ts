import type { TextEditData } from './types';

/**
 * Apply edits to a text. Edits are applied in order of position; an edit overlapping one already
 * taken is dropped (like ESLint's fix-all: a second pass picks it up). Returns the new text and
 * how many edits were applied.
 */
export function applyEdits(text: string, edits: readonly TextEditData[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEditData[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd || e.start > e.end || e.end > text.length) continue;
    // Two insertions at the same point are both kept, in order.
    taken.push(e);
    lastEnd = Math.max(lastEnd, e.end);
  }
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  out += text.slice(pos);
  return { text: out, applied: taken.length };
}
