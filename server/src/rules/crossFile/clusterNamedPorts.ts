/**
 * Named ports of AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy rules
 * that no destination pod declares (by name; the container port's protocol is used): ingress — the
 * pods of the subject; egress — the pods of the rule's peers. Part of `named-port-unresolved`.
 * Judged only where the workspace shows all those pods (clusterScope.ts); a named port beside
 * address peers is `cluster-policy-port-invalid`'s.
 */
import type { ClusterPolicyInfo, WorkloadInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import { clusterPolicyLabel, type ClusterPeer, type ClusterRule } from '../../engine/clusterPolicyTypes';
import { at, getSeq, isMap, isScalar, type YNode } from '../../model/yamlTree';
import type { Finding } from '../types';
import { ClusterKnowledge } from './clusterKnowledge';
import { clusterPodsKnown } from './clusterScope';
import { listWorkloads } from './describe';
import type { LocatedFinding } from './workspaceFindings';

export function clusterNamedPortFindings(analysis: WorkspaceAnalysis): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const known = new ClusterKnowledge(analysis);
  for (const info of analysis.clusterPolicies()) {
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = direction === 'ingress' ? info.policy.ingress : info.policy.egress;
      rules.forEach((rule, ruleIndex) => {
        if (!rule.ports?.some((p) => p.kind === 'named')) return;
        const destinations = destinationsOf(analysis, known, info, direction, rule, ruleIndex);
        if (!destinations || destinations.length === 0) return;
        const key = info.policy.kind === 'ClusterNetworkPolicy' ? 'protocols' : 'ports';
        const entries = getSeq(at(info.source.node, ['spec', direction, ruleIndex]), key)?.items ?? [];
        rule.ports.forEach((port, i) => {
          if (port.kind !== 'named' || destinations.some((w) => w.workload.namedPorts.some((n) => n.name === port.name))) return;
          const node = namedNode(entries[i], info.policy.kind === 'ClusterNetworkPolicy' ? 'destinationNamedPort' : 'namedPort');
          if (!node) return;
          const finding: Finding = {
            ruleId: 'named-port-unresolved',
            message:
              `No container of ${listWorkloads(destinations)} declares a port named ${port.name}: in ${clusterPolicyLabel(info.policy)} ${direction}[${ruleIndex}]` +
              ` this port matches nothing, so the rule ${rule.action === 'deny' ? 'denies' : rule.action === 'pass' ? 'passes' : 'allows'} nothing on it.`,
            start: node.start,
            end: node.end,
          };
          out.push({ uri: info.source.uri, finding });
        });
      });
    }
  }
  return out;
}

function namedNode(entry: YNode | undefined, key: string): YNode | undefined {
  const node = isMap(entry) ? entry.pairs.find((p) => p.key.source === key)?.value : undefined;
  return isScalar(node) ? node : undefined;
}

/** The destination pods of a rule, when the workspace shows all of them. */
function destinationsOf(
  analysis: WorkspaceAnalysis,
  known: ClusterKnowledge,
  info: ClusterPolicyInfo,
  direction: 'ingress' | 'egress',
  rule: ClusterRule,
  ruleIndex: number,
): WorkloadInfo[] | undefined {
  if (direction === 'ingress') return clusterPodsKnown(info.policy.subject, known) ? analysis.subjectWorkloads(info) : undefined;
  const podPeers = rule.peers.filter((p: ClusterPeer) => p.namespaces || p.pods);
  if (podPeers.length === 0 || !podPeers.every((p) => clusterPodsKnown(p, known))) return undefined;
  const indexes = new Set<number>();
  for (const piece of analysis.network.cluster.piecesOf(info.index, 'egress')) {
    if (piece.rule.ruleIndex === ruleIndex) for (const w of piece.workloads) indexes.add(w);
  }
  return [...indexes].sort((a, b) => a - b).flatMap((i) => analysis.workloads()[i] ?? []);
}
