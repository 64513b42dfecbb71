import { isMap, isSeq, type YNode, type YScalar } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { networkPolicies } from './policy/networkPolicyTree';
import { NETWORK_POLICY_SCHEMA, type FieldSchema } from './policy/networkPolicySchema';
import type { Finding, FixData, Rule } from './types';
import { quoted, shown } from '../text/displayText';

/**
 * `unknown-field`: a key the NetworkPolicy schema does not have at that place (`matchLables`,
 * `podselector`, `ingres`, `ports` under a peer). With strict field validation (kubectl's default
 * since 1.27) the API server rejects the policy; without it the field is dropped and the policy
 * means something else than written. Fix: the nearest valid name at that level.
 */
export const unknownFieldRule: Rule = {
  id: 'unknown-field',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const policy of networkPolicies(file)) walk(policy.root, NETWORK_POLICY_SCHEMA, '', findings);
    return findings;
  },
};

function walk(node: YNode | undefined, schema: FieldSchema, path: string, out: Finding[]): void {
  if (schema.kind === 'open' || schema.kind === 'string' || schema.kind === 'stringMap' || !node) return;
  if (schema.kind === 'list') {
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, schema.item, `${path}[${i}]`, out));
    return;
  }
  if (!isMap(node)) return;
  for (const { key, value } of node.pairs) {
    const name = key.source;
    if (name === '<<') continue; // a YAML merge key: the decoder merges it
    const child = Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
    const childPath = path === '' ? name : `${path}.${name}`;
    if (child) {
      walk(value, child, childPath, out);
      continue;
    }
    const suggestion = nearestName(name, Object.keys(schema.fields));
    out.push(unknown(key, childPath, schema, suggestion));
    // Check inside as if the name were fixed: the next typo shows now, not after the rename.
    const meant = suggestion === undefined ? undefined : schema.fields[suggestion];
    if (meant) walk(value, meant, childPath, out);
  }
}

function unknown(key: YScalar, path: string, schema: FieldSchema & { kind: 'map' }, suggestion: string | undefined): Finding {
  const valid = Object.keys(schema.fields);
  const elsewhere = suggestion ? undefined : placesOf(key.source);
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : elsewhere ? ` \`${shown(key.source)}\` belongs in ${elsewhere}, not in ${schema.name}: check the indentation.` : ` Valid fields here: ${valid.join(', ')}.`;
  const fixes: FixData[] = suggestion ? [{ title: `Rename to ${suggestion}`, edits: [replaceScalar(key, suggestion)], preferred: true }] : [];
  return {
    ruleId: 'unknown-field',
    message:
      `Unknown field \`${shown(key.source)}\` in ${schema.name}.${hint} With strict field validation (kubectl's default since 1.27) the API server ` +
      `rejects the policy (strict decoding error: unknown field ${quoted(path)}); otherwise it drops the field silently and the policy means something else than written.`,
    start: key.start,
    end: Math.max(key.end, key.start + 1),
    fixes,
  };
}

/** Case-insensitive match first, then the closest name within edit distance 2 (no tie). */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = 3;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.MAX_SAFE_INTEGER;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, at(i - 2, j - 2) + 1);
      row[j] = d;
    }
  }
  return at(a.length, b.length);
}

/** Where in the schema a field name is valid (`a peer`, `an ingress rule`), for misplaced fields. */
function placesOf(name: string): string | undefined {
  const places = new Set<string>();
  const visit = (schema: FieldSchema): void => {
    if (schema.kind === 'list') visit(schema.item);
    if (schema.kind !== 'map') return;
    for (const [field, child] of Object.entries(schema.fields)) {
      if (field === name) places.add(schema.name);
      visit(child);
    }
  };
  visit(NETWORK_POLICY_SCHEMA);
  return places.size > 0 ? [...places].join(' or ') : undefined;
}
