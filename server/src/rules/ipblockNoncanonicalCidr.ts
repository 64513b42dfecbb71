import type { Cidr } from '../engine/cidr';
import { replaceScalar } from './edit/replaceScalar';
import { ipBlockCidr, ipBlockExcepts, validCidr, type CidrValue } from './policy/ipBlockValues';
import { fileIpBlocks } from './policy/networkPolicyTree';
import type { FixData, Finding, Rule } from './types';
import { quoted } from '../text/displayText';

/**
 * `ipblock-noncanonical-cidr`: a CIDR the API server accepts but warns about (since 1.33): host
 * bits set (it uses the network and drops the host bits), leading zeros or an IPv4-mapped IPv6
 * address (to become invalid), IPv6 not in RFC 5952 form.
 */
export const ipblockNoncanonicalCidrRule: Rule = {
  id: 'ipblock-noncanonical-cidr',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const block of fileIpBlocks(file)) {
      for (const value of [ipBlockCidr(block), ...ipBlockExcepts(block)]) {
        const cidr = validCidr(value);
        if (!value || !cidr || (!cidr.hostBitsSet && cidr.nonStandard.length === 0)) continue;
        findings.push({
          ruleId: 'ipblock-noncanonical-cidr',
          message: messageFor(value, cidr),
          start: value.node.start,
          end: value.node.end,
          fixes: fixesFor(value, cidr),
        });
      }
    }
    return findings;
  },
};

function messageFor(value: CidrValue, cidr: Cidr): string {
  const written = quoted(cidr.text);
  const parts: string[] = [];
  if (cidr.hostBitsSet) {
    parts.push(
      `${written} has host bits set: the API server ignores them and uses the network ${cidr.canonical}, ` +
        `so this matches ${blockSize(cidr)}, not the single address ${cidr.hostCidr}. ` +
        `Since Kubernetes 1.33 it warns: ${value.path}: CIDR value ${written} is ambiguous in this context (should be "${cidr.canonical}" or "${cidr.hostCidr}"?)`,
    );
  }
  if (cidr.nonStandard.includes('leading-zeros') || cidr.nonStandard.includes('ipv4-mapped')) {
    const why = cidr.nonStandard.includes('ipv4-mapped') ? 'an IPv4-mapped IPv6 address' : 'leading zeros';
    parts.push(
      `${written} is written with ${why}; the API server warns: non-standard CIDR value ${written} will be considered invalid in a future Kubernetes release: use "${cidr.canonical}"`,
    );
  }
  if (cidr.nonStandard.includes('not-rfc5952')) {
    parts.push(`${written} is not in RFC 5952 canonical form; the API server warns that it should be in RFC 5952 canonical format ("${cidr.canonical}")`);
  }
  return `${parts.join('. ')}.`;
}

function blockSize(cidr: Cidr): string {
  const hostBits = cidr.bits - cidr.prefix;
  return hostBits <= 16 ? `${2 ** hostBits} addresses` : `2^${hostBits} addresses`;
}

function fixesFor(value: CidrValue, cidr: Cidr): FixData[] {
  const scalar = value.scalar;
  if (!scalar) return [];
  const fixes: FixData[] = [
    // The API server already reads the value as this network: the fix changes no meaning.
    { title: `Use the network ${cidr.canonical}`, edits: [replaceScalar(scalar, cidr.canonical)], preferred: true, safe: true },
  ];
  if (cidr.hostBitsSet) {
    fixes.push({ title: `Use the single address ${cidr.hostCidr} (if a host was meant)`, edits: [replaceScalar(scalar, cidr.hostCidr)] });
  }
  return fixes;
}
