/**
 * The egress rule that lets pods reach cluster DNS (UDP and TCP 53 to the `k8s-app: kube-dns`
 * pods of kube-system, selected by the automatic namespace label), and the edit adding it to a
 * policy's `spec.egress` in the file's own style.
 */
import { getPair, isScalar, isSeq, type YMap } from '../../model/yamlTree';
import type { TextEditData } from '../types';

const FLOW_RULE =
  '{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ' +
  'ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}';

/** The rule as a block list item whose dash stands at `indent`, ending with a newline. */
export function dnsRuleBlock(indent: string): string {
  return [
    '- to:',
    '  - namespaceSelector:',
    '      matchLabels:',
    '        kubernetes.io/metadata.name: kube-system',
    '    podSelector:',
    '      matchLabels:',
    '        k8s-app: kube-dns',
    '  ports:',
    '  - protocol: UDP',
    '    port: 53',
    '  - protocol: TCP',
    '    port: 53',
  ]
    .map((line) => `${indent}${line}\n`)
    .join('');
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Offset just past the line holding `offset` (its newline included). */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Insert `block` as whole lines after the line holding `offset`. */
function insertLines(text: string, offset: number, block: string): TextEditData {
  const at = afterLine(text, offset);
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return { start: at, end: at, newText: prefix + block };
}

/** The edit appending the DNS rule to `spec.egress` (creating the key when missing). */
export function addDnsRuleEdit(text: string, spec: YMap): TextEditData | undefined {
  if (spec.flow) return undefined;
  const pair = getPair(spec, 'egress');
  const value = pair?.value;
  if (pair && isSeq(value) && value.flow) {
    const last = value.items[value.items.length - 1];
    if (last) return { start: last.end, end: last.end, newText: `, ${FLOW_RULE}` };
    const indent = ' '.repeat(columnOf(text, pair.key.start));
    return { start: value.start, end: value.end, newText: `\n${dnsRuleBlock(indent).replace(/\n$/, '')}` };
  }
  if (pair && isSeq(value)) {
    const first = value.items[0];
    const last = value.items[value.items.length - 1];
    if (!first || !last) return undefined;
    const dash = text.lastIndexOf('-', first.start);
    return insertLines(text, last.end, dnsRuleBlock(' '.repeat(columnOf(text, dash))));
  }
  if (pair && !(value === undefined || (isScalar(value) && value.value === null))) return undefined;
  const first = spec.pairs[0];
  if (!first) return undefined;
  const indent = ' '.repeat(columnOf(text, first.key.start));
  if (pair) return insertLines(text, pair.key.end, dnsRuleBlock(indent));
  const lastPair = spec.pairs[spec.pairs.length - 1];
  const end = lastPair?.value?.end ?? lastPair?.key.end ?? first.key.end;
  return insertLines(text, end, `${indent}egress:\n${dnsRuleBlock(indent)}`);
}
