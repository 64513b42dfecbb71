/**
 * Map and sequence nodes in as few words of heap as their content allows, like scalars
 * (`scalarNode.ts`): a workspace holds hundreds of thousands of maps and sequences, and V8 gives
 * a plain object eight bytes per field. `type` and `flow` are the same for every node of a kind,
 * so they live on the prototype (read exactly as own fields) and a node keeps its items, `start`
 * and `end`: 48 bytes instead of 64. A map with pairs lost to a duplicate key keeps `overridden`
 * as an own field; the others have none.
 *
 * Every reader and tree edit builds its maps and sequences here, so trees built by different
 * paths are alike to the prototype (the reader-equality tests compare them deeply). Never copy a
 * map or sequence with a spread (`{ ...map, pairs }` leaves `type` and `flow` behind): use
 * `withPairs` and `withItems`.
 */
import type { OverriddenPair, YMap, YNode, YPair, YSeq } from './yamlTree';

type MapClass = new (pairs: readonly YPair[], start: number, end: number) => YMap;
type SeqClass = new (items: readonly YNode[], start: number, end: number) => YSeq;

function onPrototype(target: object, type: 'map' | 'seq', flow: boolean): void {
  Object.defineProperties(target, { type: { value: type, enumerable: true }, flow: { value: flow, enumerable: true } });
}

// Two class factories, not one with the field name as a parameter: a keyed store of the field
// made the fast reader about 4 % slower (its constructor's stores were no longer monomorphic).
function mapClass(flow: boolean): MapClass {
  class CompactMap {
    constructor(
      readonly pairs: readonly YPair[],
      readonly start: number,
      readonly end: number,
    ) {}
  }
  onPrototype(CompactMap.prototype, 'map', flow);
  return CompactMap as unknown as MapClass;
}

function seqClass(flow: boolean): SeqClass {
  class CompactSeq {
    constructor(
      readonly items: readonly YNode[],
      readonly start: number,
      readonly end: number,
    ) {}
  }
  onPrototype(CompactSeq.prototype, 'seq', flow);
  return CompactSeq as unknown as SeqClass;
}

const BLOCK_MAP = mapClass(false);
const FLOW_MAP = mapClass(true);
const BLOCK_SEQ = seqClass(false);
const FLOW_SEQ = seqClass(true);

class MapWithOverridden {
  constructor(
    readonly flow: boolean,
    readonly pairs: readonly YPair[],
    readonly overridden: readonly OverriddenPair[],
    readonly start: number,
    readonly end: number,
  ) {}
}
Object.defineProperty(MapWithOverridden.prototype, 'type', { value: 'map', enumerable: true });

/** A map node; `overridden` is kept only when it lists a pair. */
export function mapNode(flow: boolean, pairs: readonly YPair[], start: number, end: number, overridden?: readonly OverriddenPair[]): YMap {
  if (overridden && overridden.length > 0) return new MapWithOverridden(flow, pairs, overridden, start, end) as unknown as YMap;
  return new (flow ? FLOW_MAP : BLOCK_MAP)(pairs, start, end);
}

export function seqNode(flow: boolean, items: readonly YNode[], start: number, end: number): YSeq {
  return new (flow ? FLOW_SEQ : BLOCK_SEQ)(items, start, end);
}

/** `map` with other pairs (its style, span and `overridden` kept). */
export function withPairs(map: YMap, pairs: readonly YPair[]): YMap {
  return mapNode(map.flow, pairs, map.start, map.end, map.overridden);
}

/** `seq` with other items (its style and span kept). */
export function withItems(seq: YSeq, items: readonly YNode[]): YSeq {
  return seqNode(seq.flow, items, seq.start, seq.end);
}
