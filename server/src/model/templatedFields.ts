/**
 * A parsed document whose names, labels, selectors, ports or addresses hold `{{`. The API server
 * accepts no brace in any of them (names and label keys are DNS names, label values and port
 * names a small alphabet, ports numbers, CIDRs addresses), so such a document was never rendered:
 * it is a template whose values the analysis would read as literal text — selectors that match
 * nothing, invalid names — and report falsely. Free text (annotations, container arguments and
 * environment, ConfigMap data, rule descriptions) may hold `{{` in a rendered file and is not
 * looked at.
 */
import { isMap, isScalar, isSeq, type YNode } from './yamlTree';

/** Everything under these keys is validated strictly and read by the analysis. */
const STRICT_SUBTREES = new Set(['labels', 'matchLabels', 'matchExpressions', 'selector', 'podSelector', 'namespaceSelector', 'ports', 'ipBlock', 'policyTypes']);
/** Values of these keys, wherever they stand. */
const STRICT_VALUES = new Set(['port', 'endPort', 'containerPort', 'targetPort', 'protocol', 'cidr', 'hostNetwork']);
/** Values of these keys directly under `metadata`. */
const METADATA_VALUES = new Set(['name', 'namespace']);

interface Visit {
  readonly node: YNode | undefined;
  readonly key: string | undefined;
  readonly parentKey: string | undefined;
  readonly strict: boolean;
}

export function hasTemplatedField(root: YNode | undefined): boolean {
  const stack: Visit[] = [{ node: root, key: undefined, parentKey: undefined, strict: false }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { node, key, parentKey, strict } = visit;
    if (node === undefined) continue;
    if (isScalar(node)) {
      const read = strict || (key !== undefined && (STRICT_VALUES.has(key) || (parentKey === 'metadata' && METADATA_VALUES.has(key))));
      if (read && node.source.includes('{{')) return true;
    } else if (isMap(node)) {
      for (const pair of node.pairs) {
        // No Kubernetes field name, label key or annotation key holds a brace.
        if (pair.key.source.includes('{{')) return true;
        const k = pair.key.source;
        stack.push({ node: pair.value, key: k, parentKey: key, strict: strict || STRICT_SUBTREES.has(k) });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, key, parentKey, strict });
    }
  }
  return false;
}
