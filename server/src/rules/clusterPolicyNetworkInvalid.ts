/**
 * `cluster-policy-network-invalid`: a `networks` entry of a cluster-wide policy that the CRD's
 * `isCIDR` rule refuses (not a CIDR, leading zeros, not a string), longer than 43 characters, or
 * listed twice in one peer (`networks` is a set). The API server rejects the object
 * (netpol-analyzer: "invalid CIDR address").
 */
import { parseCidr } from '../engine/cidr';
import { scalarString } from '../model/yamlTree';
import { clusterNetworks, clusterPolicyObjects, crdRejects, type ClusterPolicyObject, type NetworkEntry } from './policy/clusterPolicyTree';
import type { Finding, Rule } from './types';

const CONSEQUENCE = 'so none of its rules take effect.';
const MAX_LENGTH = 43;

export const clusterPolicyNetworkInvalidRule: Rule = {
  id: 'cluster-policy-network-invalid',
  scope: 'file',
  check({ file }) {
    return clusterPolicyObjects(file).flatMap((policy) => {
      const out: Finding[] = [];
      const seen = new Map<string, NetworkEntry>();
      for (const entry of clusterNetworks(policy)) {
        const problem = check(policy, entry);
        if (problem) {
          out.push(problem);
          continue;
        }
        const text = scalarString(entry.node) ?? '';
        const key = `${entry.peer.path}|${text}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, entry);
          continue;
        }
        out.push({
          ruleId: 'cluster-policy-network-invalid',
          message: `${text} is listed twice in this peer's networks, which is a set. ${crdRejects(policy, entry.path, 'Duplicate value', text, '')}, ${CONSEQUENCE}`,
          start: entry.node.start,
          end: entry.node.end,
          related: [{ uri: policy.object.uri, start: first.node.start, end: first.node.end, message: `first listed here (${first.path})` }],
        });
      }
      return out;
    });
  },
};

function check(policy: ClusterPolicyObject, entry: NetworkEntry): Finding | undefined {
  const text = scalarString(entry.node);
  const at = { start: entry.node.start, end: Math.max(entry.node.end, entry.node.start + 1) };
  const rejects = (detail: string): string => crdRejects(policy, entry.path, 'Invalid value', 'string', detail);
  if (text === undefined) {
    return { ruleId: 'cluster-policy-network-invalid', message: `A networks entry must be a CIDR string such as 10.0.0.0/8 or fd00::/8. ${rejects('Invalid CIDR format provided')}, ${CONSEQUENCE}`, ...at };
  }
  if (text.length > MAX_LENGTH) {
    return { ruleId: 'cluster-policy-network-invalid', message: `${text.slice(0, 20)}… is ${text.length} characters long; a CIDR has at most ${MAX_LENGTH}. ${crdRejects(policy, entry.path, 'Too long', undefined, `may not be more than ${MAX_LENGTH} bytes`)}, ${CONSEQUENCE}`, ...at };
  }
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    return { ruleId: 'cluster-policy-network-invalid', message: `${JSON.stringify(text)} is not a CIDR (${parsed.reason}). ${rejects('Invalid CIDR format provided')}, ${CONSEQUENCE}`, ...at };
  }
  if (parsed.cidr.nonStandard.includes('leading-zeros')) {
    return {
      ruleId: 'cluster-policy-network-invalid',
      message: `${JSON.stringify(text)} has leading zeros, which the CRD's isCIDR check refuses (write ${parsed.cidr.canonical}). ${rejects('Invalid CIDR format provided')}, ${CONSEQUENCE}`,
      ...at,
    };
  }
  return undefined;
}
