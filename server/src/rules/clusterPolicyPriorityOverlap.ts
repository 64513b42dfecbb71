/**
 * `cluster-policy-priority-overlap`: two policies of one tier (AdminNetworkPolicy, Admin or Baseline
 * tier ClusterNetworkPolicy) with the same priority that both match a connection of the workspace
 * on a common port. Upstream leaves their order undefined: the implementation may apply either,
 * and there is no way to tell which. Reported on both policies' priority, with an example
 * connection. (netpol-analyzer refuses any two AdminNetworkPolicies of one priority; upstream only
 * warns about those that can match the same connection.)
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { formatRange } from '../engine/addressSet';
import { clusterPolicyLabel } from '../engine/clusterPolicyTypes';
import type { Overlap } from '../engine/tierAnalysis';
import { priorityAnchor, tierAnalysisOf } from './crossFile/tierEffects';
import { tierRule } from './crossFile/tierRule';
import type { LocatedFinding } from './crossFile/workspaceFindings';

export const clusterPolicyPriorityOverlapRule = tierRule('cluster-policy-priority-overlap', (analysis) => {
  const out: LocatedFinding[] = [];
  for (const overlap of tierAnalysisOf(analysis).overlaps) {
    const [a, b] = overlap.policies.map((id) => analysis.clusterPolicyById(id));
    if (!a || !b) continue;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const at = priorityAnchor(self);
      const there = priorityAnchor(other);
      if (!at) continue;
      out.push({
        uri: self.source.uri,
        finding: {
          ruleId: 'cluster-policy-priority-overlap',
          message:
            `${clusterPolicyLabel(other.policy)} has the same priority (${self.policy.priority ?? ''}) and both match ${connectionText(analysis, overlap)}: ` +
            `which of them applies is undefined (up to the implementation). Give them different priorities.`,
          start: at.start,
          end: at.end,
          related: there ? [{ uri: other.source.uri, start: there.start, end: there.end, message: `the other policy of priority ${other.policy.priority ?? ''}` }] : [],
        },
      });
    }
  }
  return out;
});

function connectionText(analysis: WorkspaceAnalysis, o: Overlap): string {
  const self = analysis.workloads()[o.workload]?.workload.id ?? '';
  const peer = 'workload' in o.peer ? (analysis.workloads()[o.peer.workload]?.workload.id ?? '') : formatRange({ family: o.peer.family, from: o.peer.from, to: o.peer.to });
  const [src, dst] = o.direction === 'ingress' ? [peer, self] : [self, peer];
  return `${src} → ${dst} on ${o.ports.toString()}`;
}
