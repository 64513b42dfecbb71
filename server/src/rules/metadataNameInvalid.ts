/**
 * `metadata-name-invalid`: a NetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy or
 * ClusterNetworkPolicy whose `metadata.name` is missing or not a DNS-1123 subdomain (lower-case
 * alphanumerics, `-` and `.`, starting and ending alphanumeric, at most 253 characters), or a
 * BaselineAdminNetworkPolicy not named `default` (its CRD's CEL rule: one per cluster). The API
 * server rejects it. The fix offers a valid name derived from the written one (`default` for a
 * baseline).
 */
import { getMap, getPair, isScalar, scalarString } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { apiServerRejects } from './policy/apiServerError';
import { clusterPolicyObjects } from './policy/clusterPolicyTree';
import { networkPolicies } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { shown } from '../text/displayText';
import { quoteScalarFix } from './edit/quoteScalar';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DETAIL =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
}

/** The nearest valid name: lower case, other characters as `-`, trimmed to alphanumerics at both ends. */
export function toDns1123Subdomain(name: string): string | undefined {
  const out = name
    .toLowerCase()
    .replace(/[^-a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-*\.-*/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 253)
    .replace(/[-.]+$/, '');
  return isDns1123Subdomain(out) ? out : undefined;
}

export const metadataNameInvalidRule: Rule = {
  id: 'metadata-name-invalid',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    const objects = [...networkPolicies(file).map((p) => ({ ...p, kind: 'NetworkPolicy' })), ...clusterPolicyObjects(file)];
    for (const { object, root, kind } of objects) {
      const metadataPair = getPair(root, 'metadata');
      const metadata = getMap(root, 'metadata');
      const namePair = getPair(metadata, 'name');
      const name = namePair?.value;
      const generated = scalarString(getPair(metadata, 'generateName')?.value);
      if (!name || (isScalar(name) && name.value === null)) {
        if (generated !== undefined) continue;
        const at = namePair?.key ?? metadataPair?.key ?? object.kindNode;
        if (!at) continue;
        findings.push({
          ruleId: 'metadata-name-invalid',
          message: `This ${kind} has no name. ${apiServerRejects('metadata.name', 'Required value', undefined, 'name or generateName is required')}.`,
          start: at.start,
          end: at.end,
        });
        continue;
      }
      if (isScalar(name) && typeof name.value !== 'string') {
        // `name: 12345` is a number: kubectl reads no name from it, and the API server cannot decode it.
        findings.push({
          ruleId: 'metadata-name-invalid',
          message: `metadata.name must be a string: ${shown(name.source)} is read as a ${typeof name.value}, so kubectl and the API server cannot read the name and reject the policy. Quote it.`,
          start: name.start,
          end: Math.max(name.end, name.start + 1),
          fixes: quoteScalarFix(name),
        });
        continue;
      }
      const value = scalarString(name);
      if (kind === 'BaselineAdminNetworkPolicy' && value !== 'default') {
        findings.push({
          ruleId: 'metadata-name-invalid',
          message:
            `A BaselineAdminNetworkPolicy must be named \`default\`: there is one per cluster. The API server rejects this one: ` +
            `Invalid value: "object": Only one baseline admin network policy with metadata.name="default" can be created in the cluster.`,
          start: name.start,
          end: name.end,
          fixes: isScalar(name) ? [{ title: 'Rename to default', edits: [replaceScalar(name, 'default')], preferred: true }] : [],
        });
        continue;
      }
      if (value !== undefined && isDns1123Subdomain(value)) continue;
      const suggestion = value === undefined ? undefined : toDns1123Subdomain(value);
      findings.push({
        ruleId: 'metadata-name-invalid',
        message:
          value === undefined ? `metadata.name must be a string: the API server cannot decode the ${kind} and rejects it.`
          : value.length > 253 ? `${apiServerRejects('metadata.name', 'Invalid value', value.slice(0, 40) + '…', 'must be no more than 253 characters')}.`
          : `${apiServerRejects('metadata.name', 'Invalid value', value, DETAIL)}.`,
        start: name.start,
        end: name.end,
        fixes: suggestion && isScalar(name) ? [{ title: `Rename to ${suggestion}`, edits: [replaceScalar(name, suggestion)], preferred: true }] : [],
      });
    }
    return findings;
  },
};
