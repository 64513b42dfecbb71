/**
 * Containment of label selectors, proved from what is written: `selectorContains(outer, inner)`
 * is true only when every label set `inner` matches, `outer` matches too — whatever labels the
 * cluster's objects carry. Each requirement of `outer` must follow from `inner`'s requirements
 * on the same key (`matchLabels` read as `In` with one value). When a proof is not at hand (an
 * unknown operator, `In`/`NotIn` without values) the answer is false: callers flag containment,
 * so a missed proof is silence, never a false alarm.
 */
import type { LabelSelector, SelectorRequirement } from './types';

/** What `inner`'s requirements on one key say of that key. */
interface KeyFacts {
  present: boolean;
  absent: boolean;
  /** Values the key may take when present (undefined: any). */
  allowed: Set<string> | undefined;
  /** Values the key never takes. */
  excluded: Set<string>;
}

export function selectorContains(outer: LabelSelector | undefined, inner: LabelSelector | undefined): boolean {
  const outerReqs = requirements(outer);
  const innerReqs = requirements(inner);
  if (!outerReqs || !innerReqs) return false;
  return outerReqs.every((req) => implied(req, factsOf(innerReqs, req.key)));
}

/** The selector as requirements, or undefined when one of them is malformed. */
function requirements(selector: LabelSelector | undefined): SelectorRequirement[] | undefined {
  const out: SelectorRequirement[] = Object.entries(selector?.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  for (const req of selector?.matchExpressions ?? []) {
    const withValues = req.operator === 'In' || req.operator === 'NotIn';
    const withoutValues = req.operator === 'Exists' || req.operator === 'DoesNotExist';
    if (withValues ? (req.values ?? []).length === 0 : !withoutValues) return undefined;
    out.push(req);
  }
  return out;
}

function factsOf(reqs: readonly SelectorRequirement[], key: string): KeyFacts {
  const facts: KeyFacts = { present: false, absent: false, allowed: undefined, excluded: new Set() };
  for (const req of reqs) {
    if (req.key !== key) continue;
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        facts.present = true;
        facts.allowed = new Set(facts.allowed ? values.filter((v) => facts.allowed?.has(v)) : values);
        break;
      case 'NotIn':
        for (const v of values) facts.excluded.add(v);
        break;
      case 'Exists':
        facts.present = true;
        break;
      case 'DoesNotExist':
        facts.absent = true;
        break;
    }
  }
  return facts;
}

/** Values the key can take under `facts`, when they are a finite list. */
function possibleValues(facts: KeyFacts): string[] | undefined {
  return facts.allowed ? [...facts.allowed].filter((v) => !facts.excluded.has(v)) : undefined;
}

function implied(req: SelectorRequirement, facts: KeyFacts): boolean {
  const values = req.values ?? [];
  const possible = possibleValues(facts);
  switch (req.operator) {
    case 'In':
      return facts.present && possible !== undefined && possible.every((v) => values.includes(v));
    case 'NotIn':
      return facts.absent || values.every((v) => facts.excluded.has(v)) || (possible !== undefined && possible.every((v) => !values.includes(v)));
    case 'Exists':
      return facts.present;
    case 'DoesNotExist':
      return facts.absent;
    default:
      return false;
  }
}
