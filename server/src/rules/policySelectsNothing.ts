/**
 * `policy-selects-nothing`: `spec.podSelector` selects no workload of the policy's namespace, so
 * the policy isolates nothing and allows nothing. Judged only where the workspace knows the
 * namespace's workloads (see ClusterKnowledge). Where the namespace holds custom resources the
 * operator catalogue does not know, or a workload whose service account may create pods there,
 * they may make the pods: then a hint naming them.
 */
import { getPair } from '../model/yamlTree';
import { ClusterKnowledge, isWellFormedSelector } from './crossFile/clusterKnowledge';
import { selectorText } from './crossFile/describe';
import { podMakersText } from './crossFile/podMakersText';
import { keyLineSpan, specOf } from './crossFile/policySource';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding } from './types';
import { listText, shown } from '../text/displayText';

export const policySelectsNothingRule = policyRule(
  'policy-selects-nothing',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const { namespace, podSelector } = policy.policy;
    if (!isWellFormedSelector(podSelector) || !known.workloadsKnown(namespace, namespace)) return [];
    if (analysis.network.selected(policy.index).count() > 0) return [];
    const pair = getPair(specOf(policy), 'podSelector');
    if (!pair) return [];
    const count = analysis.network.podsIn(namespace).count();
    const elsewhere = [...analysis.network.podsMatching(podSelector)].map((i) => analysis.workloads()[i]?.workload.namespace ?? '');
    const hint = elsewhere.length > 0 ? ` (it matches workloads in namespace ${listText([...new Set(elsewhere)].sort().map((n) => shown(n)))}: a policy applies only in its own namespace)` : '';
    const found = `${selectorText(podSelector)} selects no workload in namespace ${namespace} (the workspace has ${count} there)${hint}`;
    const makers = podMakersText(analysis, [namespace]);
    if (makers) {
      return [
        {
          ruleId: 'policy-selects-nothing',
          message: `${found}, but its pods may be created by ${makers}: if they are not, this policy has no effect at runtime.`,
          severity: 'hint',
          ...keyLineSpan(pair),
        },
      ];
    }
    return [{ ruleId: 'policy-selects-nothing', message: `${found}: this policy has no effect at runtime.`, ...keyLineSpan(pair) }];
  },
);
