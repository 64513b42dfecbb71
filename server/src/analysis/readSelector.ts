/**
 * A label selector from the YAML tree. A missing or null selector is undefined (it selects
 * everything); a selector that is not a map, or a requirement that is not one, can only be a
 * mistake the API server rejects, and becomes a selector that matches nothing.
 */
import { get, getSeq, getString, isMap, isScalar, scalarString, toStringMap, type YNode } from '../model/yamlTree';
import type { LabelSelector, SelectorRequirement } from '../engine/types';
import { orNone } from '../collections/none';

/** Matches nothing: an operator the engine does not know. */
export const INVALID_SELECTOR: LabelSelector = { matchExpressions: [{ key: '', operator: 'invalid' }] };

export function readSelector(node: YNode | undefined): LabelSelector | undefined {
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (!isMap(node)) return INVALID_SELECTOR;
  const matchExpressions: SelectorRequirement[] = [];
  for (const item of getSeq(node, 'matchExpressions')?.items ?? []) {
    const key = getString(item, 'key');
    const operator = getString(item, 'operator');
    if (!isMap(item) || key === undefined || operator === undefined) return INVALID_SELECTOR;
    const values = getSeq(item, 'values')?.items.map((v) => scalarString(v) ?? '') ?? [];
    matchExpressions.push({ key, operator, values });
  }
  return { matchLabels: toStringMap(get(node, 'matchLabels')), matchExpressions: orNone(matchExpressions) };
}

