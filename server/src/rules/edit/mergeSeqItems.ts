/**
 * Merge a list item into the item before it (two maps become one), with the smallest edit: in
 * block style the later item's `-` becomes a space (its keys then line up with the earlier item's),
 * in flow style the `}, {` between them becomes `, `. Undefined when the two are not adjacent maps
 * written so that this works (keys not aligned, mixed styles, a key in both).
 */
import { isMap, type YSeq } from '../../model/yamlTree';
import type { TextEditData } from '../types';
import { columnOf } from './yamlLayout';

export function mergeIntoPrevious(text: string, seq: YSeq, index: number): TextEditData | undefined {
  const earlier = seq.items[index - 1];
  const later = seq.items[index];
  if (!isMap(earlier) || !isMap(later) || earlier.pairs.length === 0 || later.pairs.length === 0) return undefined;
  const keys = new Set(earlier.pairs.map((p) => p.key.source));
  if (later.pairs.some((p) => keys.has(p.key.source))) return undefined;
  if (earlier.flow && later.flow) {
    if (text[earlier.end - 1] !== '}' || text[later.start] !== '{') return undefined;
    return { start: earlier.end - 1, end: later.start + 1, newText: ', ' };
  }
  if (earlier.flow || later.flow || seq.flow) return undefined;
  const firstLater = later.pairs[0];
  const firstEarlier = earlier.pairs[0];
  if (!firstLater || !firstEarlier) return undefined;
  const dash = text.lastIndexOf('-', firstLater.key.start);
  if (dash < 0 || !/^[ \t]*$/.test(text.slice(dash + 1, firstLater.key.start)) || text[dash + 1] === '-') return undefined;
  if (columnOf(text, firstLater.key.start) !== columnOf(text, firstEarlier.key.start)) return undefined;
  // The dash must start its line's content: `- key` items only.
  const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, dash))) return undefined;
  return { start: dash, end: dash + 1, newText: ' ' };
}
