/**
 * `policy-selects-host-network`: every workload `spec.podSelector` selects runs with
 * `hostNetwork: true`. Those pods share their node's network namespace, and NetworkPolicy does
 * not apply to them with most network plugins (Kubernetes leaves it undefined; the common
 * implementation treats their traffic as the node's), so the policy isolates nothing and allows
 * nothing for them. Judged only where the workspace knows the namespace's workloads: elsewhere
 * the selector may also match pods the workspace does not show.
 */
import { getPair } from '../model/yamlTree';
import { ClusterKnowledge, isWellFormedSelector } from './crossFile/clusterKnowledge';
import { listWorkloads, selectorText } from './crossFile/describe';
import { pairSpan, specOf } from './crossFile/policySource';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding } from './types';

export const policySelectsHostNetworkRule = policyRule(
  'policy-selects-host-network',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const { namespace, podSelector } = policy.policy;
    if (!isWellFormedSelector(podSelector) || !known.workloadsKnown(namespace, namespace)) return [];
    const selected = analysis.selectedWorkloads(policy);
    if (selected.length === 0 || selected.some((w) => !w.workload.hostNetwork)) return [];
    const pair = getPair(specOf(policy), 'podSelector');
    const span = pair ? pairSpan(pair) : policy.source.kindNode;
    if (!span) return [];
    const only = selected.length === 1 ? 'the only workload it selects runs' : `all ${selected.length} workloads it selects run`;
    return [
      {
        ruleId: 'policy-selects-host-network',
        message:
          `${selectorText(podSelector)} selects only host-network pods (${only} with hostNetwork: true: ${listWorkloads(selected)}): ` +
          "NetworkPolicy does not apply to pods in the node's network namespace (most network plugins treat their traffic as the node's), " +
          'so this policy has no effect on them at runtime.',
        start: span.start,
        end: span.end,
      },
    ];
  },
);
