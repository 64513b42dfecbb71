/**
 * The edit appending a rule to a NetworkPolicy's `spec.ingress` or `spec.egress` (creating the
 * key when missing, filling an empty one), written in the document's own style: its indentation
 * of maps and lists, its line breaks; a flow list gets a flow item. `root` (the object) gives a
 * better view of that style than `spec` alone.
 */
import { getPair, isScalar, isSeq, type YMap, type YNode } from '../../model/yamlTree';
import type { TextEditData } from '../types';
import { appendSeqItem, insertMapEntries, replacePair } from './insertEntries';
import type { PlainValue } from './renderYaml';
import { detectLayout } from './yamlLayout';

export function addPolicyRuleEdit(text: string, spec: YMap, root: YNode, direction: 'ingress' | 'egress', rule: PlainValue): TextEditData | undefined {
  if (spec.flow) return undefined;
  const layout = detectLayout(text, root);
  const pair = getPair(spec, direction);
  const value = pair?.value;
  if (pair && isSeq(value)) {
    if (value.items.length === 0) return replacePair(text, pair, false, [rule], layout);
    return appendSeqItem(text, value, rule, layout);
  }
  if (pair && !(value === undefined || (isScalar(value) && value.value === null))) return undefined;
  if (pair) return replacePair(text, pair, false, [rule], layout);
  return insertMapEntries(text, spec, { [direction]: [rule] }, layout);
}
