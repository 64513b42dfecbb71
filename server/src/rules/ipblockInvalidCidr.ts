import { getPair, isMap, isScalar, isSeq } from '../model/yamlTree';
import { apiServerRejects } from './policy/apiServerError';
import { ipBlockCidr, ipBlockExcepts, type CidrValue } from './policy/ipBlockValues';
import { networkPolicies, policyIpBlocks, policyPeers } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { quoted } from '../text/displayText';

const CIDR_DETAIL = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/**
 * `ipblock-invalid-cidr`: an ipBlock `cidr` or `except` entry that is not a CIDR, a missing or
 * empty `cidr`, or an ipBlock/except of the wrong type. The API server rejects the whole policy.
 */
export const ipblockInvalidCidrRule: Rule = {
  id: 'ipblock-invalid-cidr',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    const report = (start: number, end: number, message: string): void => {
      findings.push({ ruleId: 'ipblock-invalid-cidr', message, start, end });
    };
    for (const { spec } of networkPolicies(file)) {
      for (const peer of policyPeers(spec)) {
        const pair = getPair(peer.map, 'ipBlock');
        const value = pair?.value;
        if (value && !isMap(value) && !(isScalar(value) && value.value === null)) {
          report(value.start, value.end, `ipBlock must be a map with \`cidr\` (and optionally \`except\`), not ${describe(value.type)}: the API server cannot decode the policy and rejects it.`);
        }
      }
      for (const block of policyIpBlocks(spec)) {
        const cidr = ipBlockCidr(block);
        if (!block.cidrPair) {
          report(block.pair.key.start, block.pair.key.end, `ipBlock has no \`cidr\`. ${apiServerRejects(`${block.path}.cidr`, 'Required value', undefined, 'cidr is required')}`);
        } else if (!cidr || cidr.text === '' || (cidr.scalar && cidr.text === undefined)) {
          const node = cidr && cidr.node.end > cidr.node.start ? cidr.node : block.cidrPair.key;
          report(node.start, node.end, `\`cidr\` is empty. ${apiServerRejects(`${block.path}.cidr`, 'Required value', undefined, 'cidr is required')}`);
        } else {
          checkValue(cidr, report);
        }
        const except = getPair(block.map, 'except')?.value;
        if (except && !isSeq(except) && !(isScalar(except) && except.value === null)) {
          report(except.start, except.end, `\`except\` must be a list of CIDRs, not ${describe(except.type)}: the API server cannot decode the policy and rejects it.`);
        }
        for (const entry of ipBlockExcepts(block)) checkValue(entry, report);
      }
    }
    return findings;
  },
};

function checkValue(value: CidrValue, report: (start: number, end: number, message: string) => void): void {
  const { node } = value;
  const what = value.exceptIndex === undefined ? '`cidr`' : 'This `except` entry';
  if (value.text === undefined) {
    report(node.start, Math.max(node.end, node.start + 1), `${what} must be a CIDR string, not ${describe(node.type, value.scalar?.value === null)}: the API server rejects the policy.`);
    return;
  }
  if (value.result && !value.result.ok) {
    report(node.start, node.end, `${quoted(value.text)} is not a valid CIDR (${value.result.reason}). ${apiServerRejects(value.path, 'Invalid value', value.text, CIDR_DETAIL)}`);
  }
}

function describe(type: string, isNull = false): string {
  if (isNull) return 'an empty value';
  switch (type) {
    case 'map':
      return 'a map';
    case 'seq':
      return 'a list';
    default:
      return 'a plain value';
  }
}
