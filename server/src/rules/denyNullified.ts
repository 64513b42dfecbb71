/**
 * `deny-nullified`: a deny-all policy (it isolates a direction and has no rule for it) whose pods
 * another policy allows everything in that direction (a rule without peers and ports), so the
 * deny changes nothing at runtime. Reported only when that holds for every pod it selects: a
 * namespace default-deny with one pod opened to all is the intended pattern, not dead code.
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { rulesOf } from '../engine/policyTypes';
import type { RuleRef } from '../engine/types';
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { listOf } from './crossFile/describe';
import { directionSpan, relatedRule, ruleLabel } from './crossFile/policySource';
import { selectedPods } from './crossFile/selectedPods';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding, RelatedData } from './types';

export const denyNullifiedRule = policyRule(
  'deny-nullified',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const out: Finding[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      if (!analysis.network.governs(policy.index, direction) || rulesOf(policy.policy, direction).length > 0) continue;
      const pods = selectedPods(analysis, known, policy, direction);
      const allowAll = pods.map((pod) =>
        pod.pieces.filter((p) => p.rule.policy !== policy.policy.id && p.rule.peerIndex === undefined && p.ports.all).map((p) => p.rule),
      );
      if (pods.length === 0 || allowAll.some((rules) => rules.length === 0)) continue;
      const rules = uniqueRules(allowAll.flat());
      const names = [...new Set(rules.map((r) => ruleLabel(analysis, r)))];
      out.push({
        ruleId: 'deny-nullified',
        message:
          `This policy denies all ${direction} for ${listOf(pods.map((p) => p.label))}, but ${listOf(names)} ` +
          `${names.length > 1 ? 'allow' : 'allows'} all ${direction} for the same pods: the deny has no effect.`,
        ...directionSpan(policy, direction),
        related: related(analysis, rules),
      });
    }
    return out;
  },
);

function uniqueRules(rules: readonly RuleRef[]): RuleRef[] {
  const seen = new Map<string, RuleRef>();
  for (const r of rules) seen.set(`${r.policy}/${r.direction}/${r.ruleIndex}`, r);
  return [...seen.values()];
}

function related(analysis: WorkspaceAnalysis, rules: readonly RuleRef[]): RelatedData[] {
  return rules.flatMap((r) => relatedRule(analysis, r, `allows all ${r.direction}`) ?? []);
}
