/**
 * Remove one entry of a YAML collection, leaving the rest of the text as it was.
 *
 * Block style: the entry's whole lines go (dash, value, trailing comment, newline); comment lines
 * above it stay. Flow style (`[a, b, c]`, `{a: 1, b: 2}`): the entry and one separating comma go.
 * An entry that shares its line with something else (the first key of a `- key: value` list item)
 * is cut up to the next entry, so the rest moves onto that line.
 */
import type { YMap, YNode, YPair, YSeq } from '../../model/yamlTree';
import type { TextEditData } from '../types';

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Remove `seq.items[index]`. */
export function removeSeqItem(text: string, seq: YSeq, index: number): TextEditData | undefined {
  return removeEntry(text, seq.flow, seq.items, index);
}

/**
 * Remove several items of a sequence in one fix. Their one-item edits can overlap (in a flow list
 * the last item takes the comma before it, which the item before it took already), and overlapping
 * edits are dropped by `applyEdits`: so a run of neighbouring flow items goes as one edit, and
 * block removals that touch are merged.
 */
export function removeSeqItems(text: string, seq: YSeq, indexes: readonly number[]): TextEditData[] {
  const wanted = [...new Set(indexes)].filter((i) => seq.items[i] !== undefined).sort((a, b) => a - b);
  if (seq.flow) {
    const out: TextEditData[] = [];
    for (let k = 0; k < wanted.length; ) {
      const first = wanted[k] as number;
      let last = first;
      while (wanted[k + 1] === last + 1) last = wanted[++k] as number;
      k++;
      const from = seq.items[first] as YNode;
      const to = seq.items[last] as YNode;
      const next = seq.items[last + 1];
      const prev = seq.items[first - 1];
      if (next) out.push({ start: from.start, end: next.start, newText: '' });
      else if (prev) out.push({ start: prev.end, end: to.end, newText: '' });
      else out.push({ start: from.start, end: to.end, newText: '' });
    }
    return out;
  }
  const edits = wanted.map((i) => removeSeqItem(text, seq, i)).filter((e): e is TextEditData => e !== undefined);
  const merged: TextEditData[] = [];
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && e.start < last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, e.end), newText: '' };
    else merged.push(e);
  }
  return merged;
}

/** Remove a key and its value from a map. */
export function removeMapPair(text: string, map: YMap, pair: YPair): TextEditData | undefined {
  const spans = map.pairs.map((p) => ({ start: p.key.start, end: p.value ? Math.max(p.value.end, p.key.end) : p.key.end }));
  return removeEntry(text, map.flow, spans, map.pairs.indexOf(pair));
}

function removeEntry(text: string, flow: boolean, entries: readonly (Span | YNode)[], index: number): TextEditData | undefined {
  const entry = entries[index];
  if (!entry) return undefined;
  const next = entries[index + 1];
  const prev = entries[index - 1];
  if (flow) {
    if (next) return { start: entry.start, end: next.start, newText: '' };
    if (prev) return { start: prev.end, end: entry.end, newText: '' };
    return { start: entry.start, end: entry.end, newText: '' };
  }
  let start = skipBack(text, entry.start);
  if (text[start - 1] === '-') start = skipBack(text, start - 1);
  const startsLine = start === 0 || text[start - 1] === '\n';
  if (!startsLine) {
    return next ? { start: entry.start, end: next.start, newText: '' } : { start: entry.start, end: lineEnd(text, entry.end, false), newText: '' };
  }
  return { start, end: lineEnd(text, entry.end, true), newText: '' };
}

function skipBack(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  return p;
}

/** The end of the line holding `pos` (after its newline when `withNewline`); a position just past a newline stays. */
function lineEnd(text: string, pos: number, withNewline: boolean): number {
  if (pos > 0 && text[pos - 1] === '\n') return withNewline ? pos : pos - (text[pos - 2] === '\r' ? 2 : 1);
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return text.length;
  if (withNewline) return nl + 1;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

/**
 * Remove `items[index]` of the list held by `pair` in `map`; when it is the list's only item, remove
 * the key too rather than leave an empty value behind.
 */
export function removeListItemOrKey(text: string, map: YMap, pair: YPair, index: number): TextEditData | undefined {
  const list = pair.value;
  if (list?.type !== 'seq') return undefined;
  return list.items.length === 1 ? removeMapPair(text, map, pair) : removeSeqItem(text, list, index);
}
