/**
 * Writing `spec.policyTypes` of a NetworkPolicy: set it (after `podSelector`, or in place of an
 * empty one) or add a direction to the list, in the file's style.
 */
import { getPair, isScalar, isSeq, type YMap } from '../../model/yamlTree';
import type { TextEditData } from '../types';
import { appendSeqItem, insertMapEntries, replacePair } from './insertEntries';
import { detectLayout } from './yamlLayout';
import type { YNode } from '../../model/yamlTree';

export type PolicyType = 'Ingress' | 'Egress';

/** Write `policyTypes: [types]` into a spec that has none (or an empty one). */
export function setPolicyTypesEdit(text: string, root: YNode | undefined, spec: YMap, types: readonly PolicyType[]): TextEditData | undefined {
  const layout = detectLayout(text, root);
  const existing = getPair(spec, 'policyTypes');
  if (existing) {
    const v = existing.value;
    const empty = v === undefined || (isScalar(v) && v.value === null) || (isSeq(v) && v.items.length === 0);
    if (!empty) return undefined;
    return replacePair(text, existing, spec.flow || (isSeq(v) && v.flow), [...types], layout);
  }
  return insertMapEntries(text, spec, { policyTypes: [...types] }, layout, getPair(spec, 'podSelector'));
}

/** Add a direction to an existing `policyTypes` list. */
export function addPolicyTypeEdit(text: string, root: YNode | undefined, spec: YMap, type: PolicyType): TextEditData | undefined {
  const list = getPair(spec, 'policyTypes')?.value;
  if (!isSeq(list)) return undefined;
  return appendSeqItem(text, list, type, detectLayout(text, root));
}
