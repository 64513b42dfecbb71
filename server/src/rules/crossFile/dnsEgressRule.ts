/**
 * The egress rule that lets pods reach cluster DNS (UDP and TCP 53 to the `k8s-app: kube-dns`
 * pods of kube-system, selected by the automatic namespace label), and the edit adding it to a
 * policy's `spec.egress` in the file's own style.
 */
import { getPair, isScalar, isSeq, type YMap, type YNode } from '../../model/yamlTree';
import { appendSeqItem, insertMapEntries, replacePair } from '../edit/insertEntries';
import { renderBlockSeqItem, type PlainValue } from '../edit/renderYaml';
import { detectLayout, type YamlLayout } from '../edit/yamlLayout';
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

/**
 * The edit appending the DNS rule to `spec.egress` (creating the key when missing), written in
 * the document's own style: its indentation of maps and lists, its line breaks; a flow list gets
 * a flow item. `root` (the object) gives a better view of that style than `spec` alone.
 */
export function addDnsRuleEdit(text: string, spec: YMap, root: YNode = spec): TextEditData | undefined {
  if (spec.flow) return undefined;
  const layout = detectLayout(text, root);
  const pair = getPair(spec, 'egress');
  const value = pair?.value;
  if (pair && isSeq(value)) {
    if (value.items.length === 0) return replacePair(text, pair, false, [DNS_RULE], layout);
    return appendSeqItem(text, value, DNS_RULE, layout);
  }
  if (pair && !(value === undefined || (isScalar(value) && value.value === null))) return undefined;
  if (pair) return replacePair(text, pair, false, [DNS_RULE], layout);
  return insertMapEntries(text, spec, { egress: [DNS_RULE] }, layout);
}
