/**
 * `policy-types-mismatch`: rules for a direction that `policyTypes` does not list. The API server
 * accepts them and Kubernetes ignores them: the direction is not isolated by this policy and the
 * rules allow nothing. The fix adds the direction to `policyTypes`.
 */
import { getPair, isSeq, scalarString } from '../model/yamlTree';
import { addPolicyTypeEdit } from './edit/policyTypesEdits';
import { networkPolicies } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { listText, shown } from '../text/displayText';

export const policyTypesMismatchRule: Rule = {
  id: 'policy-types-mismatch',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { root, spec } of networkPolicies(file)) {
      const types = getPair(spec, 'policyTypes')?.value;
      if (!spec || !isSeq(types) || types.items.length === 0) continue;
      const values = types.items.map(scalarString);
      // A list the API server rejects is policy-types-invalid's to report.
      if (values.some((v) => v !== 'Ingress' && v !== 'Egress')) continue;
      for (const [direction, type] of [['ingress', 'Ingress'], ['egress', 'Egress']] as const) {
        const pair = getPair(spec, direction);
        if (!pair || !isSeq(pair.value) || pair.value.items.length === 0 || values.includes(type)) continue;
        const listed = listText(values.map((v) => shown(v ?? '')));
        const edit = addPolicyTypeEdit(file.text, root, spec, type);
        findings.push({
          ruleId: 'policy-types-mismatch',
          message:
            `policyTypes lists only ${listed}: these ${direction} rules are ignored. Kubernetes accepts them silently, ` +
            `but this policy neither isolates ${direction} nor allows anything with them.`,
          start: pair.key.start,
          end: pair.key.end,
          fixes: edit ? [{ title: `Add ${type} to policyTypes (the ${direction} rules take effect and ${direction} becomes isolated)`, edits: [edit], preferred: true }] : [],
        });
      }
    }
    return findings;
  },
};
