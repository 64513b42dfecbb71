/**
 * Edits of the compact YAML tree for kustomize transforms: each returns a new tree that shares
 * every untouched node with the old one, and leaves the old tree as it was.
 *
 * Values a transform adds (an overlay's label, a patched field) were written in another file, but
 * a tree carries the offsets of one file only. So a new node takes the span of the text it
 * replaces, or of the key under which it was added: a finding about it lands on the line of the
 * base where the value goes, never on an unrelated range or outside the file.
 */
import { scalarNode } from '../model/scalarNode';
import { mapNode, seqNode, withItems, withPairs } from '../model/collectionNodes';
import { pairKey, pairNode, withValue } from '../model/pairNode';
import { isMap, isScalar, isSeq, type YMap, type YNode, type YPair, type YScalar } from '../model/yamlTree';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Plain data (from a patch or a kustomization) as a tree whose every node spans `span`. */
export function plainToNode(value: unknown, span: Span): YNode {
  if (Array.isArray(value)) {
    return seqNode(false, value.map((v) => plainToNode(v, span)), span.start, span.end);
  }
  if (typeof value === 'object' && value !== null) {
    const pairs: YPair[] = Object.entries(value as Record<string, unknown>).map(([k, v]) => pairNode(keyScalar(k, span), plainToNode(v, span)));
    return mapNode(false, pairs, span.start, span.end);
  }
  return scalar(value, span);
}

function scalar(value: unknown, span: Span): YScalar {
  const v = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  return scalarNode(v, v === null ? '' : String(v), 'plain', span.start, span.end);
}

function keyScalar(key: string, span: Span): YScalar {
  return scalarNode(key, key, 'plain', span.start, span.end);
}

/** The map with `key` set to `value` (replacing the pair the decoder reads, or appended); `undefined` removes it. */
export function setKey(map: YMap, key: string, value: YNode | undefined, anchor: Span): YMap {
  let index = -1;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i];
    if (pair && pairKey(pair) === key) {
      index = i;
      break;
    }
  }
  if (value === undefined) {
    if (index < 0) return map;
    return withPairs(map, map.pairs.filter((p) => pairKey(p) !== key));
  }
  const pairs = [...map.pairs];
  if (index >= 0) pairs[index] = withValue(pairs[index] as YPair, value);
  else pairs.push(pairNode(keyScalar(key, anchor), value));
  return withPairs(map, pairs);
}

/** Where a pair's key is written: the anchor for values added under it. */
function keySpan(map: YMap, key: string): Span | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const p = map.pairs[i];
    if (p?.key.source === key) return { start: p.key.start, end: p.key.end };
  }
  return undefined;
}

/**
 * The tree with `edit` applied to the node at `path` (`'*'` steps into every item of a
 * sequence). With `create`, missing maps along the path are added; without, a missing step
 * leaves the tree as it is (kustomize's `create: false` field specs).
 */
export function updateAt(
  node: YNode | undefined,
  path: readonly string[],
  edit: (node: YNode | undefined, anchor: Span) => YNode | undefined,
  create: boolean,
  anchor: Span,
): YNode | undefined {
  if (path.length === 0) return edit(node, anchor);
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    if (!isSeq(node)) return node;
    let changed = false;
    const items = node.items.map((item) => {
      const next = updateAt(item, rest, edit, create, { start: item.start, end: item.end });
      if (next !== item) changed = true;
      return next ?? item;
    });
    return changed ? withItems(node, items) : node;
  }
  let map: YMap;
  if (isMap(node)) map = node;
  else if (node === undefined && create) map = mapNode(false, [], anchor.start, anchor.end);
  else return node;
  const child = getLast(map, head);
  if (child === undefined && !create) return node;
  const next = updateAt(child, rest, edit, create, keySpan(map, head) ?? anchor);
  if (next === child) return node;
  return setKey(map, head, next, anchor);
}

function getLast(map: YMap, key: string): YNode | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const p = map.pairs[i];
    if (p && pairKey(p) === key) return p.value;
  }
  return undefined;
}

/** A string map (labels, selectors) with `entries` set; a missing map is created. */
export function mergeStringMap(node: YNode | undefined, entries: Readonly<Record<string, string>>, anchor: Span): YNode {
  let map: YMap = isMap(node) ? node : mapNode(false, [], anchor.start, anchor.end);
  const at = isMap(node) ? { start: node.start, end: Math.min(node.end, node.start + 1) } : anchor;
  for (const [k, v] of Object.entries(entries)) {
    const old = getLast(map, k);
    if (isScalar(old) && old.value === v) continue;
    map = setKey(map, k, scalar(v, old ?? keySpan(map, k) ?? at), keySpan(map, k) ?? at);
  }
  return map;
}

/** A scalar with a new value, where the old one was written (or at `anchor`). */
export function replaceScalar(node: YNode | undefined, value: string, anchor: Span): YScalar {
  return scalar(value, node ?? anchor);
}
