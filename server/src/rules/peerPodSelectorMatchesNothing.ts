/**
 * `peer-pod-selector-matches-nothing`: a `from`/`to` peer's podSelector matches no workload in the
 * namespaces it applies to (the policy's own, or those its namespaceSelector selects), so the
 * peer allows nothing. When the labels match workloads of other namespaces, the message names
 * them and a fix adds the namespaceSelector the author probably meant. Where those namespaces
 * hold custom resources the operator catalogue does not know, their operators may make the pods:
 * then a hint naming them.
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { rulesOf } from '../engine/policyTypes';
import type { Direction, PolicyPeer } from '../engine/types';
import { NAMESPACE_NAME_LABEL } from '../engine/types';
import { getPair, type YMap, type YPair } from '../model/yamlTree';
import { ClusterKnowledge, isWellFormedSelector } from './crossFile/clusterKnowledge';
import { listOf, selectorText } from './crossFile/describe';
import { knownPeerNamespaces } from './crossFile/peerScope';
import { keyLineSpan, peerMap } from './crossFile/policySource';
import { podMakersText } from './crossFile/podMakersText';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding, FixData } from './types';

export const peerPodSelectorMatchesNothingRule = policyRule(
  'peer-pod-selector-matches-nothing',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const out: Finding[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      if (!analysis.network.governs(policy.index, direction)) continue;
      for (const piece of analysis.network.piecesOf(policy.index, direction)) {
        const { ruleIndex, peerIndex } = piece.rule;
        if (peerIndex === undefined || !piece.workloads.isEmpty()) continue;
        const peer = rulesOf(policy.policy, direction)[ruleIndex]?.peers?.[peerIndex];
        if (!peer?.podSelector || peer.ipBlock || !isWellFormedSelector(peer.podSelector) || !isWellFormedSelector(peer.namespaceSelector)) continue;
        const namespaces = knownPeerNamespaces(analysis, known, policy, peer);
        // No namespace at all is peer-namespace-selector-matches-nothing's finding.
        if (!namespaces || namespaces.length === 0) continue;
        const map = peerMap(policy, direction, ruleIndex, peerIndex);
        const pair = getPair(map, 'podSelector');
        if (!map || !pair) continue;
        out.push(finding(analysis, policy, direction, peer, namespaces, map, pair));
      }
    }
    return out;
  },
);

function finding(
  analysis: WorkspaceAnalysis,
  policy: PolicyInfo,
  direction: Direction,
  peer: PolicyPeer,
  namespaces: readonly string[],
  map: YMap,
  pair: YPair,
): Finding {
  const where = namespaces.length === 1 ? `namespace ${namespaces[0] ?? ''}` : `namespaces ${listOf(namespaces)}`;
  const elsewhere = [...analysis.network.podsMatching(peer.podSelector)]
    .map((i) => analysis.workloads()[i])
    .filter((w) => w !== undefined && !namespaces.includes(w.workload.namespace));
  const otherNamespaces = [...new Set(elsewhere.map((w) => w?.workload.namespace ?? ''))].sort();
  const side = direction === 'ingress' ? 'accepts traffic from no pod' : 'allows traffic to no pod';
  const makers = podMakersText(analysis, namespaces);
  let message = makers
    ? `podSelector ${selectorText(peer.podSelector)} matches no workload in ${where}, but such pods may be created by ${makers}: if they are not, this peer ${side}.`
    : `podSelector ${selectorText(peer.podSelector)} matches no workload in ${where}: this peer ${side}.`;
  const fixes: FixData[] = [];
  if (elsewhere.length > 0) {
    message += ` It matches ${listOf(elsewhere.map((w) => w?.workload.id ?? ''))}; a peer without namespaceSelector only selects pods of the policy's namespace.`;
    if (!peer.namespaceSelector) {
      const text = analysis.manifests.getFile(policy.source.uri)?.text ?? '';
      for (const ns of otherNamespaces.slice(0, 3)) {
        fixes.push({
          title: `Add a namespaceSelector for namespace ${ns}`,
          edits: [insertNamespaceSelector(text, map, pair, ns)],
          preferred: otherNamespaces.length === 1,
        });
      }
    }
  }
  return { ruleId: 'peer-pod-selector-matches-nothing', message, ...keyLineSpan(pair), fixes, ...(makers ? { severity: 'hint' as const } : {}) };
}

/** Insert `namespaceSelector` (by name) before the peer's podSelector key, in the peer's style. */
function insertNamespaceSelector(text: string, map: YMap, pair: YPair, namespace: string): { start: number; end: number; newText: string } {
  const at = pair.key.start;
  if (map.flow) return { start: at, end: at, newText: `namespaceSelector: {matchLabels: {${NAMESPACE_NAME_LABEL}: ${namespace}}}, ` };
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = ' '.repeat(at - lineStart);
  return {
    start: at,
    end: at,
    newText: `namespaceSelector:\n${indent}  matchLabels:\n${indent}    ${NAMESPACE_NAME_LABEL}: ${namespace}\n${indent}`,
  };
}
