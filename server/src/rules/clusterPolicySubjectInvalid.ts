/**
 * `cluster-policy-subject-invalid`: `spec.subject` missing, or not setting exactly one of
 * `namespaces` and `pods`, or `pods` without its required selectors. The API server rejects the
 * object (netpol-analyzer: "exactly one field must be set in a subject").
 */
import { getPair, isMap } from '../model/yamlTree';
import { clusterPolicyObjects, crdRejects, present, type ClusterPolicyObject } from './policy/clusterPolicyTree';
import { exactlyOne, podsSelectorsMissing } from './policy/clusterSelectors';
import type { Finding, Rule } from './types';

const CONSEQUENCE = 'so none of its rules take effect.';

export const clusterPolicySubjectInvalidRule: Rule = {
  id: 'cluster-policy-subject-invalid',
  scope: 'file',
  check({ file }) {
    return clusterPolicyObjects(file).flatMap((policy) => check(file.text, policy));
  },
};

function check(text: string, policy: ClusterPolicyObject): Finding[] {
  if (!policy.spec) return [];
  const pair = getPair(policy.spec, 'subject');
  const node = present(pair?.value);
  if (!node) {
    const at = pair?.key ?? getPair(policy.root, 'spec')?.key;
    if (!at) return [];
    return [
      {
        ruleId: 'cluster-policy-subject-invalid',
        message: `This ${policy.kind} has no subject: it must say which pods it applies to (\`namespaces\` or \`pods\`). ${crdRejects(policy, 'spec.subject', 'Required value', undefined, '')}, ${CONSEQUENCE}`,
        start: at.start,
        end: at.end,
      },
    ];
  }
  const one = exactlyOne('cluster-policy-subject-invalid', policy, node, 'spec.subject', ['namespaces', 'pods'], 'The subject', CONSEQUENCE);
  if (one) return [one];
  const pods = getPair(isMap(node) ? node : undefined, 'pods')?.value;
  return isMap(pods) ? podsSelectorsMissing(text, 'cluster-policy-subject-invalid', policy, pods, 'spec.subject.pods', CONSEQUENCE) : [];
}
