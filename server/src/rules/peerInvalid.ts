import { getPair, isScalar, type YPair } from '../model/yamlTree';
import { apiServerRejects } from './policy/apiServerError';
import { networkPolicies, policyPeers } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { pairKey } from '../model/pairNode';

const PEER_KINDS = ['podSelector', 'namespaceSelector', 'ipBlock'] as const;

/**
 * `peer-invalid`: a `from`/`to` entry the API server rejects: one with no peer in it (`- {}`,
 * an empty item, or only misspelt fields), one with an ipBlock beside a selector, or one that is
 * not a map at all.
 */
export const peerInvalidRule: Rule = {
  id: 'peer-invalid',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { spec } of networkPolicies(file)) {
      for (const peer of policyPeers(spec)) {
        const { node, map } = peer;
        if (!map && !(isScalar(node) && node.value === null)) {
          findings.push({
            ruleId: 'peer-invalid',
            message: `A ${peer.rule.peersKey} entry must be a map with podSelector, namespaceSelector or ipBlock: the API server cannot decode the policy and rejects it.`,
            start: node.start,
            end: node.end,
          });
          continue;
        }
        const present = PEER_KINDS.map((k) => getPair(map, k)).filter((p): p is YPair => p !== undefined && !(isScalar(p.value) && p.value.value === null) && p.value !== undefined);
        if (present.length === 0) {
          const listKey = getPair(peer.rule.map, peer.rule.peersKey)?.key;
          const at = map && map.end > map.start ? map : listKey ?? node;
          findings.push({
            ruleId: 'peer-invalid',
            message:
              `This ${peer.rule.peersKey} entry names no peer (podSelector, namespaceSelector or ipBlock). ` +
              `${apiServerRejects(peer.path, 'Required value', undefined, 'must specify a peer')}. To allow every ${peer.rule.direction === 'ingress' ? 'source' : 'destination'}, leave out \`${peer.rule.peersKey}\` instead.`,
            start: at.start,
            end: Math.max(at.end, at.start + 1),
          });
          continue;
        }
        const ipBlock = present.find((p) => pairKey(p) === 'ipBlock');
        if (ipBlock && present.length > 1) {
          const others = present.filter((p) => p !== ipBlock).map(pairKey);
          findings.push({
            ruleId: 'peer-invalid',
            message:
              `ipBlock cannot be combined with ${others.join(' and ')} in one peer. ${apiServerRejects(peer.path, 'Forbidden', undefined, 'may not specify both ipBlock and another peer')}. ` +
              'Make them separate entries (either one then matches).',
            start: ipBlock.key.start,
            end: ipBlock.key.end,
          });
        }
      }
    }
    return findings;
  },
};
