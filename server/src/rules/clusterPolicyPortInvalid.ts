/**
 * `cluster-policy-port-invalid`: a port entry of a cluster-wide policy the CRD rejects or that
 * matches no port:
 * - v1alpha1 `ports` (AdminNetworkPolicy, BaselineAdminNetworkPolicy): an entry that does not set
 *   exactly one of `portNumber`, `namedPort`, `portRange`; a port outside 1–65535 or missing; a
 *   `portRange` whose `start` is above its `end` (the CRD does not check that, but the range holds
 *   no port: netpol-analyzer rejects it);
 * - v1alpha2 `protocols` (ClusterNetworkPolicy): an entry that does not set exactly one of `tcp`,
 *   `udp`, `sctp`, `destinationNamedPort`; a protocol without `destinationPort`; a destination port
 *   that does not set exactly one of `number`, `range`; a `range` whose `start` is not below its
 *   `end` (a CEL rule);
 * - an empty list (`ports: []`: at least one item), and a named port in an egress rule with a
 *   `networks`, `nodes` or `domainNames` peer (a CEL rule: addresses have no named ports).
 * Protocol names are protocol-invalid's.
 */
import { get, getPair, isMap, isScalar, isSeq, type YMap, type YNode } from '../model/yamlTree';
import { clusterPolicyObjects, clusterPorts, clusterRules, crdRejects, present, type ClusterItem, type ClusterPolicyObject, type ClusterRuleNode } from './policy/clusterPolicyTree';
import { exactlyOne } from './policy/clusterSelectors';
import type { Finding, Rule } from './types';

const CONSEQUENCE = 'so none of its rules take effect.';

export const clusterPolicyPortInvalidRule: Rule = {
  id: 'cluster-policy-port-invalid',
  scope: 'file',
  check({ file }) {
    const out: Finding[] = [];
    for (const policy of clusterPolicyObjects(file)) {
      for (const rule of clusterRules(policy)) out.push(...checkList(rule));
      for (const item of clusterPorts(policy)) out.push(...(policy.kind === 'ClusterNetworkPolicy' ? checkProtocol(item) : checkPort(item)));
    }
    return out;
  },
};

function finding(node: YNode, message: string): Finding {
  return { ruleId: 'cluster-policy-port-invalid', message, start: node.start, end: Math.max(node.end, node.start + 1) };
}

/** `ports: []`, and a named port beside address peers. */
function checkList(rule: ClusterRuleNode): Finding[] {
  const pair = getPair(rule.map, rule.portsKey);
  if (!pair || !rule.ports) return [];
  const path = `${rule.path}.${rule.portsKey}`;
  if (rule.ports.items.length === 0) {
    return [
      finding(
        pair.key,
        `\`${rule.portsKey}: []\` lists no port; leave \`${rule.portsKey}\` out to match every port. ${crdRejects(rule.policy, path, 'Invalid value', 0, `${path} in body should have at least 1 items`)}, ${CONSEQUENCE}`,
      ),
    ];
  }
  if (rule.direction !== 'egress') return [];
  const addressPeer = (rule.peers?.items ?? []).map((p) => (isMap(p) ? p : undefined)).find((p) => ['networks', 'nodes', 'domainNames'].some((k) => present(get(p, k))));
  if (!addressPeer) return [];
  const namedKey = rule.policy.kind === 'ClusterNetworkPolicy' ? 'destinationNamedPort' : 'namedPort';
  const out: Finding[] = [];
  for (const item of rule.ports.items) {
    const named = getPair(isMap(item) ? item : undefined, namedKey);
    if (!named) continue;
    out.push(
      finding(
        named.key,
        `A named port cannot apply to \`networks\`, \`nodes\` or \`domainNames\` peers: addresses have no container ports to look the name up in. ` +
          `Use the port number, or move the pod peers and the named port into a rule of their own. ` +
          `${crdRejects(rule.policy, rule.path, 'Invalid value', 'object', 'networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames')} ` +
          `(the experimental channel's CEL rule; netpol-analyzer skips the named port for addresses).`,
      ),
    );
  }
  return out;
}

function checkPort(item: ClusterItem): Finding[] {
  const { policy } = item.rule;
  const one = exactlyOne('cluster-policy-port-invalid', policy, item.node, item.path, ['portNumber', 'namedPort', 'portRange'], 'This ports entry', CONSEQUENCE);
  if (one) return [one];
  const number = getPair(item.map, 'portNumber');
  if (number?.value) return isMap(number.value) ? portNumbers(policy, number.value, `${item.path}.portNumber`, ['port']) : [notAMap(policy, number.value, `${item.path}.portNumber`)];
  const range = getPair(item.map, 'portRange');
  if (!range?.value) return [];
  if (!isMap(range.value)) return [notAMap(policy, range.value, `${item.path}.portRange`)];
  const out = portNumbers(policy, range.value, `${item.path}.portRange`, ['start', 'end']);
  if (out.length > 0) return out;
  const start = get(range.value, 'start');
  const end = get(range.value, 'end');
  if (isScalar(start) && isScalar(end) && typeof start.value === 'number' && typeof end.value === 'number' && start.value > end.value) {
    out.push(
      finding(
        start,
        `This range starts at ${start.value} and ends at ${end.value}: it holds no port, so the rule matches nothing on it. Swap start and end. ` +
          `(The CRD only documents that start must be less than end; netpol-analyzer rejects the policy.)`,
      ),
    );
  }
  return out;
}

