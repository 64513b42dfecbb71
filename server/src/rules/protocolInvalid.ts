import { getPair, isScalar, scalarString } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { apiServerRejects } from './policy/apiServerError';
import { networkPolicies, policyPorts } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { quoted } from '../text/displayText';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const SUPPORTED = 'supported values: "SCTP", "TCP", "UDP"';

/**
 * `protocol-invalid`: a `ports[].protocol` other than `TCP`, `UDP` or `SCTP` (case matters). The API
 * server rejects the policy; a case variant (`tcp`) gets the upper-case fix.
 */
export const protocolInvalidRule: Rule = {
  id: 'protocol-invalid',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { spec } of networkPolicies(file)) {
      for (const port of policyPorts(spec)) {
        const node = getPair(port.map, 'protocol')?.value;
        if (!node || (isScalar(node) && node.value === null)) continue;
        const value = scalarString(node);
        if (value !== undefined && (PROTOCOLS as readonly string[]).includes(value)) continue;
        const path = `${port.path}.protocol`;
        const upper = PROTOCOLS.find((p) => p === value?.toUpperCase());
        const rejects = apiServerRejects(path, 'Unsupported value', value ?? '', SUPPORTED);
        let message: string;
        if (value === undefined) message = `protocol must be one of TCP, UDP or SCTP, not a ${node.type === 'map' ? 'map' : 'list'}. ${rejects}`;
        else if (upper) message = `Protocol names are case-sensitive: write ${upper}, not ${value}. ${rejects}`;
        else if (/^icmp(v6)?$/i.test(value)) message = `NetworkPolicy cannot match ICMP: ports only take TCP, UDP or SCTP (leave out \`ports\` to allow every protocol). ${rejects}`;
        else message = `${quoted(value)} is not a protocol NetworkPolicy supports. ${rejects}`;
        findings.push({
          ruleId: 'protocol-invalid',
          message,
          start: node.start,
          end: node.end,
          fixes: upper && isScalar(node) ? [{ title: `Change to ${upper}`, edits: [replaceScalar(node, upper)], preferred: true, safe: true }] : [],
        });
      }
    }
    return findings;
  },
};
