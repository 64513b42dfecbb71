import type { FileModel } from '../model/fileModel';
import { isMap, isSeq, type YMap, type YNode, type YPair, type YScalar } from '../model/yamlTree';
import { removeMapPair } from './edit/removeEntry';
import { replaceScalar } from './edit/replaceScalar';
import { nearestName } from './policy/nameDistance';
import { clusterPolicyObjects } from './policy/clusterPolicyTree';
import { CLUSTER_POLICY_SCHEMAS } from './policy/clusterPolicySchema';
import { networkPolicies } from './policy/networkPolicyTree';
import { NETWORK_POLICY_SCHEMA, type FieldSchema } from './policy/networkPolicySchema';
import type { Finding, FixData, Rule } from './types';
import { quoted, shown } from '../text/displayText';
import { pairKey } from '../model/pairNode';

/**
 * `unknown-field`: a key the NetworkPolicy schema does not have at that place (`matchLables`,
 * `podselector`, `ingres`, `ports` under a peer), or the schema of an AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy or ClusterNetworkPolicy (`networks` in an ingress peer, `ports` in a
 * v1alpha2 rule). With strict field validation (kubectl's default since 1.27) the API server
 * rejects the policy; without it the field is dropped and the policy means something else than
 * written. Fixes: the nearest valid name at that level; removing the
 * field (what a lenient API server does).
 */
export const unknownFieldRule: Rule = {
  id: 'unknown-field',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const policy of networkPolicies(file)) walk(file, policy.root, NETWORK_POLICY_SCHEMA, NETWORK_POLICY_SCHEMA, '', findings);
    for (const policy of clusterPolicyObjects(file)) {
      const schema = CLUSTER_POLICY_SCHEMAS[policy.kind];
      walk(file, policy.root, schema, schema, '', findings);
    }
    return findings;
  },
};

function walk(file: FileModel, node: YNode | undefined, schema: FieldSchema, root: FieldSchema, path: string, out: Finding[]): void {
  if (schema.kind === 'open' || schema.kind === 'string' || schema.kind === 'stringMap' || !node) return;
  if (schema.kind === 'list') {
    if (isSeq(node)) node.items.forEach((item, i) => walk(file, item, schema.item, root, `${path}[${i}]`, out));
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.pairs) {
    const value = pair.value;
    const name = pairKey(pair);
    if (name === '<<') continue; // a YAML merge key: the decoder merges it
    const child = Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
    const childPath = path === '' ? name : `${path}.${name}`;
    if (child) {
      walk(file, value, child, root, childPath, out);
      continue;
    }
    const suggestion = nearestName(name, Object.keys(schema.fields));
    out.push(unknown(pair.key, childPath, schema, root, suggestion, removeFix(file.text, node, pair)));
    // Check inside as if the name were fixed: the next typo shows now, not after the rename.
    const meant = suggestion === undefined ? undefined : schema.fields[suggestion];
    if (meant) walk(file, value, meant, root, childPath, out);
  }
}

/**
 * Removing the field: what the API server does without strict validation, so the policy keeps
 * the meaning it has in a lenient cluster. Not offered when the field is a block map's only key
 * (the parent would be left without a value).
 */
function removeFix(text: string, map: YMap, pair: YPair): FixData | undefined {
  if (!map.flow && map.pairs.length < 2) return undefined;
  const edit = removeMapPair(text, map, pair);
  return edit ? { title: `Remove the unknown field ${pair.key.source}`, edits: [edit] } : undefined;
}

/** Fields of a cluster-wide peer's `namespaces` before network-policy-api v0.1.5 made it a plain label selector. */
const LEGACY_NAMESPACES_FIELDS: ReadonlySet<string> = new Set(['namespaceSelector', 'sameLabels', 'notSameLabels']);

function unknown(key: YScalar, path: string, schema: FieldSchema & { kind: 'map' }, root: FieldSchema, suggestion: string | undefined, remove: FixData | undefined): Finding {
  const valid = Object.keys(schema.fields);
  const elsewhere = suggestion ? undefined : placesOf(key.source, root);
  const legacy = LEGACY_NAMESPACES_FIELDS.has(key.source) && /\.namespaces\.[^.]+$/.test(path) && root !== NETWORK_POLICY_SCHEMA;
  const hint = legacy
    ? ` \`namespaces\` took {namespaceSelector, sameLabels, notSameLabels} up to network-policy-api v0.1.4; since v0.1.5 it is the label selector itself: write matchLabels/matchExpressions directly under \`namespaces\`. Dropped, this field leaves \`namespaces: {}\`, which selects every namespace.`
    : suggestion
      ? ` Did you mean \`${suggestion}\`?`
      : elsewhere
        ? ` \`${shown(key.source)}\` belongs in ${elsewhere}, not in ${schema.name}: check the indentation.`
        : ` Valid fields here: ${valid.join(', ')}.`;
  const fixes: FixData[] = suggestion ? [{ title: `Rename to ${suggestion}`, edits: [replaceScalar(key, suggestion)], preferred: true }] : [];
  if (remove) fixes.push(remove);
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

/** Where in the schema a field name is valid (`a peer`, `an ingress rule`), for misplaced fields. */
function placesOf(name: string, root: FieldSchema): string | undefined {
  const places = new Set<string>();
  const visit = (schema: FieldSchema): void => {
    if (schema.kind === 'list') visit(schema.item);
    if (schema.kind !== 'map') return;
    for (const [field, child] of Object.entries(schema.fields)) {
      if (field === name) places.add(schema.name);
      visit(child);
    }
  };
  visit(root);
  return places.size > 0 ? [...places].join(' or ') : undefined;
}
