/**
 * `cluster-policy-too-long`: a list or a rule name of a cluster-wide policy longer than its CRD
 * allows. AdminNetworkPolicy and BaselineAdminNetworkPolicy: 100 rules per direction, 100 peers
 * and 100 ports per rule; ClusterNetworkPolicy: 25 of each; all: 25 `networks` and 25
 * `domainNames` per peer, rule names of at most 100 characters. The API server rejects the object.
 */
import { getPair, isSeq, scalarString, type YPair } from '../model/yamlTree';
import { aKind, clusterPeers, clusterPolicyObjects, clusterRules, crdRejects, type ClusterPolicyObject } from './policy/clusterPolicyTree';
import type { Finding, Rule } from './types';

const CONSEQUENCE = 'so none of its rules take effect.';
const MAX_NAME = 100;
const MAX_ADDRESSES = 25;

export const clusterPolicyTooLongRule: Rule = {
  id: 'cluster-policy-too-long',
  scope: 'file',
  check({ file }) {
    return clusterPolicyObjects(file).flatMap((policy) => {
      const out: Finding[] = [];
      const max = policy.kind === 'ClusterNetworkPolicy' ? 25 : 100;
      for (const direction of ['ingress', 'egress'] as const) tooMany(policy, getPair(policy.spec, direction), `spec.${direction}`, max, out);
      for (const rule of clusterRules(policy)) {
        tooMany(policy, getPair(rule.map, rule.peersKey), `${rule.path}.${rule.peersKey}`, max, out);
        tooMany(policy, getPair(rule.map, rule.portsKey), `${rule.path}.${rule.portsKey}`, max, out);
        const name = getPair(rule.map, 'name')?.value;
        const text = scalarString(name);
        if (name && text !== undefined && text.length > MAX_NAME) {
          out.push({
            ruleId: 'cluster-policy-too-long',
            message: `This rule name has ${text.length} characters; at most ${MAX_NAME} are allowed. ${crdRejects(policy, `${rule.path}.name`, 'Too long', undefined, `may not be more than ${MAX_NAME} bytes`)}, ${CONSEQUENCE}`,
            start: name.start,
            end: name.end,
          });
        }
      }
      for (const peer of clusterPeers(policy)) {
        for (const key of ['networks', 'domainNames']) tooMany(policy, getPair(peer.map, key), `${peer.path}.${key}`, MAX_ADDRESSES, out);
      }
      return out;
    });
  },
};

function tooMany(policy: ClusterPolicyObject, pair: YPair | undefined, path: string, max: number, out: Finding[]): void {
  const list = pair?.value;
  if (!pair || !isSeq(list) || list.items.length <= max) return;
  const extra = list.items[max];
  out.push({
    ruleId: 'cluster-policy-too-long',
    message: `${path} has ${list.items.length} items; ${aKind(policy.kind)} allows at most ${max}. ${crdRejects(policy, path, 'Too many', list.items.length, `must have at most ${max} items`)}, ${CONSEQUENCE}`,
    start: pair.key.start,
    end: pair.key.end,
    ...(extra ? { related: [{ uri: policy.object.uri, start: extra.start, end: extra.end, message: `item ${max + 1}, the first one too many` }] } : {}),
  });
}

