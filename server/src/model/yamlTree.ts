/**
 * A compact, parser-independent YAML tree: what the rest of the server sees of a document.
 *
 * Every node carries UTF-16 offsets into the *file* text (not the document), so a range can be
 * turned into an LSP position without knowing which document of a multi-document file it came
 * from. Only `server/src/yaml/` builds these trees; everything else reads them.
 *
 * The tree is what kubectl decodes, not what the text spells: aliases (`*peers`) are replaced by
 * the anchored value, merge keys (`<<: *defaults`) by the pairs they merge in, and a key written
 * twice keeps only the value kubectl keeps. The nodes an alias stands for are the anchored nodes
 * themselves (shared, not copied), so they carry the anchor's offsets: a finding about them is
 * placed on the text the user wrote, where a fix belongs. A tree is at most `MAX_TREE_DEPTH`
 * deep and holds at most `MAX_EXPANDED_NODES` nodes counting every alias expansion, so any walk
 * over it is bounded (the reader refuses deeper or bigger documents with a problem).
 */
import { pairKey } from './pairNode';

/** No tree is deeper than this (a document nested deeper is not read); walks may recurse. */
export const MAX_TREE_DEPTH = 100;

/** No tree holds more nodes than this, counting each alias expansion in full (alias bombs). */
export const MAX_EXPANDED_NODES = 100_000;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface YScalar {
  readonly type: 'scalar';
  /** The resolved value (`80` is a number, `"80"` a string, `~` and an empty value are null). */
  readonly value: string | number | boolean | null;
  /** The scalar as written, without quotes (`1.0` stays `1.0` where `value` is the number 1). */
  readonly source: string;
  readonly style: ScalarStyle;
  readonly start: number;
  readonly end: number;
}

export interface YPair {
  readonly key: YScalar;
  /** Undefined only when the parser recovered a key with no value node at all. */
  readonly value: YNode | undefined;
}

/** A pair that kubectl drops because the same key is set again later in its map. */
export interface OverriddenPair {
  readonly pair: YPair;
  /** The pair whose value kubectl keeps. */
  readonly winner: YPair;
  /** The winner came in through a merge key (`<<`) written after `pair`. */
  readonly merged: boolean;
}

export interface YMap {
  readonly type: 'map';
  readonly flow: boolean;
  /** One pair per key, the one kubectl keeps; merged-in pairs (`<<`) included. */
  readonly pairs: readonly YPair[];
  /** Pairs written in this map whose key is set again later (absent when there are none). */
  readonly overridden?: readonly OverriddenPair[];
  readonly start: number;
  readonly end: number;
}

export interface YSeq {
  readonly type: 'seq';
  readonly flow: boolean;
  readonly items: readonly YNode[];
  readonly start: number;
  readonly end: number;
}

export type YNode = YScalar | YMap | YSeq;

/**
 * A problem found while reading a document, with file offsets. `syntax`: kubectl rejects the
 * document too; `limit`: a limit of this tool (nesting depth, alias expansion), not of Kubernetes.
 */
export interface ParseProblem {
  readonly message: string;
  readonly code: string;
  readonly kind: 'syntax' | 'limit';
  readonly start: number;
  readonly end: number;
}

export function isMap(node: YNode | undefined): node is YMap {
  return node?.type === 'map';
}

export function isSeq(node: YNode | undefined): node is YSeq {
  return node?.type === 'seq';
}

export function isScalar(node: YNode | undefined): node is YScalar {
  return node?.type === 'scalar';
}

/** The pair whose key is `key`, or undefined (keys are unique: the reader kept kubectl's one). */
export function getPair(map: YMap | undefined, key: string): YPair | undefined {
  if (!map) return undefined;
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const pair = map.pairs[i];
    if (pair && pairKey(pair) === key) return pair;
  }
  return undefined;
}

export function get(map: YNode | undefined, key: string): YNode | undefined {
  return isMap(map) ? getPair(map, key)?.value : undefined;
}

export function getMap(map: YNode | undefined, key: string): YMap | undefined {
  const v = get(map, key);
  return isMap(v) ? v : undefined;
}

export function getSeq(map: YNode | undefined, key: string): YSeq | undefined {
  const v = get(map, key);
  return isSeq(v) ? v : undefined;
}

export function getScalar(map: YNode | undefined, key: string): YScalar | undefined {
  const v = get(map, key);
  return isScalar(v) ? v : undefined;
}

/** A scalar's value as Kubernetes' string fields read it (`1.0` → "1.0"), or undefined. */
export function scalarString(node: YNode | undefined): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return typeof node.value === 'string' ? node.value : node.source;
}

export function getString(map: YNode | undefined, key: string): string | undefined {
  return scalarString(get(map, key));
}

/** Follow a path of keys (strings) and sequence indexes (numbers). */
export function at(node: YNode | undefined, path: readonly (string | number)[]): YNode | undefined {
  let cur = node;
  for (const step of path) {
    if (cur === undefined) return undefined;
    if (typeof step === 'number') cur = isSeq(cur) ? cur.items[step] : undefined;
    else cur = get(cur, step);
  }
  return cur;
}

/** Plain JavaScript value of a tree (at most MAX_EXPANDED_NODES values, however aliased). */
export function toPlain(node: YNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const p of node.pairs) out[pairKey(p)] = toPlain(p.value);
      return out;
    }
  }
}

/** A string→string map (labels, annotations); non-scalar entries are skipped. */
export function toStringMap(node: YNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(node)) return out;
  for (const p of node.pairs) {
    const v = p.value;
    if (isScalar(v)) out[pairKey(p)] = v.value === null ? '' : typeof v.value === 'string' ? v.value : v.source;
  }
  return out;
}
