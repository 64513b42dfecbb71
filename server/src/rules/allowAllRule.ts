/**
 * `allow-all-rule` (hint): a rule that allows every peer — `- {}` (every peer on every port) or an
 * explicitly empty `from`/`to` (`from: []`, `from:`), which reads like "nobody" but means everybody,
 * cluster-external addresses included. Not wrong in itself; shown so that a reader sees it.
 */
import { getPair, isMap, isScalar, isSeq, type YNode } from '../model/yamlTree';
import { networkPolicies, policyRules } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';

function isEmptyValue(node: YNode | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null) || (isSeq(node) && node.items.length === 0) || (isMap(node) && node.pairs.length === 0);
}

export const allowAllRuleRule: Rule = {
  id: 'allow-all-rule',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { spec } of networkPolicies(file)) {
      for (const rule of policyRules(spec)) {
        const everyone = rule.direction === 'ingress' ? 'every source (any pod in any namespace and any external address)' : 'every destination (any pod in any namespace and any external address)';
        if (isEmptyValue(rule.node)) {
          const start = rule.node.end > rule.node.start ? rule.node.start : file.text.lastIndexOf('-', rule.node.start);
          findings.push({
            ruleId: 'allow-all-rule',
            message: `This empty ${rule.direction} rule allows ${everyone} on every port and protocol.`,
            start,
            end: Math.max(rule.node.end, start + 1),
          });
          continue;
        }
        const peers = getPair(rule.map, rule.peersKey);
        if (!peers || !isEmptyValue(peers.value)) continue;
        const ports = rule.ports && rule.ports.items.length > 0 ? 'on the listed ports' : 'on every port and protocol';
        findings.push({
          ruleId: 'allow-all-rule',
          message: `An empty \`${rule.peersKey}\` does not mean "nobody": this rule allows ${everyone} ${ports}.`,
          start: peers.key.start,
          end: peers.key.end,
        });
      }
    }
    return findings;
  },
};
