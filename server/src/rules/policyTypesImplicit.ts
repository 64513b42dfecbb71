/**
 * `policy-types-implicit`: a NetworkPolicy without `policyTypes`. The API server defaults it to
 * `[Ingress]`, plus `Egress` only when `spec.egress` has a rule. Information by default; a warning
 * where the default surprises: `egress: []` (or an empty `egress:`) does not isolate egress, and
 * egress rules without an `ingress` key also isolate ingress with nothing allowed.
 * The fixes write the types out: the default (same meaning), or what was probably meant.
 */
import { getPair, isScalar, isSeq, type YNode } from '../model/yamlTree';
import { setPolicyTypesEdit, type PolicyType } from './edit/policyTypesEdits';
import { networkPolicies } from './policy/networkPolicyTree';
import type { Finding, FixData, Rule } from './types';

export const policyTypesImplicitRule: Rule = {
  id: 'policy-types-implicit',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { root, spec } of networkPolicies(file)) {
      const specPair = getPair(root, 'spec');
      if (!spec || !specPair) continue;
      const typesPair = getPair(spec, 'policyTypes');
      if (typesPair && !isEmpty(typesPair.value)) continue;
      const egressPair = getPair(spec, 'egress');
      const ingressPair = getPair(spec, 'ingress');
      const egressRules = isSeq(egressPair?.value) ? egressPair.value.items.length : 0;
      const defaults: PolicyType[] = egressRules > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
      const fix = (types: readonly PolicyType[], title: string, extra: Partial<FixData>): FixData[] => {
        const edit = setPolicyTypesEdit(file.text, root, spec, types);
        return edit ? [{ title, edits: [edit], ...extra }] : [];
      };
      const keep = `Add policyTypes: [${defaults.join(', ')}] (what Kubernetes defaults to)`;
      const where = typesPair?.key ?? specPair.key;
      if (egressPair && egressRules === 0 && isEmpty(egressPair.value)) {
        findings.push({
          ruleId: 'policy-types-implicit',
          message:
            'egress is empty but policyTypes is omitted, so Kubernetes defaults policyTypes to [Ingress] (Egress only when spec.egress has a rule): ' +
            'this policy does NOT isolate egress, and the selected pods can still send traffic anywhere.',
          start: egressPair.key.start,
          end: egressPair.key.end,
          severity: 'warning',
          fixes: [
            ...fix(['Ingress', 'Egress'], 'Add policyTypes: [Ingress, Egress] (deny all egress too)', { preferred: true }),
            ...fix(defaults, keep, {}),
          ],
        });
      } else if (egressRules > 0 && !ingressPair) {
        findings.push({
          ruleId: 'policy-types-implicit',
          message:
            'This policy has only egress rules but policyTypes is omitted, so Kubernetes defaults it to [Ingress, Egress]: ' +
            'ingress to the selected pods is isolated too, with no ingress rule — all their incoming traffic is denied.',
          start: where.start,
          end: where.end,
          severity: 'warning',
          fixes: [...fix(['Egress'], 'Add policyTypes: [Egress] (isolate egress only)', { preferred: true }), ...fix(defaults, keep, {})],
        });
      } else {
        findings.push({
          ruleId: 'policy-types-implicit',
          message:
            `policyTypes is omitted: Kubernetes defaults it to [${defaults.join(', ')}]` +
            (egressRules > 0 ? ' (because spec.egress has rules).' : ', so the selected pods are isolated for ingress only and their egress stays open.'),
          start: where.start,
          end: where.end,
          fixes: fix(defaults, keep, { preferred: true, safe: true }),
        });
      }
    }
    return findings;
  },
};

function isEmpty(node: YNode | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null) || (isSeq(node) && node.items.length === 0);
}

