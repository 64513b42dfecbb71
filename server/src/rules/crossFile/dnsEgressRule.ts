/**
 * The egress rule that lets pods reach cluster DNS (UDP and TCP 53 to the `k8s-app: kube-dns`
 * pods of kube-system, selected by the automatic namespace label), and the edit adding it to a
 * policy's `spec.egress` in the file's own style.
 */
import type { YMap, YNode } from '../../model/yamlTree';
import { addPolicyRuleEdit } from '../edit/addPolicyRule';
import { renderBlockSeqItem, type PlainValue } from '../edit/renderYaml';
import type { YamlLayout } from '../edit/yamlLayout';
import type { TextEditData } from '../types';

const DNS_RULE: PlainValue = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

/** The rule as a block list item whose dash stands at `indent`, ending with a newline (nested lists with `layout`'s indentation). */
export function dnsRuleBlock(indent: string, layout: YamlLayout = { indent: 2, seqIndent: 0, newline: '\n' }): string {
  return renderBlockSeqItem(DNS_RULE, indent.length, layout);
}

/** The edit appending the DNS rule to `spec.egress` in the document's own style (see addPolicyRule.ts). */
export function addDnsRuleEdit(text: string, spec: YMap, root: YNode = spec): TextEditData | undefined {
  return addPolicyRuleEdit(text, spec, root, 'egress', DNS_RULE);
}
