import type { YNode, YScalar } from './yamlTree';

/** A copy of `node` with every offset moved by `delta` (a document that moved in its file). */
export function shiftTree<T extends YNode>(node: T, delta: number): T {
  if (delta === 0) return node;
  return shift(node, delta) as T;
}

function shiftScalar(s: YScalar, delta: number): YScalar {
  return { ...s, start: s.start + delta, end: s.end + delta };
}

function shift(node: YNode, delta: number): YNode {
  switch (node.type) {
    case 'scalar':
      return shiftScalar(node, delta);
    case 'alias':
      return { ...node, start: node.start + delta, end: node.end + delta };
    case 'seq':
      return { ...node, start: node.start + delta, end: node.end + delta, items: node.items.map((i) => shift(i, delta)) };
    case 'map':
      return {
        ...node,
        start: node.start + delta,
        end: node.end + delta,
        pairs: node.pairs.map((p) => ({ key: shiftScalar(p.key, delta), value: p.value ? shift(p.value, delta) : undefined })),
      };
  }
}
