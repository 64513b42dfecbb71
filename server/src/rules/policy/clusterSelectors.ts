/**
 * The "exactly one field" shapes of cluster-wide policies (a subject, a peer, a port entry,
 * a destination port) and the `pods` field's required `podSelector`: what the CRD's
 * minProperties/maxProperties and required lists refuse, as findings.
 */
import { getPair, isMap, type YMap, type YNode } from '../../model/yamlTree';
import type { RuleId } from '../../../../shared/src/ruleCatalogue';
import { insertMapEntries } from '../edit/insertEntries';
import { detectLayout } from '../edit/yamlLayout';
import type { Finding } from '../types';
import { crdRejects, present, setKeys, type ClusterPolicyObject } from './clusterPolicyTree';

/**
 * A finding when `map` sets no field or several of `fields` (keys outside `fields` are
 * unknown-field's to report). `what` names the thing (`A subject`), `hint` says what to write.
 */
export function exactlyOne(
  ruleId: RuleId,
  policy: ClusterPolicyObject,
  node: YNode,
  path: string,
  fields: readonly string[],
  what: string,
  consequence: string,
): Finding | undefined {
  const map = isMap(node) ? node : undefined;
  const set = setKeys(map).filter((k) => fields.includes(k));
  if (set.length === 1) return undefined;
  const list = fields.map((f) => `\`${f}\``).join(', ');
  const detail = set.length === 0 ? `${path} in body should have at least 1 properties` : `${path} in body should have at most 1 properties`;
  const lead = set.length === 0 ? `${what} sets none of ${list}: it must set exactly one.` : `${what} sets ${set.map((f) => `\`${f}\``).join(' and ')}: it must set exactly one of ${list}.`;
  // Several: under the second field set (the one too many); none: under the first key, or the whole (empty) value.
  const at = set.length > 1 ? getPair(map, set[1] ?? '')?.key : map?.pairs[0]?.key;
  return {
    ruleId,
    message: `${lead} ${crdRejects(policy, path, 'Invalid value', set.length, detail)}, ${consequence}`,
    start: at?.start ?? node.start,
    end: at?.end ?? Math.max(node.end, node.start + 1),
  };
}

/**
 * `pods` needs `podSelector` (and in v1alpha1 `namespaceSelector`): a finding per missing one, with
 * the fix that writes the empty selector (what the analysers read a missing one as: all).
 */
export function podsSelectorsMissing(text: string, ruleId: RuleId, policy: ClusterPolicyObject, pods: YMap, path: string, consequence: string): Finding[] {
  const required = policy.kind === 'ClusterNetworkPolicy' ? ['podSelector'] : ['namespaceSelector', 'podSelector'];
  const out: Finding[] = [];
  const key = getPair(pods, 'podSelector')?.key ?? pods.pairs[0]?.key;
  for (const field of required) {
    if (present(getPair(pods, field)?.value)) continue;
    const at = getPair(pods, field)?.key ?? key;
    const meaning = field === 'podSelector' ? 'every pod of those namespaces' : 'every namespace';
    const edit = insertMapEntries(text, pods, { [field]: {} }, detectLayout(text, policy.root));
    out.push({
      ruleId,
      message: `\`pods\` needs a \`${field}\` (\`${field}: {}\` for ${meaning}). ${crdRejects(policy, `${path}.${field}`, 'Required value', undefined, '')}, ${consequence}`,
      start: at?.start ?? pods.start,
      end: at?.end ?? pods.start + 1,
      fixes: edit ? [{ title: `Add ${field}: {} (${meaning})`, edits: [edit], preferred: true, safe: true }] : [],
    });
  }
  return out;
}
