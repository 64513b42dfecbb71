/** The hover on a policy's `spec.podSelector`: the workloads it selects in the policy's namespace. */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { selectorText, workloadsText } from './describe';
import { code, plural } from './markdown';

export function policySelectorHover(analysis: WorkspaceAnalysis, policy: PolicyInfo): string {
  const selected = analysis.selectedWorkloads(policy);
  const ns = code(policy.policy.namespace);
  const selector = code(selectorText(policy.policy.podSelector));
  if (selected.length === 0) {
    return [`**Selects none in this workspace**`, '', `No workload of namespace ${ns} matches ${selector}: this policy has no effect here.`].join('\n');
  }
  return [
    `**Selects ${plural(selected.length, 'workload')}** in ${ns}`,
    '',
    `${selector}: ${workloadsText(selected, analysis, 20)}`,
    '',
    'Each of them is isolated for the directions this policy lists, and may only do what the union of all policies selecting it allows.',
  ].join('\n');
}
