/**
 * `yaml-duplicate-key`: a key set twice in one map of a Kubernetes document (`podSelector:` twice
 * in a spec, a label written twice). kubectl converts YAML to JSON before it sends an object, and
 * that conversion keeps the last value, so one of the two is dropped without a word; kustomize
 * (`kubectl apply -k`) and clients that send the YAML itself are stricter and reject the file.
 * A key written before a merge key (`<<`) that sets it too is replaced by the merged value (go-yaml
 * applies keys in order), which is rarely what was meant.
 *
 * Reported on the key that loses, with the winner as related information. Every fully read
 * document is checked (the tree keeps, per map, the pairs that lost: `YMap.overridden`).
 */
import type { FileModel } from '../model/fileModel';
import { isMap, isSeq, type OverriddenPair, type YMap, type YNode } from '../model/yamlTree';
import { quoted } from '../text/displayText';
import type { Finding, Rule } from './types';
import { holdsPlainText } from '../model/pairNode';

export const yamlDuplicateKeyRule: Rule = {
  id: 'yaml-duplicate-key',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const doc of file.documents) {
      if (!doc.isKubernetes || doc.root === undefined || !hasOverridden(doc.root, doc.expanded)) continue;
      for (const { map, path } of mapsOf(doc.root)) {
        for (const o of map.overridden ?? []) findings.push(duplicate(file, o, path));
      }
    }
    return findings;
  },
};

/**
 * Whether some map of the tree lost a pair: nearly every document has none, and this walk makes
 * no paths. Only a tree with aliases (`expanded`) shares nodes, so only there is a node seen twice.
 */
function hasOverridden(root: YNode, expanded: boolean): boolean {
  const seen = expanded ? new Set<YNode>() : undefined;
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as YNode;
    if (seen) {
      if (seen.has(node)) continue;
      seen.add(node);
    }
    if (isMap(node)) {
      if (node.overridden !== undefined && node.overridden.length > 0) return true;
      for (const p of node.pairs) {
        if (holdsPlainText(p)) continue;
        const value = p.value;
        if (value) stack.push(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return false;
}

/** Every map of a tree once (an aliased map is shared), with the path of its first place; no recursion. */
function mapsOf(root: YNode): { map: YMap; path: string }[] {
  const out: { map: YMap; path: string }[] = [];
  const seen = new Set<YNode>();
  const stack: { node: YNode; path: string }[] = [{ node: root, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: YNode; path: string };
    if (seen.has(node)) continue;
    seen.add(node);
    if (isMap(node)) {
      out.push({ map: node, path });
      for (let i = node.pairs.length - 1; i >= 0; i--) {
        const p = node.pairs[i];
        if (p?.value) stack.push({ node: p.value, path: path === '' ? p.key.source : `${path}.${p.key.source}` });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (item) stack.push({ node: item, path: `${path}[${i}]` });
      }
    }
  }
  return out;
}

function duplicate(file: FileModel, o: OverriddenPair, path: string): Finding {
  const key = o.pair.key;
  const field = path === '' ? key.source : `${path}.${key.source}`;
  const message = o.merged
    ? `${quoted(key.source)} is set here and again by the merge key (<<) after it: kubectl applies keys in order, so the merged value wins and this one is dropped. Write the key after << to override the merged value.`
    : `${quoted(key.source)} is set again later in this map: kubectl keeps only the last value and drops this one without a warning; kustomize (kubectl apply -k) and clients that send the YAML itself reject the object (duplicate field ${quoted(field)}).`;
  return {
    ruleId: 'yaml-duplicate-key',
    message,
    start: key.start,
    end: Math.max(key.end, key.start + 1),
    related: [{ uri: file.uri, start: o.winner.key.start, end: Math.max(o.winner.key.end, o.winner.key.start + 1), message: 'the value kubectl keeps' }],
  };
}
