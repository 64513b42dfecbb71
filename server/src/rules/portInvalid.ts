import { getPair, isScalar, type YNode, type YScalar } from '../model/yamlTree';
import { apiServerRejects } from './policy/apiServerError';
import { networkPolicies, policyPorts, type RuleItem } from './policy/networkPolicyTree';
import { portNameProblems } from './policy/portName';
import type { Finding, FixData, Rule } from './types';
import { quoted, shown } from '../text/displayText';

const RANGE = 'must be between 1 and 65535, inclusive';

/**
 * `port-invalid`: a `ports` entry the API server rejects: a port number out of 1–65535, a named
 * port of the wrong syntax (a quoted number is a name, and has no letter), `endPort` below `port`
 * or out of range, `endPort` with a named or a missing `port`, or an entry that is not a map.
 */
export const portInvalidRule: Rule = {
  id: 'port-invalid',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { spec } of networkPolicies(file)) {
      for (const item of policyPorts(spec)) findings.push(...checkPort(item));
    }
    return findings;
  },
};

function finding(node: YNode, message: string): Finding {
  return { ruleId: 'port-invalid', message, start: node.start, end: Math.max(node.end, node.start + 1) };
}

/** The node when it holds a value (null counts as absent: nothing to say about it). */
function present(node: YNode | undefined): YNode | undefined {
  if (!node || (isScalar(node) && node.value === null)) return undefined;
  return node;
}

function checkPort(item: RuleItem): Finding[] {
  if (!item.map) {
    return present(item.node) ? [finding(item.node, `A ports entry must be a map (protocol, port, endPort). The API server cannot decode the policy and rejects it.`)] : [];
  }
  const out: Finding[] = [];
  const port = present(getPair(item.map, 'port')?.value);
  const endPort = present(getPair(item.map, 'endPort')?.value);
  const portPath = `${item.path}.port`;
  const endPath = `${item.path}.endPort`;
  let portNumber: number | undefined;
  let named = false;
  if (port) {
    if (isScalar(port) && typeof port.value === 'number') {
      if (!Number.isInteger(port.value)) out.push(finding(port, `port ${shown(port.source)} is not a whole number: the API server cannot decode the policy.`));
      else if (port.value < 1 || port.value > 65535) out.push(finding(port, `Port ${shown(port.source)} does not exist. ${apiServerRejects(portPath, 'Invalid value', port.value, RANGE)}`));
      else portNumber = port.value;
    } else if (isScalar(port) && typeof port.value === 'string') {
      named = true;
      out.push(...namedPortProblems(port, portPath));
    } else {
      out.push(finding(port, `port must be a number (1–65535) or a port name: the API server cannot decode the policy.`));
    }
  }
  if (endPort) {
    const value = isScalar(endPort) && typeof endPort.value === 'number' ? endPort.value : undefined;
    if (value === undefined || !Number.isInteger(value)) {
      out.push(finding(endPort, `endPort must be a port number: the API server cannot decode the policy.`));
    } else if (!port) {
      out.push(finding(endPort, `endPort without port has no range to end. ${apiServerRejects(endPath, 'Invalid value', value, 'may not be specified when `port` is not specified')}`));
    } else if (named) {
      out.push(finding(endPort, `A port range needs a numeric start: port is a name here. ${apiServerRejects(endPath, 'Invalid value', value, 'may not be specified when `port` is non-numeric')}`));
    } else if (portNumber !== undefined) {
      if (value < portNumber) {
        out.push({
          ...finding(endPort, `endPort ${value} is below port ${portNumber}: the range would be empty. ${apiServerRejects(endPath, 'Invalid value', portNumber, 'must be greater than or equal to `port`')}`),
          fixes: value >= 1 && port ? [swapFix(port, endPort, portNumber, value)] : [],
        });
      }
      if (value < 1 || value > 65535) out.push(finding(endPort, `endPort ${value} does not exist. ${apiServerRejects(endPath, 'Invalid value', value, RANGE)}`));
    }
  }
  return out;
}

/** `port: 9000, endPort: 8000` meant the range 8000–9000: write each number where the other is. */
function swapFix(port: YNode, endPort: YNode, portNumber: number, endNumber: number): FixData {
  return {
    title: `Swap port and endPort (${endNumber}–${portNumber})`,
    edits: [
      { start: port.start, end: port.end, newText: String(endNumber) },
      { start: endPort.start, end: endPort.end, newText: String(portNumber) },
    ],
    preferred: true,
  };
}

function namedPortProblems(port: YScalar, path: string): Finding[] {
  const name = String(port.value);
  const problems = portNameProblems(name);
  if (problems.length === 0) return [];
  const quotedNumber = /^[0-9]+$/.test(name) && port.style !== 'plain';
  const lead = quotedNumber
    ? `The quotes make ${name} a port name, not a number, and a name needs a letter: write ${name} without quotes.`
    : `${quoted(name)} is not a valid port name (${problems.join('; ')}).`;
  return [
    {
      ...finding(port, `${lead} ${apiServerRejects(path, 'Invalid value', name, problems[0] ?? '')}`),
      fixes: quotedNumber && Number(name) >= 1 && Number(name) <= 65535 ? [{ title: `Write the number ${name} without quotes`, edits: [{ start: port.start, end: port.end, newText: name }], preferred: true, safe: true }] : [],
    },
  ];
}
