import { getMap, getPair, isScalar, scalarString, type YNode } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { apiServerRejects } from './policy/apiServerError';
import { clusterPolicyObjects, clusterPorts } from './policy/clusterPolicyTree';
import { networkPolicies, policyPorts } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';
import { quoted } from '../text/displayText';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
const SUPPORTED = 'supported values: "SCTP", "TCP", "UDP"';

/**
 * `protocol-invalid`: a `ports[].protocol` other than `TCP`, `UDP` or `SCTP` (case matters). The API
 * server rejects the policy; a case variant (`tcp`) gets the upper-case fix. Also the `protocol` of
 * an AdminNetworkPolicy or BaselineAdminNetworkPolicy `portNumber`/`portRange`, which the CRD does
 * not check: the object is stored, and the port matches no traffic.
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
    for (const policy of clusterPolicyObjects(file)) {
      if (policy.kind === 'ClusterNetworkPolicy') continue; // v1alpha2 names the protocol by its key (tcp, udp, sctp)
      for (const item of clusterPorts(policy)) {
        for (const key of ['portNumber', 'portRange'] as const) {
          const node = getPair(getMap(item.map, key), 'protocol')?.value;
          const finding = node ? clusterFinding(node, `${item.path}.${key}.protocol`, policy.kind) : undefined;
          if (finding) findings.push(finding);
        }
      }
    }
    return findings;
  },
};

function clusterFinding(node: YNode, path: string, kind: string): Finding | undefined {
  if (isScalar(node) && node.value === null) return undefined;
  const value = scalarString(node);
  if (value !== undefined && (PROTOCOLS as readonly string[]).includes(value)) return undefined;
  const upper = PROTOCOLS.find((p) => p === value?.toUpperCase());
  const lead = upper ? `Protocol names are case-sensitive: write ${upper}, not ${value ?? ''}.` : `${JSON.stringify(value ?? node.type)} is not a protocol: ${path} takes TCP, UDP or SCTP.`;
  return {
    ruleId: 'protocol-invalid',
    message:
      `${lead} The ${kind} CRD does not check this field, so the API server stores the value as written, but no protocol is named that way: ` +
      `this port matches no traffic here (an implementation may ignore the port or reject the policy; netpol-analyzer rejects it).`,
    start: node.start,
    end: Math.max(node.end, node.start + 1),
    fixes: upper && isScalar(node) ? [{ title: `Change to ${upper}`, edits: [replaceScalar(node, upper)], preferred: true, safe: true }] : [],
  };
}
