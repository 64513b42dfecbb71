/**
 * `cluster-policy-action-invalid`: a rule of an AdminNetworkPolicy, BaselineAdminNetworkPolicy or
 * ClusterNetworkPolicy whose `action` is missing or outside the kind's enum (case matters):
 * Allow/Deny/Pass, Allow/Deny (the baseline has nothing below it to pass to), Accept/Deny/Pass.
 * The API server rejects the whole object. Fix: the value meant, when it is knowable (`Alow`,
 * `allow`, v1alpha2's `Accept` in a v1alpha1 policy and back).
 */
import type { ClusterPolicyKind } from '../engine/clusterPolicyTypes';
import { getPair, isScalar, scalarString } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { aKind, clusterPolicyObjects, clusterRules, crdRejects, present, type ClusterRuleNode } from './policy/clusterPolicyTree';
import type { Finding, Rule } from './types';
import { nearestName } from './policy/nameDistance';

const ACTIONS: Readonly<Record<ClusterPolicyKind, readonly string[]>> = {
  AdminNetworkPolicy: ['Allow', 'Deny', 'Pass'],
  BaselineAdminNetworkPolicy: ['Allow', 'Deny'],
  ClusterNetworkPolicy: ['Accept', 'Deny', 'Pass'],
};

export const clusterPolicyActionInvalidRule: Rule = {
  id: 'cluster-policy-action-invalid',
  scope: 'file',
  check({ file }) {
    const out: Finding[] = [];
    for (const policy of clusterPolicyObjects(file)) for (const rule of clusterRules(policy)) out.push(...checkRule(rule));
    return out;
  },
};

function checkRule(rule: ClusterRuleNode): Finding[] {
  if (!rule.map) return [];
  const { policy } = rule;
  const allowed = ACTIONS[policy.kind];
  const supported = `supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
  const path = `${rule.path}.action`;
  const pair = getPair(rule.map, 'action');
  const node = present(pair?.value);
  const consequence = 'so none of its rules take effect.';
  if (!node) {
    // Under the key when written (`action:` with no value), else the rule's first key.
    const at = pair?.key ?? rule.map.pairs[0]?.key;
    if (!at) return [];
    return [
      {
        ruleId: 'cluster-policy-action-invalid',
        message: `This rule has no action (${allowed.join(', ')}). ${crdRejects(policy, path, 'Required value', undefined, supported)}, ${consequence}`,
        start: at.start,
        end: at.end,
      },
    ];
  }
  const value = scalarString(node);
  if (value !== undefined && allowed.includes(value)) return [];
  const meant = value === undefined ? undefined : intended(policy.kind, value, allowed);
  let why: string;
  if (value === 'Pass' && policy.kind === 'BaselineAdminNetworkPolicy') {
    why = 'A BaselineAdminNetworkPolicy rule cannot Pass: nothing comes after the baseline but the default (allow). Leave the rule out to fall through to the default, or Allow/Deny.';
  } else if (meant === 'Allow' && value === 'Accept') why = '`Accept` is the ClusterNetworkPolicy (v1alpha2) word; v1alpha1 policies say `Allow`.';
  else if (meant === 'Accept' && value === 'Allow') why = 'ClusterNetworkPolicy (v1alpha2) says `Accept` where AdminNetworkPolicy said `Allow`.';
  else if (meant && meant.toLowerCase() === value?.toLowerCase()) why = `Actions are case-sensitive: write ${meant}, not ${value}.`;
  else if (meant) why = `${JSON.stringify(value ?? '')} is not an action: did you mean ${meant}?`;
  else why = `${value === undefined ? 'The action must be a string' : `${JSON.stringify(value)} is not an action`}: ${aKind(policy.kind)} rule takes ${allowed.join(', ')}.`;
  return [
    {
      ruleId: 'cluster-policy-action-invalid',
      message: `${why} ${crdRejects(policy, path, 'Unsupported value', value ?? node.type, supported)}, ${consequence}`,
      start: node.start,
      end: Math.max(node.end, node.start + 1),
      fixes: meant && isScalar(node) ? [{ title: `Change to ${meant}`, edits: [replaceScalar(node, meant)], preferred: true, safe: true }] : [],
    },
  ];
}

/** The enum value a typo or the other version's word stands for; undefined when not knowable. */
function intended(kind: ClusterPolicyKind, value: string, allowed: readonly string[]): string | undefined {
  if (kind === 'ClusterNetworkPolicy' && /^allow$/i.test(value)) return 'Accept';
  if (kind !== 'ClusterNetworkPolicy' && /^accept$/i.test(value)) return 'Allow';
  if (kind === 'BaselineAdminNetworkPolicy' && /^pass$/i.test(value)) return undefined;
  return nearestName(value, allowed);
}
