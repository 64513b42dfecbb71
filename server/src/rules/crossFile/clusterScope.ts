/**
 * Whether the workspace shows every pod a cluster-wide policy's subject or peer selects. Cluster-
 * wide selectors reach across namespaces, most of which a repository does not hold: a rule that
 * judges what such pods lack (a port name, a NetworkPolicy) judges only when the selector is
 * limited to named namespaces whose workloads the workspace holds, or under
 * `workspaceIsWholeCluster`.
 */
import type { ClusterPeer } from '../../engine/clusterPolicyTypes';
import { pinnedNamespaceNames, type ClusterKnowledge } from './clusterKnowledge';

export function clusterPodsKnown(peer: ClusterPeer, known: ClusterKnowledge): boolean {
  if (known.wholeCluster) return true;
  if (!peer.namespaces && !peer.pods) return false;
  const names = pinnedNamespaceNames(peer.namespaces ?? peer.pods?.namespaceSelector);
  return names !== undefined && names.every((ns) => known.workloadsKnown(ns, ''));
}
