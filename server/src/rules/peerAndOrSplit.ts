/**
 * `peer-and-or-split`: a `namespaceSelector`-only peer and a `podSelector`-only peer as separate
 * items of one from/to list. Separate items are OR: every pod of the matching namespaces, plus the
 * matching pods of the policy's own namespace. The classic mistake is meaning AND (these pods in
 * those namespaces), one `-` too many. Calibrated: a list of exactly those two peers is a warning;
 * with other peers beside them (the Kubernetes docs example, which means OR) a hint.
 * The fix merges the two into one peer (AND).
 */
import type { FileModel } from '../model/fileModel';
import { getPair, isMap, toStringMap, type YNode } from '../model/yamlTree';
import { mergeIntoPrevious } from './edit/mergeSeqItems';
import { networkPolicies, policyRules, type PolicyRule } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { labelText, listText, shown } from '../text/displayText';
import { pairKey } from '../model/pairNode';

type Only = 'namespaceSelector' | 'podSelector';

/** `namespaceSelector` or `podSelector` when it is the peer's only key. */
function onlySelector(node: YNode): Only | undefined {
  const pair = isMap(node) && node.pairs.length === 1 ? node.pairs[0] : undefined;
  if (!pair) return undefined;
  const key = pairKey(pair);
  return key === 'namespaceSelector' || key === 'podSelector' ? key : undefined;
}

function describe(selector: YNode | undefined): string {
  const labels = Object.entries(toStringMap(getPair(isMap(selector) ? selector : undefined, 'matchLabels')?.value));
  if (isMap(selector) && selector.pairs.length === 0) return 'any labels';
  if (labels.length === 0 || (isMap(selector) && selector.pairs.length > 1)) return 'its selector';
  return listText(labels.map(([k, v]) => labelText(k, v)));
}

export const peerAndOrSplitRule: Rule = {
  id: 'peer-and-or-split',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { spec } of networkPolicies(file)) {
      for (const rule of policyRules(spec)) {
        const finding = checkRule(file, rule);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};

function checkRule(file: FileModel, rule: PolicyRule): Finding | undefined {
  const peers = rule.peers;
  if (!peers) return undefined;
  const kinds = peers.items.map(onlySelector);
  // An adjacent namespaceSelector-only / podSelector-only pair (either order).
  const index = kinds.findIndex((k, i) => i > 0 && k !== undefined && kinds[i - 1] !== undefined && kinds[i - 1] !== k);
  if (index < 0) return undefined;
  const later = peers.items[index];
  const earlier = peers.items[index - 1];
  if (!isMap(later) || !isMap(earlier)) return undefined;
  const ns = kinds[index] === 'namespaceSelector' ? later : earlier;
  const pod = ns === later ? earlier : later;
  // `podSelector: {}` beside a namespaceSelector: AND would equal the namespaceSelector alone, so
  // the separate items mean what they say (the own namespace, plus those namespaces).
  const podSelector = pod.pairs[0]?.value;
  if (isMap(podSelector) && podSelector.pairs.length === 0) return undefined;
  const nsLabels = describe(ns.pairs[0]?.value);
  const podLabels = describe(pod.pairs[0]?.value);
  const alone = peers.items.length === 2;
  const laterKey = later.pairs[0]?.key;
  if (!laterKey) return undefined;
  const who = rule.direction === 'ingress' ? 'from' : 'to';
  const effect =
    `These are two separate peers (OR): traffic ${who} every pod in namespaces matching ${nsLabels}, OR ${who} pods matching ${podLabels} in this policy's own namespace.`;
  const merged = `pods matching ${podLabels} inside namespaces matching ${nsLabels}`;
  const edit = mergeIntoPrevious(file.text, peers, index);
  return {
    ruleId: 'peer-and-or-split',
    message:
      alone ?
        `${effect} If you meant only ${merged} (AND), put both selectors in one peer${later.flow ? '' : `: remove the \`-\` before ${shown(laterKey.source)}`}.`
      : `${effect} This is right if OR is meant; for ${merged} (AND), put both selectors in one peer.`,
    start: laterKey.start,
    end: laterKey.end,
    ...(alone ? {} : { severity: 'hint' as const }),
    fixes: edit ? [{ title: `Merge into one peer (AND): ${merged}`, edits: [edit], preferred: alone }] : [],
  };
}
