import { cidrContains, type Cidr } from '../engine/cidr';
import { apiServerRejects } from './policy/apiServerError';
import { parsedIpBlocks, removeExceptFix } from './policy/exceptEntries';
import type { Finding, Rule } from './types';

/**
 * `ipblock-except-outside-cidr`: an except entry not inside the ipBlock's cidr (partly or wholly
 * outside, larger than it, or of the other IP family). The API server rejects the policy.
 */
export const ipblockExceptOutsideCidrRule: Rule = {
  id: 'ipblock-except-outside-cidr',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { block, cidr, entries } of parsedIpBlocks(file)) {
      for (const entry of entries) {
        const { except, value } = entry;
        if (cidrContains(cidr, except)) continue;
        findings.push({
          ruleId: 'ipblock-except-outside-cidr',
          message: `except ${except.canonical} ${whyOutside(cidr, except)}. ${apiServerRejects(value.path, 'Invalid value', value.text, 'must be a strict subset of `cidr`')}`,
          start: value.node.start,
          end: value.node.end,
          fixes: removeExceptFix(file.text, block, entry, `Remove the except entry ${value.text ?? ''}`, false),
        });
      }
    }
    return findings;
  },
};

function whyOutside(cidr: Cidr, except: Cidr): string {
  const family = (c: Cidr): string => (c.family === 'ipv4' ? 'IPv4' : 'IPv6');
  if (except.family !== cidr.family) return `is ${family(except)} and the cidr ${cidr.canonical} is ${family(cidr)}`;
  if (cidrContains(except, cidr)) return `is larger than the cidr ${cidr.canonical}`;
  return `is not inside the cidr ${cidr.canonical}`;
}
