import type { YMap, YNode, YPair, YScalar } from './yamlTree';

/**
 * A copy of `node` with every offset moved by `delta` (a document that moved in its file). A node
 * an alias shares between places is copied once and stays shared, so an alias bomb that was cheap
 * to read is cheap to move.
 */
export function shiftTree<T extends YNode>(node: T, delta: number): T {
  if (delta === 0) return node;
  return shift(node, delta, new Map()) as T;
}

function shiftScalar(s: YScalar, delta: number): YScalar {
  return { ...s, start: s.start + delta, end: s.end + delta };
}

function shift(node: YNode, delta: number, done: Map<YNode, YNode>): YNode {
  const copied = done.get(node);
  if (copied) return copied;
  let out: YNode;
  switch (node.type) {
    case 'scalar':
      out = shiftScalar(node, delta);
      break;
    case 'seq':
      out = { ...node, start: node.start + delta, end: node.end + delta, items: node.items.map((i) => shift(i, delta, done)) };
      break;
    case 'map': {
      const pairs = new Map<YPair, YPair>();
      const pairOf = (p: YPair): YPair => {
        let moved = pairs.get(p);
        if (!moved) {
          moved = { key: shift(p.key, delta, done) as YScalar, value: p.value ? shift(p.value, delta, done) : undefined };
          pairs.set(p, moved);
        }
        return moved;
      };
      const map: YMap = {
        ...node,
        start: node.start + delta,
        end: node.end + delta,
        pairs: node.pairs.map(pairOf),
        ...(node.overridden ? { overridden: node.overridden.map((o) => ({ ...o, pair: pairOf(o.pair), winner: pairOf(o.winner) })) } : {}),
      };
      out = map;
      break;
    }
  }
  done.set(node, out);
  return out;
}
