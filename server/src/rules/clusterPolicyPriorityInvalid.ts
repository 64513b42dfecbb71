/**
 * `cluster-policy-priority-invalid`: an AdminNetworkPolicy or ClusterNetworkPolicy whose
 * `spec.priority` is missing, not a whole number, or outside 0–1000 (the CRD's minimum and
 * maximum). The API server rejects the object. No fix: which priority was meant is not knowable.
 */
import { getPair, isScalar } from '../model/yamlTree';
import { clusterPolicyObjects, crdRejects, present, type ClusterPolicyObject } from './policy/clusterPolicyTree';
import type { Finding, Rule } from './types';

export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 1000;

export const clusterPolicyPriorityInvalidRule: Rule = {
  id: 'cluster-policy-priority-invalid',
  scope: 'file',
  check({ file }) {
    return clusterPolicyObjects(file).flatMap(check);
  },
};

function check(policy: ClusterPolicyObject): Finding[] {
  // A baseline has no priority (an unknown field there is unknown-field's to report).
  if (policy.kind === 'BaselineAdminNetworkPolicy' || !policy.spec) return [];
  const pair = getPair(policy.spec, 'priority');
  const node = present(pair?.value);
  const consequence = 'so none of its rules take effect.';
  const finding = (start: number, end: number, message: string): Finding[] => [{ ruleId: 'cluster-policy-priority-invalid', message, start, end }];
  if (!node) {
    const at = pair?.key ?? getPair(policy.root, 'spec')?.key;
    if (!at) return [];
    return finding(at.start, at.end, `This ${policy.kind} has no priority (0–1000, lower numbers evaluated first). ${crdRejects(policy, 'spec.priority', 'Required value', undefined, '')}, ${consequence}`);
  }
  if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
    const shown = isScalar(node) ? node.source : node.type;
    return finding(node.start, Math.max(node.end, node.start + 1), `priority must be a whole number from 0 to 1000, not ${JSON.stringify(shown)}. ${crdRejects(policy, 'spec.priority', 'Invalid value', shown, 'spec.priority in body must be of type integer')}, ${consequence}`);
  }
  const value = node.value;
  if (value >= MIN_PRIORITY && value <= MAX_PRIORITY) return [];
  const bound = value > MAX_PRIORITY ? `should be less than or equal to ${MAX_PRIORITY}` : `should be greater than or equal to ${MIN_PRIORITY}`;
  return finding(
    node.start,
    node.end,
    `Priority ${value} is outside 0–1000 (lower numbers are evaluated first). ${crdRejects(policy, 'spec.priority', 'Invalid value', value, `spec.priority in body ${bound}`)}, ${consequence}`,
  );
}
