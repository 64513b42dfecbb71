/**
 * `named-port-unresolved`: a named port resolves against the destination pod's container ports
 * (name and protocol must both match): ingress — the pods the policy selects; egress — the pods
 * the rule's peers match. When no destination declares it, the port allows nothing; toward an
 * ipBlock peer a named port never matches. Destinations the workspace may not fully show (open
 * namespaces, a rule without peers, operator-made pods whose ports depend on other objects) are
 * not judged.
 */
import type { PolicyInfo, WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { rulesOf } from '../engine/policyTypes';
import { parseProtocol } from '../engine/portSpec';
import type { Direction, PolicyRule, Protocol } from '../engine/types';
import { get, getSeq, isScalar } from '../model/yamlTree';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { listWorkloads } from './crossFile/describe';
import { knownPeerNamespaces } from './crossFile/peerScope';
import { ruleMap } from './crossFile/policySource';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding } from './types';

export const namedPortUnresolvedRule = policyRule(
  'named-port-unresolved',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const out: Finding[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      if (!analysis.network.governs(policy.index, direction)) continue;
      rulesOf(policy.policy, direction).forEach((rule, ruleIndex) => {
        const portNodes = getSeq(ruleMap(policy, direction, ruleIndex), 'ports')?.items ?? [];
        rule.ports?.forEach((port, i) => {
          const node = get(portNodes[i], 'port');
          const protocol = parseProtocol(port.protocol);
          if (typeof port.port !== 'string' || !protocol || !isScalar(node)) return;
          const message = judge(analysis, known, policy, direction, rule, ruleIndex, port.port, protocol);
          if (message) out.push({ ruleId: 'named-port-unresolved', message, start: node.start, end: node.end });
        });
      });
    }
    return out;
  },
);

function judge(
  analysis: WorkspaceAnalysis,
  known: ClusterKnowledge,
  policy: PolicyInfo,
  direction: Direction,
  rule: PolicyRule,
  ruleIndex: number,
  name: string,
  protocol: Protocol,
): string | undefined {
  const ref = `${protocol}/${name}`;
  if (direction === 'egress' && rule.peers?.some((p) => p.ipBlock)) {
    return `Named port ${ref} toward an ipBlock peer matches nothing: addresses have no container ports to resolve a name against. Use the port number.`;
  }
  const destinations = destinationsOf(analysis, known, policy, direction, rule, ruleIndex);
  if (!destinations || destinations.length === 0) return undefined;
  if (destinations.some((w) => w.workload.namedPorts.some((p) => p.name === name && p.protocol === protocol))) return undefined;
  // Pods an operator makes may declare ports the workspace cannot list (they depend on other objects).
  if (destinations.some((w) => w.workload.namedPortsPartial)) return undefined;
  const otherProtocol = destinations.flatMap((w) => w.workload.namedPorts).find((p) => p.name === name);
  const hint = otherProtocol ? ` (${name} is declared for ${otherProtocol.protocol}: the protocol must match too)` : '';
  return `No container of ${listWorkloads(destinations)} declares port ${ref}${hint}: this port allows nothing.`;
}

/** The destination pods of a rule, when the workspace knows all of them. */
function destinationsOf(
  analysis: WorkspaceAnalysis,
  known: ClusterKnowledge,
  policy: PolicyInfo,
  direction: Direction,
  rule: PolicyRule,
  ruleIndex: number,
): WorkloadInfo[] | undefined {
  const ns = policy.policy.namespace;
  if (direction === 'ingress') return known.workloadsKnown(ns, ns) ? analysis.selectedWorkloads(policy) : undefined;
  const peers = rule.peers ?? [];
  if (peers.length === 0 || peers.some((p) => !knownPeerNamespaces(analysis, known, policy, p))) return undefined;
  const indexes = new Set<number>();
  for (const piece of analysis.network.piecesOf(policy.index, 'egress')) {
    if (piece.rule.ruleIndex === ruleIndex) for (const w of piece.workloads) indexes.add(w);
  }
  return [...indexes].sort((a, b) => a - b).flatMap((i) => analysis.workloads()[i] ?? []);
}