function checkProtocol(item: ClusterItem): Finding[] {
  const { policy } = item.rule;
  const one = exactlyOne('cluster-policy-port-invalid', policy, item.node, item.path, ['tcp', 'udp', 'sctp', 'destinationNamedPort'], 'This protocols entry', CONSEQUENCE);
  if (one) return [one];
  const out: Finding[] = [];
  for (const key of ['tcp', 'udp', 'sctp'] as const) {
    const pair = getPair(item.map, key);
    if (!pair) continue;
    const path = `${item.path}.${key}`;
    const port = present(get(pair.value, 'destinationPort'));
    if (!port) {
      out.push(
        finding(
          pair.key,
          `\`${key}\` needs a \`destinationPort\` (\`number\` or \`range\`): to match every ${key.toUpperCase()} port write \`range: {start: 1, end: 65535}\`. ` +
            `${crdRejects(policy, path, 'Invalid value', 0, `${path} in body should have at least 1 properties`)}, ${CONSEQUENCE}`,
        ),
      );
      continue;
    }
    const portPath = `${path}.destinationPort`;
    const oneOf = exactlyOne('cluster-policy-port-invalid', policy, port, portPath, ['number', 'range'], 'This destinationPort', CONSEQUENCE);
    if (oneOf) {
      out.push(oneOf);
      continue;
    }
    if (isMap(port) && present(get(port, 'number'))) out.push(...portNumbers(policy, port, portPath, ['number']));
    const range = getPair(isMap(port) ? port : undefined, 'range');
    if (!range?.value) continue;
    if (!isMap(range.value)) {
      out.push(notAMap(policy, range.value, `${portPath}.range`));
      continue;
    }
    const problems = portNumbers(policy, range.value, `${portPath}.range`, ['start', 'end']);
    out.push(...problems);
    const start = get(range.value, 'start');
    const end = get(range.value, 'end');
    if (problems.length === 0 && isScalar(start) && isScalar(end) && typeof start.value === 'number' && typeof end.value === 'number' && start.value >= end.value) {
      const hint = start.value === end.value ? `for the one port ${start.value} write \`number: ${start.value}\`` : 'swap start and end';
      out.push(finding(range.key, `Start port must be less than End port (${start.value} ≥ ${end.value}): ${hint}. ${crdRejects(policy, `${portPath}.range`, 'Invalid value', 'object', 'Start port must be less than End port')}, ${CONSEQUENCE}`));
    }
  }
  return out;
}

/** Each named field of `map` is present and a port number 1–65535. */
function portNumbers(policy: ClusterPolicyObject, map: YMap, path: string, fields: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const field of fields) {
    const fieldPath = `${path}.${field}`;
    const pair = getPair(map, field);
    const node = present(pair?.value);
    if (!node) {
      const at = pair?.key ?? map.pairs[0]?.key ?? map;
      out.push(finding(at, `\`${field}\` is required here. ${crdRejects(policy, fieldPath, 'Required value', undefined, '')}, ${CONSEQUENCE}`));
      continue;
    }
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
      const shown = isScalar(node) ? node.source : node.type;
      out.push(finding(node, `${field} must be a port number (1–65535), not ${JSON.stringify(shown)}. ${crdRejects(policy, fieldPath, 'Invalid value', shown, `${fieldPath} in body must be of type integer`)}, ${CONSEQUENCE}`));
      continue;
    }
    if (node.value >= 1 && node.value <= 65535) continue;
    const bound = node.value < 1 ? 'should be greater than or equal to 1' : 'should be less than or equal to 65535';
    out.push(finding(node, `Port ${node.value} does not exist: ports are 1–65535. ${crdRejects(policy, fieldPath, 'Invalid value', node.value, `${fieldPath} in body ${bound}`)}, ${CONSEQUENCE}`));
  }
  return out;
}

function notAMap(policy: ClusterPolicyObject, node: YNode, path: string): Finding {
  return finding(node, `${path} must be a map of fields. ${crdRejects(policy, path, 'Invalid value', isSeq(node) ? 'array' : 'string', `${path} in body must be of type object`)}, ${CONSEQUENCE}`);
}
