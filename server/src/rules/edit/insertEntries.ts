/**
 * Add entries to an existing YAML map or list without touching the rest of the text: block
 * collections get whole new lines at their own indentation, flow collections get `, entry`.
 */
import type { YMap, YPair, YSeq } from '../../model/yamlTree';
import type { TextEditData } from '../types';
import { renderBlockMap, renderBlockSeqItem, renderFlow, type RenderValue } from './renderYaml';
import { afterLine, columnOf, contentEnd, mapColumn, pairContentEnd, type YamlLayout } from './yamlLayout';

/** Insert whole lines at `offset` (a line start, or the end of a text without a final newline). */
function insertLinesAt(text: string, offset: number, block: string, layout: YamlLayout): TextEditData {
  const prefix = offset === text.length && text.length > 0 && !text.endsWith('\n') ? layout.newline : '';
  return { start: offset, end: offset, newText: prefix + block };
}

/**
 * Add keys to a map, after `after` (default: the last pair). Undefined when the map is empty and
 * in block style (no column to align with).
 */
export function insertMapEntries(
  text: string,
  map: YMap,
  values: { readonly [key: string]: RenderValue },
  layout: YamlLayout,
  after?: YPair,
): TextEditData | undefined {
  const anchor = after ?? map.pairs[map.pairs.length - 1];
  if (map.flow) {
    const flow = Object.entries(values).map(([k, v]) => `${k}: ${renderFlow(v)}`);
    if (!anchor) return { start: map.start, end: map.end, newText: `{${flow.join(', ')}}` };
    return { start: pairContentEnd(anchor), end: pairContentEnd(anchor), newText: `, ${flow.join(', ')}` };
  }
  const column = mapColumn(text, map);
  if (!anchor || column === undefined) return undefined;
  return insertLinesAt(text, afterLine(text, pairContentEnd(anchor)), renderBlockMap(values, column, layout), layout);
}

/** Append an item to a list. Undefined for an empty block list (no column to align with). */
export function appendSeqItem(text: string, seq: YSeq, value: RenderValue, layout: YamlLayout): TextEditData | undefined {
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    if (!last) return { start: seq.start, end: seq.end, newText: `[${renderFlow(value)}]` };
    return { start: last.end, end: last.end, newText: `, ${renderFlow(value)}` };
  }
  if (!last) return undefined;
  // Nested lists keep the layout's own indentation; only this item's dash goes where the others' are.
  const lines = renderBlockSeqItem(value, columnOf(text, seq.start), layout);
  return insertLinesAt(text, afterLine(text, contentEnd(last)), lines, layout);
}

/** Replace a key and its value with `key: value` written in the map's style (block or flow). */
export function replacePair(text: string, pair: YPair, flow: boolean, value: RenderValue, layout: YamlLayout): TextEditData {
  const key = text.slice(pair.key.start, pair.key.end);
  const end = pairContentEnd(pair);
  if (flow) return { start: pair.key.start, end, newText: `${key}: ${renderFlow(value)}` };
  const column = columnOf(text, pair.key.start);
  const block = renderBlockMap({ [pair.key.source]: value }, column, layout);
  const body = block.slice(column + renderFlow(pair.key.source).length).replace(/\r?\n$/, '');
  return { start: pair.key.start, end, newText: `${key}${body}` };
}
