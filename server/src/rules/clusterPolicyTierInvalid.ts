/**
 * `cluster-policy-tier-invalid`: a ClusterNetworkPolicy whose `spec.tier` is missing or not
 * `Admin` or `Baseline` (case matters). The API server rejects it. Fix: the value in the right
 * case (`admin` → `Admin`).
 */
import { getPair, isScalar, scalarString } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { clusterPolicyObjects, crdRejects, present, type ClusterPolicyObject } from './policy/clusterPolicyTree';
import type { Finding, Rule } from './types';

const TIERS = ['Admin', 'Baseline'] as const;
const SUPPORTED = 'supported values: "Admin", "Baseline"';

export const clusterPolicyTierInvalidRule: Rule = {
  id: 'cluster-policy-tier-invalid',
  scope: 'file',
  check({ file }) {
    return clusterPolicyObjects(file).flatMap(check);
  },
};

function check(policy: ClusterPolicyObject): Finding[] {
  if (policy.kind !== 'ClusterNetworkPolicy' || !policy.spec) return [];
  const pair = getPair(policy.spec, 'tier');
  const node = present(pair?.value);
  const why =
    'Admin tier policies are evaluated before NetworkPolicy and Baseline tier policies after it, for pods no NetworkPolicy isolates.';
  if (!node) {
    const at = pair?.key ?? getPair(policy.root, 'spec')?.key;
    if (!at) return [];
    return [
      {
        ruleId: 'cluster-policy-tier-invalid',
        message: `This ClusterNetworkPolicy has no tier (Admin or Baseline). ${why} ${crdRejects(policy, 'spec.tier', 'Required value', undefined, SUPPORTED)}.`,
        start: at.start,
        end: at.end,
      },
    ];
  }
  const value = scalarString(node);
  if (value === 'Admin' || value === 'Baseline') return [];
  const meant = TIERS.find((t) => t.toLowerCase() === value?.toLowerCase());
  const lead = meant ? `Tiers are case-sensitive: write ${meant}, not ${value ?? ''}.` : `${JSON.stringify(value ?? node.type)} is not a tier: ${why}`;
  return [
    {
      ruleId: 'cluster-policy-tier-invalid',
      message: `${lead} ${crdRejects(policy, 'spec.tier', 'Unsupported value', value ?? node.type, SUPPORTED)}.`,
      start: node.start,
      end: Math.max(node.end, node.start + 1),
      fixes: meant && isScalar(node) ? [{ title: `Change to ${meant}`, edits: [replaceScalar(node, meant)], preferred: true, safe: true }] : [],
    },
  ];
}
