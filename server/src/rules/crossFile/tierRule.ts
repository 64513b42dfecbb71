/**
 * The rules about the cluster-wide tiers (the tier analysis, named ports of cluster-wide rules)
 * judge the whole workspace at once, and read of it only: the cluster-wide policies and their
 * files, the namespaces, the workloads their subjects and peers select (ids, labels, ports,
 * whether NetworkPolicy isolates them) and whether the namespaces their selectors name hold
 * workloads. So their findings are kept while no cluster-wide policy and no Namespace manifest
 * changed, and every namespace whose workloads or NetworkPolicies changed holds none of those
 * workloads and is named by none of those selectors, before the edit and after.
 */
import type { RuleId } from '../../../../shared/src/ruleCatalogue';
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { ClusterPeer } from '../../engine/clusterPolicyTypes';
import { WorkloadSet } from '../../engine/workloadSet';
import type { Rule } from '../types';
import { pinnedNamespaceNames } from './clusterKnowledge';
import { itemRule } from './itemRule';
import type { WorkspaceChanges } from './workspaceChanges';
import type { LocatedFinding } from './workspaceFindings';

const WORKSPACE = 'workspace';

export function tierRule(id: RuleId, computeAll: (analysis: WorkspaceAnalysis) => LocatedFinding[], part = ''): Rule {
  return itemRule<typeof WORKSPACE, ReadonlySet<string>>(
    id,
    {
      items: () => [WORKSPACE],
      judge: (_, analysis) => computeAll(analysis),
      record: tierNamespaces,
      holds: (_, changes, before, now) => tiersUnchanged(changes, before, now),
    },
    part,
  );
}

function tiersUnchanged(changes: WorkspaceChanges, before: ReadonlySet<string>, now: ReadonlySet<string>): boolean {
  if (changes.clusterPolicies || changes.namespaces) return false;
  for (const set of [changes.workloads, changes.policies]) for (const ns of set) if (before.has(ns) || now.has(ns)) return false;
  return true;
}

/** The namespaces whose workloads the tiers read: those of every subject and peer workload, and those the selectors name (computed once per analysis). */
export function tierNamespaces(analysis: WorkspaceAnalysis): ReadonlySet<string> {
  return analysis.memo('crossFile:tierNamespaces', (a) => {
    const out = new Set<string>();
    const net = a.network;
    const cluster = net.cluster;
    if (cluster.policies.length === 0) return out;
    let pods = WorkloadSet.empty(net.workloads.length);
    const named = (peer: ClusterPeer): void => {
      for (const ns of pinnedNamespaceNames(peer.namespaces ?? peer.pods?.namespaceSelector) ?? []) out.add(ns);
    };
    cluster.policies.forEach((policy, pi) => {
      pods = pods.union(cluster.subject(pi));
      named(policy.subject);
      for (const direction of ['ingress', 'egress'] as const) {
        for (const piece of cluster.piecesOf(pi, direction)) pods = pods.union(piece.workloads);
        for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) for (const peer of rule.peers) named(peer);
      }
    });
    for (const i of pods.toArray()) {
      const ns = net.workloads[i]?.namespace;
      if (ns !== undefined) out.add(ns);
    }
    return out;
  });
}
