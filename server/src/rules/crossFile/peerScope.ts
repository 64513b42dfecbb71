/**
 * The namespaces a selector peer reaches into, when the workspace knows all of them and their
 * workloads; undefined when the peer may reach workloads the workspace does not show (then the
 * rules say nothing about it).
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { PolicyPeer } from '../../engine/types';
import { pinnedNamespaceNames, selectsByNameOnly, type ClusterKnowledge } from './clusterKnowledge';

export function knownPeerNamespaces(
  analysis: WorkspaceAnalysis,
  known: ClusterKnowledge,
  policy: PolicyInfo,
  peer: PolicyPeer,
): string[] | undefined {
  const own = policy.policy.namespace;
  if (!peer.namespaceSelector) return known.workloadsKnown(own, own) ? [own] : undefined;
  if (!known.wholeCluster) {
    // Namespaces the workspace does not show could match, unless the selector names them.
    const pinned = pinnedNamespaceNames(peer.namespaceSelector);
    if (!pinned || pinned.some((n) => !known.workloadsKnown(n, own))) return undefined;
    // Other labels of a namespace without manifest are unknown: it might match them.
    if (!selectsByNameOnly(peer.namespaceSelector) && pinned.some((n) => !known.labelsKnown(n))) return undefined;
  }
  const names = analysis.network.namespacesMatching(peer.namespaceSelector).map((n) => n.name);
  return names.every((n) => known.workloadsKnown(n, own)) ? names : undefined;
}
