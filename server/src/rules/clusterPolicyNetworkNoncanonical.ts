/**
 * `cluster-policy-network-noncanonical`: a `networks` CIDR with host bits set (`10.0.0.5/8`). The
 * CRD accepts it and the block is the network (`10.0.0.0/8`), so a single host was probably meant
 * or the whole network was written ambiguously. Fixes: the network (same meaning, safe), or the
 * single address.
 */
import { parseCidr } from '../engine/cidr';
import { isScalar, scalarString } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { clusterNetworks, clusterPolicyObjects } from './policy/clusterPolicyTree';
import type { Finding, Rule } from './types';

export const clusterPolicyNetworkNoncanonicalRule: Rule = {
  id: 'cluster-policy-network-noncanonical',
  scope: 'file',
  check({ file }) {
    const out: Finding[] = [];
    for (const policy of clusterPolicyObjects(file)) {
      for (const entry of clusterNetworks(policy)) {
        const text = scalarString(entry.node);
        const parsed = text === undefined ? undefined : parseCidr(text);
        if (!parsed?.ok || !parsed.cidr.hostBitsSet || parsed.cidr.nonStandard.includes('leading-zeros') || !isScalar(entry.node)) continue;
        const { cidr } = parsed;
        const hostBits = cidr.bits - cidr.prefix;
        const size = hostBits <= 16 ? `${2 ** hostBits} addresses` : `2^${hostBits} addresses`;
        out.push({
          ruleId: 'cluster-policy-network-noncanonical',
          message:
            `${JSON.stringify(cidr.text)} has host bits set: the block is the network ${cidr.canonical} (${size}), not the single address ${cidr.hostCidr}. ` +
            `The CRD accepts it as written; say which one is meant.`,
          start: entry.node.start,
          end: entry.node.end,
          fixes: [
            { title: `Use the network ${cidr.canonical}`, edits: [replaceScalar(entry.node, cidr.canonical)], preferred: true, safe: true },
            { title: `Use the single address ${cidr.hostCidr} (if a host was meant)`, edits: [replaceScalar(entry.node, cidr.hostCidr)] },
          ],
        });
      }
    }
    return out;
  },
};
