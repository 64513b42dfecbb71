/**
 * `rule-ports-split`: a rule with only `from`/`to` directly followed by a rule with only `ports` —
 * the stray `-` before `ports:`. It reads as one rule but is two: "every port from these peers"
 * plus "these ports from anyone". The fix merges them back into one rule.
 */
import { isMap, type YNode } from '../model/yamlTree';
import { mergeIntoPrevious } from './edit/mergeSeqItems';
import { networkPolicies, policyRules } from './policy/networkPolicyTree';
import type { Finding, Rule } from './types';

function onlyKey(node: YNode | undefined, key: string): boolean {
  return isMap(node) && node.pairs.length === 1 && node.pairs[0]?.key.source === key && node.pairs[0].value !== undefined;
}

export const rulePortsSplitRule: Rule = {
  id: 'rule-ports-split',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const { spec } of networkPolicies(file)) {
      const rules = policyRules(spec);
      for (const rule of rules) {
        if (rule.index === 0 || !onlyKey(rule.node, 'ports')) continue;
        const previous = rules.find((r) => r.direction === rule.direction && r.index === rule.index - 1);
        if (!previous || !onlyKey(previous.node, previous.peersKey) || !previous.peers || previous.peers.items.length === 0) continue;
        const list = isMap(spec) ? spec.pairs.find((p) => p.key.source === rule.direction)?.value : undefined;
        const portsKey = isMap(rule.node) ? rule.node.pairs[0]?.key : undefined;
        if (!portsKey || list?.type !== 'seq') continue;
        const edit = mergeIntoPrevious(file.text, list, rule.index);
        const peers = rule.direction === 'ingress' ? 'from these sources' : 'to these destinations';
        const anyone = rule.direction === 'ingress' ? 'from any source' : 'to any destination';
        findings.push({
          ruleId: 'rule-ports-split',
          message:
            `This \`-\` starts a separate ${rule.direction} rule: ${previous.path.replace(/^spec\./, '')} allows every port ${peers}, ` +
            `and this one allows these ports ${anyone}. To allow only these ports ${peers}, make them one rule (remove the \`-\` before ports).`,
          start: portsKey.start,
          end: portsKey.end,
          fixes: edit ? [{ title: `Merge the ports into the ${previous.peersKey} rule above`, edits: [edit], preferred: true }] : [],
        });
      }
    }
    return findings;
  },
};
