/**
 * Deployment, DaemonSet, ReplicaSet and StatefulSet to apps/v1. The old versions defaulted
 * `spec.selector` to the pod template's labels; apps/v1 requires it written (and immutable), so the
 * migration adds `selector.matchLabels` with those labels when the selector is missing.
 */
import type { K8sObject } from '../../model/k8sObject';
import { at, getPair, isMap, isScalar, type YMap, type YPair } from '../../model/yamlTree';
import { insertMapEntries } from '../edit/insertEntries';
import { replaceScalar } from '../edit/replaceScalar';
import { renderFlow, type RenderValue } from '../edit/renderYaml';
import { detectLayout } from '../edit/yamlLayout';
import type { TextEditData } from '../types';

export interface MigrationResult {
  readonly edits: readonly TextEditData[];
  /** What the migration added beyond the version, for the fix title. */
  readonly changes: readonly string[];
}

/** Undefined when the object cannot become a valid apps/v1 object (no selector and no template labels). */
export function migrateWorkload(text: string, object: K8sObject, replacement: string): MigrationResult | undefined {
  const apiVersion = object.apiVersionNode;
  const spec = at(object.node, ['spec']);
  if (!apiVersion || !isMap(spec)) return undefined;
  const versionEdit = replaceScalar(apiVersion, replacement);
  const selector = getPair(spec, 'selector');
  if (selector && !(isScalar(selector.value) && selector.value.value === null) && selector.value !== undefined) {
    return { edits: [versionEdit], changes: [] };
  }
  const labels = at(spec, ['template', 'metadata', 'labels']);
  if (!isMap(labels) || labels.pairs.length === 0) return undefined;
  const matchLabels = labelsAsWritten(text, labels);
  if (!matchLabels) return undefined;
  const layout = detectLayout(text, object.node);
  const edit =
    selector ?
      { start: selector.key.start, end: selector.value?.end ?? selector.key.end, newText: `selector: ${renderFlow({ matchLabels })}` }
    : insertMapEntries(text, spec, { selector: { matchLabels } }, layout, selectorAnchor(spec));
  if (!edit) return undefined;
  return { edits: [versionEdit, edit], changes: ['spec.selector from the template labels'] };
}

/** Label keys and values copied as written (quotes kept), or undefined when one is not a scalar. */
function labelsAsWritten(text: string, labels: YMap): Record<string, RenderValue> | undefined {
  const out: Record<string, RenderValue> = {};
  for (const pair of labels.pairs) {
    if (!isScalar(pair.value)) return undefined;
    out[pair.key.source] = { verbatim: text.slice(pair.value.start, pair.value.end) };
  }
  return out;
}

/** Where the selector goes: after `replicas`, else just before `template`, else last. */
function selectorAnchor(spec: YMap): YPair | undefined {
  const replicas = getPair(spec, 'replicas');
  if (replicas) return replicas;
  const template = spec.pairs.findIndex((p) => p.key.source === 'template');
  return template > 0 ? spec.pairs[template - 1] : undefined;
}
