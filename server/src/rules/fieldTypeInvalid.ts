/**
 * `field-type-invalid`: a NetworkPolicy (or AdminNetworkPolicy, BaselineAdminNetworkPolicy,
 * ClusterNetworkPolicy) field holding a value of the wrong shape — a map where
 * the schema has a list (`ingress:` followed by `from:` without the `-`), a scalar where it has a
 * map (`spec: x`) or a list (`ports: 80`). The API server cannot decode such a policy and rejects
 * it. Shapes that another rule explains better (selectors, peers, ipBlocks, ports entries,
 * metadata) are left to that rule. Fix, for a map written where a list belongs: make it the
 * list's only item.
 */
import type { FileModel } from '../model/fileModel';
import { isMap, isSeq, type YMap, type YNode } from '../model/yamlTree';
import { quoteScalarFix } from './edit/quoteScalar';
import { clusterPolicyObjects } from './policy/clusterPolicyTree';
import { CLUSTER_POLICY_SCHEMAS } from './policy/clusterPolicySchema';
import { networkPolicies } from './policy/networkPolicyTree';
import { NETWORK_POLICY_SCHEMA, type FieldSchema } from './policy/networkPolicySchema';
import type { Finding, FixData, Rule, TextEditData } from './types';
import { quoted, shown } from '../text/displayText';
import { pairKey } from '../model/pairNode';

export const fieldTypeInvalidRule: Rule = {
  id: 'field-type-invalid',
  scope: 'file',
  check({ file }) {
    const findings: Finding[] = [];
    for (const policy of networkPolicies(file)) walk(file, policy.root, NETWORK_POLICY_SCHEMA, '', findings);
    for (const policy of clusterPolicyObjects(file)) walk(file, policy.root, CLUSTER_POLICY_SCHEMAS[policy.kind], '', findings);
    return findings;
  },
};

function walk(file: FileModel, node: YNode | undefined, schema: FieldSchema, path: string, out: Finding[]): void {
  // A null value means "not set", which the decoder accepts.
  if (schema.kind === 'open' || node === undefined || (node.type === 'scalar' && node.value === null)) return;
  if (schema.kind === 'string') {
    if (schema.shapeCheckedBy === undefined && !(node.type === 'scalar' && typeof node.value === 'string')) out.push(notAString(node, path));
    return;
  }
  if (schema.kind === 'stringMap') {
    if (!isMap(node)) {
      if (schema.shapeCheckedBy === undefined) out.push(wrongShape(file.text, node, { kind: 'map', name: 'a map of strings', fields: {} }, path));
      return;
    }
    if (schema.shapeCheckedBy !== undefined) return;
    for (const { key, value } of node.pairs) {
      if (value === undefined || (value.type === 'scalar' && (value.value === null || typeof value.value === 'string'))) continue;
      out.push(notAString(value, `${path}.${key.source}`));
    }
    return;
  }
  if (schema.kind === 'list') {
    if (!isSeq(node)) {
      if (schema.shapeCheckedBy === undefined) out.push(wrongShape(file.text, node, schema, path));
      return;
    }
    node.items.forEach((item, i) => walk(file, item, schema.item, `${path}[${i}]`, out));
    return;
  }
  if (!isMap(node)) {
    if (schema.shapeCheckedBy === undefined) out.push(wrongShape(file.text, node, schema, path));
    return;
  }
  for (const pair of node.pairs) {
    const key = pairKey(pair);
    const child = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
    // Unknown keys are unknown-field's; inside them nothing is known about shapes.
    if (child) walk(file, pair.value, child, path === '' ? key : `${path}.${key}`, out);
  }
}

/**
 * A string field holding a number, a boolean, a map or a list: Kubernetes' JSON decoding fails
 * (`json: cannot unmarshal number into Go struct field ObjectMeta.metadata.namespace of type
 * string`). A number or boolean written plain is fixed by quoting it.
 */
function notAString(node: YNode, path: string): Finding {
  return {
    ruleId: 'field-type-invalid',
    message: `${path} must be a string, not ${describe(node)}: the API server cannot decode the policy and rejects it${node.type === 'scalar' ? ' (quote the value to make it a string)' : ''}.`,
    start: node.start,
    end: Math.max(node.end, node.start + 1),
    fixes: node.type === 'scalar' ? quoteScalarFix(node) : [],
  };
}

function wrongShape(text: string, node: YNode, schema: FieldSchema & { kind: 'map' | 'list' }, path: string): Finding {
  const expected = schema.kind === 'map' ? (schema.name === 'a map of strings' ? schema.name : 'a map of fields') : schema.item.kind === 'map' ? `a list, each item ${schema.item.name}` : 'a list';
  const fixes: FixData[] = schema.kind === 'list' && isMap(node) ? [wrapInList(text, node, path)] : [];
  return {
    ruleId: 'field-type-invalid',
    message: `${path} must be ${expected}, not ${describe(node)}: the API server cannot decode the policy and rejects it.`,
    start: node.start,
    end: Math.max(node.end, node.start + 1),
    fixes,
  };
}

function describe(node: YNode): string {
  switch (node.type) {
    case 'map':
      return 'a map';
    case 'seq':
      return 'a list';
    case 'scalar':
      return typeof node.value === 'string' ? `the string ${quoted(node.value)}` : `the ${typeof node.value} ${shown(node.source)}`;
  }
}

/** `{…}` becomes `[{…}]`; a block map gets a `- ` before its first key and its other lines move two columns right. */
function wrapInList(text: string, map: YMap, path: string): FixData {
  const edits: TextEditData[] = [];
  if (map.flow) {
    edits.push({ start: map.start, end: map.start, newText: '[' }, { start: map.end, end: map.end, newText: ']' });
  } else {
    edits.push({ start: map.start, end: map.start, newText: '- ' });
    for (let i = text.indexOf('\n', map.start); i !== -1 && i + 1 < map.end; i = text.indexOf('\n', i + 1)) {
      const next = text[i + 1];
      if (next !== '\n' && next !== '\r') edits.push({ start: i + 1, end: i + 1, newText: '  ' });
    }
  }
  return { title: `Make ${path} a list with this map as its only item`, edits, preferred: true };
}
