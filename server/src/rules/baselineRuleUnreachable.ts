/**
 * `baseline-rule-unreachable`: the ingress (or egress) rules of a BaselineAdminNetworkPolicy or a
 * Baseline tier ClusterNetworkPolicy when every pod the policy applies to is isolated in that
 * direction by a NetworkPolicy. The Baseline tier answers only for pods no NetworkPolicy isolates,
 * so these rules are never consulted: a Deny there does not protect those pods, an Allow does not
 * open anything.
 *
 * Judged where the workspace shows all the pods the policy applies to (clusterScope.ts).
 */
import { getMap, getPair } from '../model/yamlTree';
import { clusterPolicyLabel } from '../engine/clusterPolicyTypes';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { clusterPodsKnown } from './crossFile/clusterScope';
import { tierAnalysisOf } from './crossFile/tierEffects';
import { tierRule } from './crossFile/tierRule';
import type { LocatedFinding } from './crossFile/workspaceFindings';

export const baselineRuleUnreachableRule = tierRule('baseline-rule-unreachable', (analysis) => {
  const tiers = tierAnalysisOf(analysis);
  const known = new ClusterKnowledge(analysis);
  const out: LocatedFinding[] = [];
  for (const info of analysis.clusterPolicies()) {
    if (info.policy.tier !== 'baseline' || !clusterPodsKnown(info.policy.subject, known)) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      if ((direction === 'ingress' ? info.policy.ingress : info.policy.egress).length === 0) continue;
      const { isolated, applying } = tiers.isolation(info.policy.id, direction);
      if (applying === 0 || isolated < applying) continue;
      const key = getPair(getMap(info.source.node, 'spec'), direction)?.key;
      if (!key) continue;
      const Direction = direction === 'ingress' ? 'Ingress' : 'Egress';
      out.push({
        uri: info.source.uri,
        finding: {
          ruleId: 'baseline-rule-unreachable',
          message:
            `Every pod ${clusterPolicyLabel(info.policy)} applies to (${applying === 1 ? 'one workload' : `${applying} workloads`}) is isolated for ${direction} by a NetworkPolicy listing ${Direction}: ` +
            `the Baseline tier is consulted only for pods no NetworkPolicy isolates, so these ${direction} rules never apply.`,
          start: key.start,
          end: key.end,
          tags: ['unnecessary'],
        },
      });
    }
  }
  return out;
});
