/**
 * `cluster-policy-peer-invalid`: a rule of a cluster-wide policy whose `from`/`to` is missing or
 * empty, a peer that does not set exactly one field (`namespaces`, `pods`, and for egress
 * `networks`, `nodes`, `domainNames`), a `pods` peer without its selectors, an empty `networks` or
 * `domainNames` list, or a domain name the CRD's pattern refuses. The API server rejects the
 * object (netpol-analyzer: "from field must be defined and contain at least one item", "exactly
 * one field must be set in a rule peer").
 */
import type { ClusterPolicyKind } from '../engine/clusterPolicyTypes';
import { getPair, isMap, isSeq, scalarString } from '../model/yamlTree';
import { aKind, clusterPeers, clusterPolicyObjects, clusterRules, crdRejects, present, type ClusterItem, type ClusterRuleNode } from './policy/clusterPolicyTree';
import { exactlyOne, podsSelectorsMissing } from './policy/clusterSelectors';
import type { Finding, Rule } from './types';

const CONSEQUENCE = 'so none of its rules take effect.';
/** The CRD's DomainName pattern: labels of letters, digits, `-` and `_`, an optional leading `*.`. */
const DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

export const clusterPolicyPeerInvalidRule: Rule = {
  id: 'cluster-policy-peer-invalid',
  scope: 'file',
  check({ file }) {
    const out: Finding[] = [];
    for (const policy of clusterPolicyObjects(file)) {
      for (const rule of clusterRules(policy)) out.push(...checkPeerList(rule));
      for (const peer of clusterPeers(policy)) out.push(...checkPeer(file.text, peer));
    }
    return out;
  },
};

function checkPeerList(rule: ClusterRuleNode): Finding[] {
  if (!rule.map) return [];
  const pair = getPair(rule.map, rule.peersKey);
  const node = present(pair?.value);
  const path = `${rule.path}.${rule.peersKey}`;
  if (node && (!isSeq(node) || node.items.length > 0)) return [];
  const at = pair?.key ?? rule.map.pairs[0]?.key;
  if (!at) return [];
  const detail = node ? `${path} in body should have at least 1 items` : '';
  return [
    {
      ruleId: 'cluster-policy-peer-invalid',
      message:
        `\`${rule.peersKey}\` must be defined and contain at least one peer: ${aKind(rule.policy.kind)} rule has no "every ${rule.direction === 'ingress' ? 'source' : 'destination'}" form ` +
        `(use \`namespaces: {}\` for all pods${rule.direction === 'egress' ? ', `networks: [0.0.0.0/0, ::/0]` for all addresses' : ''}). ` +
        `${crdRejects(rule.policy, path, node ? 'Invalid value' : 'Required value', node ? 0 : undefined, detail)}, ${CONSEQUENCE}`,
      start: at.start,
      end: at.end,
    },
  ];
}

function peerFields(kind: ClusterPolicyKind, direction: 'ingress' | 'egress'): string[] {
  if (direction === 'ingress') return ['namespaces', 'pods'];
  return kind === 'BaselineAdminNetworkPolicy' ? ['namespaces', 'pods', 'nodes', 'networks'] : ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'];
}

function checkPeer(text: string, peer: ClusterItem): Finding[] {
  const { policy } = peer.rule;
  const one = exactlyOne('cluster-policy-peer-invalid', policy, peer.node, peer.path, peerFields(policy.kind, peer.rule.direction), 'This peer', CONSEQUENCE);
  if (one) return [one];
  const out: Finding[] = [];
  const pods = getPair(peer.map, 'pods')?.value;
  if (isMap(pods)) out.push(...podsSelectorsMissing(text, 'cluster-policy-peer-invalid', policy, pods, `${peer.path}.pods`, CONSEQUENCE));
  for (const key of ['networks', 'domainNames'] as const) {
    const pair = getPair(peer.map, key);
    const list = present(pair?.value);
    if (pair && isSeq(list) && list.items.length === 0) {
      out.push({
        ruleId: 'cluster-policy-peer-invalid',
        message: `\`${key}: []\` lists nothing. ${crdRejects(policy, `${peer.path}.${key}`, 'Invalid value', 0, `${peer.path}.${key} in body should have at least 1 items`)}, ${CONSEQUENCE}`,
        start: pair.key.start,
        end: pair.key.end,
      });
    }
  }
  const domains = getPair(peer.map, 'domainNames')?.value;
  if (isSeq(domains)) {
    domains.items.forEach((item, i) => {
      const value = scalarString(item);
      if (value !== undefined && value.length > 0 && DOMAIN_NAME.test(value)) return;
      out.push({
        ruleId: 'cluster-policy-peer-invalid',
        message:
          `${JSON.stringify(value ?? item.type)} is not a domain name the CRD accepts: labels of letters, digits, \`-\` and \`_\`, at least two of them, ` +
          `and \`*.\` only as a prefix (\`*.example.com\`; no scheme, port or path). ${crdRejects(policy, `${peer.path}.domainNames[${i}]`, 'Invalid value', value ?? item.type, 'should match the DomainName pattern')}, ${CONSEQUENCE}`,
        start: item.start,
        end: Math.max(item.end, item.start + 1),
      });
    });
  }
  return out;
}
