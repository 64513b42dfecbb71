/**
 * `pass-without-lower-tier`: an Admin tier `Pass` rule whose connections nothing below decides:
 * no NetworkPolicy isolates the pods it applies to (in its direction), and no Baseline tier rule
 * matches what it passes. Those connections are allowed by the default — the rule acts as an
 * Allow today, but one that any namespace owner's NetworkPolicy can take back. Often meant as
 * "let the namespace decide" where the namespaces have no policy yet, or written for a Deny.
 *
 * Judged where the workspace shows all the pods the policy applies to (clusterScope.ts): their
 * NetworkPolicies could otherwise live elsewhere. Stands down in partial views.
 */
import { ClusterKnowledge } from './crossFile/clusterKnowledge';
import { clusterPodsKnown } from './crossFile/clusterScope';
import { listWorkloads } from './crossFile/describe';
import { ruleAnchor, tierAnalysisOf } from './crossFile/tierEffects';
import { tierRule } from './crossFile/tierRule';
import type { LocatedFinding } from './crossFile/workspaceFindings';

export const passWithoutLowerTierRule = tierRule('pass-without-lower-tier', (analysis) => {
  const tiers = tierAnalysisOf(analysis);
  const known = new ClusterKnowledge(analysis);
  const out: LocatedFinding[] = [];
  for (const info of analysis.clusterPolicies()) {
    if (info.policy.tier !== 'admin' || !clusterPodsKnown(info.policy.subject, known)) continue;
    for (const direction of ['ingress', 'egress'] as const) {
      const pieces = analysis.network.cluster.piecesOf(info.index, direction).filter((p) => p.action === 'pass');
      for (const ruleIndex of new Set(pieces.map((p) => p.rule.ruleIndex))) {
        const effects = pieces.filter((p) => p.rule.ruleIndex === ruleIndex).map((p) => tiers.effectOf(p));
        if (!effects.some((e) => e?.decided) || effects.some((e) => e?.passReachesLowerTier)) continue;
        const anchor = ruleAnchor(info, direction, ruleIndex);
        if (!anchor) continue;
        const pods = analysis.subjectWorkloads(info).filter((w) => analysis.tiered(w, direction).policies.includes(info.index));
        const Direction = direction === 'ingress' ? 'Ingress' : 'Egress';
        out.push({
          uri: info.source.uri,
          finding: {
            ruleId: 'pass-without-lower-tier',
            message:
              `Pass hands these connections to NetworkPolicy, but no NetworkPolicy lists ${Direction} for ${listWorkloads(pods)}, ` +
              `and no Baseline tier rule matches them: the default allows them, as an Allow would — until a NetworkPolicy selecting those pods takes them over. ` +
              `Write Allow if that is meant, Deny if not, or add the NetworkPolicy or baseline rule that should decide.`,
            start: anchor.start,
            end: anchor.end,
          },
        });
      }
    }
  }
  return out;
});
