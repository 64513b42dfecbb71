/** The hover on a policy's `spec.podSelector`: the workloads it selects in the policy's namespace. */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { selectorText, workloadsText } from './describe';
import { code, plural } from './markdown';
import { podMakersText } from '../rules/crossFile/podMakersText';

export function policySelectorHover(analysis: WorkspaceAnalysis, policy: PolicyInfo): string {
  const selected = analysis.selectedWorkloads(policy);
  const ns = code(policy.policy.namespace);
  const selector = code(selectorText(policy.policy.podSelector));
  if (selected.length === 0) {
    // As policy-selects-nothing says it: pods a controller or an unknown operator may make are no workload here.
    const makers = podMakersText(analysis, [policy.policy.namespace]);
    const found = `No workload of namespace ${ns} matches ${selector}`;
    const effect = makers ? `${found}, but its pods may be created by ${makers}: if they are not, this policy has no effect.` : `${found}: this policy has no effect here.`;
    return [`**Selects none in this workspace**`, '', effect].join('\n');
  }
  return [
    `**Selects ${plural(selected.length, 'workload')}** in ${ns}`,
    '',
    `${selector}: ${workloadsText(selected, analysis, 20)}`,
    '',
    'Each of them is isolated for the directions this policy lists, and may only do what the union of all policies selecting it allows.',
  ].join('\n');
}
