import { shiftedScalar } from './scalarNode';
import { mapNode, seqNode } from './collectionNodes';
import { pairNode } from './pairNode';
import type { YNode, YPair, YScalar } from './yamlTree';

/**
 * A copy of `node` with every offset moved by `delta` (a document that moved in its file). A node
 * an alias shares between places is copied once and stays shared, so an alias bomb that was cheap
 * to read is cheap to move.
 */
export function shiftTree<T extends YNode>(node: T, delta: number, shared = true): T {
  if (delta === 0) return node;
  return (shared ? shift(node, delta, new Map()) : shiftUnshared(node, delta)) as T;
}

/**
 * The copy of a tree in which no node stands at two places (no alias, no merge key: the
 * document is not `expanded`), without the bookkeeping of shared nodes: what a keystroke costs
 * every later document of a big file.
 */
function shiftUnshared(node: YNode, delta: number): YNode {
  switch (node.type) {
    case 'scalar':
      return shiftedScalar(node, delta);
    case 'seq':
      return seqNode(node.flow, node.items.map((i) => shiftUnshared(i, delta)), node.start + delta, node.end + delta);
    case 'map':
      // A key written twice: the lost and the winning pairs are shared with `overridden`.
      if (node.overridden) return shift(node, delta, new Map());
      return mapNode(
        node.flow,
        node.pairs.map((p) => pairNode(shiftUnshared(p.key, delta) as YScalar, p.value ? shiftUnshared(p.value, delta) : undefined)),
        node.start + delta,
        node.end + delta,
      );
  }
}

function shift(node: YNode, delta: number, done: Map<YNode, YNode>): YNode {
  const copied = done.get(node);
  if (copied) return copied;
  let out: YNode;
  switch (node.type) {
    case 'scalar':
      out = shiftedScalar(node, delta);
      break;
    case 'seq':
      out = seqNode(node.flow, node.items.map((i) => shift(i, delta, done)), node.start + delta, node.end + delta);
      break;
    case 'map': {
      const pairs = new Map<YPair, YPair>();
      const pairOf = (p: YPair): YPair => {
        let moved = pairs.get(p);
        if (!moved) {
          moved = pairNode(shift(p.key, delta, done) as YScalar, p.value ? shift(p.value, delta, done) : undefined);
          pairs.set(p, moved);
        }
        return moved;
      };
      const pairsMoved = node.pairs.map(pairOf);
      const overridden = node.overridden?.map((o) => ({ ...o, pair: pairOf(o.pair), winner: pairOf(o.winner) }));
      out = mapNode(node.flow, pairsMoved, node.start + delta, node.end + delta, overridden);
      break;
    }
  }
  done.set(node, out);
  return out;
}
