/**
 * Label selector matching as apimachinery does it: `matchLabels` and `matchExpressions` are
 * ANDed; `NotIn` and `DoesNotExist` hold when the key is absent; an empty selector matches
 * everything. An unknown operator, or `In`/`NotIn` without values, matches nothing (the API
 * server rejects such a selector).
 */
import type { LabelSelector, Labels, SelectorRequirement } from './types';

export function requirementMatches(req: SelectorRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(labels[req.key] as string);
    case 'NotIn':
      return values.length > 0 && (!has || !values.includes(labels[req.key] as string));
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

export function selectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  // Plain loops: the cross-file rules test every policy's selectors against each edited workload.
  const matchLabels = selector.matchLabels;
  for (const key in matchLabels) {
    if (!Object.prototype.hasOwnProperty.call(matchLabels, key)) continue;
    if (!Object.prototype.hasOwnProperty.call(labels, key) || labels[key] !== matchLabels[key]) return false;
  }
  for (const req of selector.matchExpressions ?? []) if (!requirementMatches(req, labels)) return false;
  return true;
}

/** True when the selector has no requirement at all (`{}` or missing): it selects everything. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/** A stable text for a selector: equal selectors (whatever the key order) give equal keys. */
export function selectorKey(selector: LabelSelector | undefined): string {
  if (isEmptySelector(selector)) return '{}';
  // Every part is JSON-quoted: `In []` and `In [""]` (or values holding commas) must not share a key.
  const labels = Object.entries(selector?.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map((pair) => JSON.stringify(pair));
  const exprs = (selector?.matchExpressions ?? []).map((r) => JSON.stringify([r.key, r.operator, [...(r.values ?? [])].sort()])).sort();
  return JSON.stringify([labels, exprs]);
}
