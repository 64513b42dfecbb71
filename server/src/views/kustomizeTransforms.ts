/**
 * One kustomization's transforms applied to the objects it accumulated, in kustomize's order:
 * strategic merge patches and `patches`, namespace, name prefix and suffix, labels, then JSON 6902
 * patches. Only what the analysis reads is transformed: names, namespaces, labels, selectors, pod
 * templates, and whatever patches write.
 */
import type { K8sObject } from '../model/k8sObject';
import { getMap, getString, isMap, type YMap, type YNode } from '../model/yamlTree';
import type { LabelSpec, PatchTarget } from './kustomization';
import { applyJsonPatch, strategicMerge, type JsonPatchOp } from './patches';
import { mergeStringMap, replaceScalar, updateAt, type Span } from './treeEdit';

export interface ResolvedPatch {
  readonly type: 'strategic' | 'json6902';
  readonly bodies: readonly unknown[];
  readonly target: PatchTarget | undefined;
}

/** A kustomization's transforms with its patch files read. */
export interface TransformLevel {
  readonly namespace: string | undefined;
  readonly namePrefix: string;
  readonly nameSuffix: string;
  readonly labels: readonly LabelSpec[];
  readonly patches: readonly ResolvedPatch[];
  readonly jsonPatches: readonly ResolvedPatch[];
}

/** An object on its way through the levels, with the name it had in its file (patches match either). */
export interface BuildItem {
  readonly obj: K8sObject;
  readonly originalName: string | undefined;
  /** Patch operations that could not be applied so far. */
  readonly failedPatches: number;
  /** A strategic merge patch with `$patch: delete` removed the object from the build. */
  readonly deleted?: boolean;
}

/** Kinds kustomize leaves without a namespace (the common cluster-scoped ones). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'Node',
  'IngressClass',
  'CSIDriver',
  'RuntimeClass',
  'PodSecurityPolicy',
  'ClusterIssuer',
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
  'GlobalNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'VolumeSnapshotClass',
]);

/** Whether kustomize (and the API server) leave objects of this kind without a namespace. */
export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** Where kustomize's label transformer writes selector labels (kind → paths; `create`: add missing maps). */
const SELECTOR_PATHS: Readonly<Record<string, readonly { path: readonly string[]; create: boolean }[]>> = {
  Deployment: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  ReplicaSet: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  DaemonSet: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  StatefulSet: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  Job: [{ path: ['spec', 'selector', 'matchLabels'], create: false }],
  CronJob: [{ path: ['spec', 'jobTemplate', 'spec', 'selector', 'matchLabels'], create: false }],
  ReplicationController: [{ path: ['spec', 'selector'], create: true }],
  Service: [{ path: ['spec', 'selector'], create: true }],
  PodDisruptionBudget: [{ path: ['spec', 'selector', 'matchLabels'], create: false }],
  NetworkPolicy: [
    { path: ['spec', 'podSelector', 'matchLabels'], create: false },
    { path: ['spec', 'ingress', '*', 'from', '*', 'podSelector', 'matchLabels'], create: false },
    { path: ['spec', 'egress', '*', 'to', '*', 'podSelector', 'matchLabels'], create: false },
  ],
};

const TEMPLATE_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  Deployment: [['spec', 'template', 'metadata', 'labels']],
  ReplicaSet: [['spec', 'template', 'metadata', 'labels']],
  DaemonSet: [['spec', 'template', 'metadata', 'labels']],
  StatefulSet: [['spec', 'template', 'metadata', 'labels']],
  Job: [['spec', 'template', 'metadata', 'labels']],
  ReplicationController: [['spec', 'template', 'metadata', 'labels']],
  CronJob: [
    ['spec', 'jobTemplate', 'metadata', 'labels'],
    ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  ],
};

export function applyLevel(items: readonly BuildItem[], level: TransformLevel): BuildItem[] {
  return items.flatMap((item) => {
    if (item.deleted) return [item];
    let cur = item;
    for (const p of level.patches) cur = applyPatch(cur, p);
    if (level.namespace !== undefined) cur = setNamespace(cur, level.namespace);
    if (level.namePrefix !== '' || level.nameSuffix !== '') cur = rename(cur, level.namePrefix, level.nameSuffix);
    for (const l of level.labels) cur = addLabels(cur, l);
    for (const p of level.jsonPatches) cur = applyPatch(cur, p);
    return [cur];
  });
}

function anchorOf(obj: K8sObject): Span {
  const k = obj.kindNode;
  return k ? { start: k.start, end: k.end } : { start: obj.start, end: Math.min(obj.end, obj.start + 1) };
}

/** The object with a new tree: name and namespace re-read from it. */
function withNode(item: BuildItem, node: YNode | undefined, failed = 0): BuildItem {
  if (!isMap(node) || node === item.obj.node) return failed ? { ...item, failedPatches: item.failedPatches + failed } : item;
  const metadata = getMap(node, 'metadata');
  return {
    ...item,
    failedPatches: item.failedPatches + failed,
    obj: copyWithNode(item.obj, node, getString(metadata, 'name'), getString(metadata, 'namespace')),
  };
}

/** Field by field: an object read from a tree keeps its spans in getters, which a spread leaves behind. */
function copyWithNode(obj: K8sObject, node: YMap, name: string | undefined, namespace: string | undefined): K8sObject {
  const { uri, docIndex, itemIndex, apiVersion, kind, apiVersionNode, kindNode, start, end } = obj;
  return { uri, docIndex, itemIndex, apiVersion, kind, apiVersionNode, kindNode, name, namespace, node, start, end };
}

function setNamespace(item: BuildItem, namespace: string): BuildItem {
  const { obj } = item;
  if (obj.kind === 'Namespace') {
    // kustomize renames the Namespace object itself to the namespace it sets.
    if (!obj.node) return { ...item, obj: { ...obj, name: namespace } };
    return withNode(item, updateAt(obj.node, ['metadata', 'name'], (n, a) => replaceScalar(n, namespace, a), true, anchorOf(obj)));
  }
  if (isClusterScopedKind(obj.kind)) return item;
  if (!obj.node) return { ...item, obj: { ...obj, namespace } };
  return withNode(item, updateAt(obj.node, ['metadata', 'namespace'], (n, a) => replaceScalar(n, namespace, a), true, anchorOf(obj)));
}

function rename(item: BuildItem, prefix: string, suffix: string): BuildItem {
  const { obj } = item;
  if (!obj.node || obj.name === undefined || obj.kind === 'Namespace' || obj.kind === 'CustomResourceDefinition') return item;
  const name = `${prefix}${obj.name}${suffix}`;
  return withNode(item, updateAt(obj.node, ['metadata', 'name'], (n, a) => replaceScalar(n, name, a), false, anchorOf(obj)));
}

function addLabels(item: BuildItem, spec: LabelSpec): BuildItem {
  const { obj } = item;
  if (!obj.node || Object.keys(spec.pairs).length === 0) return item;
  const anchor = anchorOf(obj);
  const merge = (n: YNode | undefined, a: Span): YNode => mergeStringMap(n, spec.pairs, a);
  let node: YNode | undefined = updateAt(obj.node, ['metadata', 'labels'], merge, true, anchor);
  if (spec.selectors) for (const s of SELECTOR_PATHS[obj.kind] ?? []) node = updateAt(node, s.path, merge, s.create, anchor);
  if (spec.templates) for (const p of TEMPLATE_PATHS[obj.kind] ?? []) node = updateAt(node, p, merge, true, anchor);
  return withNode(item, node);
}

function applyPatch(item: BuildItem, patch: ResolvedPatch): BuildItem {
  const { obj } = item;
  if (!obj.node) return item;
  if (patch.type === 'json6902') {
    if (!patch.target || !matchesTarget(item, patch.target)) return item;
    const ops = patch.bodies.filter((b): b is JsonPatchOp => typeof b === 'object' && b !== null && typeof (b as JsonPatchOp).op === 'string');
    const { root, failed } = applyJsonPatch(obj.node, ops);
    return withNode(item, root, failed);
  }
  let cur = item;
  for (const body of patch.bodies) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) continue;
    const b = body as Record<string, unknown>;
    const own = ownTarget(b);
    if (patch.target ? !matchesTarget(cur, patch.target) : !own || !matchesTarget(cur, own)) continue;
    if (b.$patch === 'delete') return { ...cur, deleted: true };
    // The patch names its object; it never renames or moves it.
    const { apiVersion: _a, kind: _k, ...rest } = b;
    const metadata = typeof rest.metadata === 'object' && rest.metadata !== null ? { ...(rest.metadata as Record<string, unknown>) } : undefined;
    if (metadata) {
      delete metadata.name;
      delete metadata.namespace;
    }
    const merged = strategicMerge(cur.obj.node, metadata ? { ...rest, metadata } : rest, anchorOf(cur.obj));
    cur = withNode(cur, merged);
  }
  return cur;
}

function ownTarget(body: Record<string, unknown>): PatchTarget | undefined {
  const metadata = typeof body.metadata === 'object' && body.metadata !== null ? (body.metadata as Record<string, unknown>) : {};
  if (typeof body.kind !== 'string' || typeof metadata.name !== 'string') return undefined;
  return { kind: body.kind, name: escapeRegex(metadata.name), namespace: typeof metadata.namespace === 'string' ? escapeRegex(metadata.namespace) : undefined };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function fullMatch(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return pattern === value;
  }
}

function matchesTarget(item: BuildItem, t: PatchTarget): boolean {
  const { obj } = item;
  if (t.kind !== undefined && t.kind !== obj.kind) return false;
  if (t.name !== undefined && !fullMatch(t.name, obj.name) && !fullMatch(t.name, item.originalName)) return false;
  if (t.namespace !== undefined && !fullMatch(t.namespace, obj.namespace ?? 'default')) return false;
  const [group, version] = splitApiVersion(obj.apiVersion);
  if (t.group !== undefined && t.group !== group) return false;
  if (t.version !== undefined && t.version !== version) return false;
  if (t.labelSelector !== undefined && !matchesLabelSelector(t.labelSelector, labelsOf(obj.node))) return false;
  return true;
}

function splitApiVersion(apiVersion: string | undefined): [string, string] {
  if (!apiVersion) return ['', ''];
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

function labelsOf(node: YMap | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of getMap(getMap(node, 'metadata'), 'labels')?.pairs ?? []) {
    const v = p.value;
    if (v?.type === 'scalar') out[p.key.source] = v.value === null ? '' : String(v.value);
  }
  return out;
}

/** `a=b,c!=d,e,!f,g in (x,y)`: the equality-based and set-based selector strings kustomize accepts. */
export function matchesLabelSelector(selector: string, labels: Readonly<Record<string, string>>): boolean {
  const terms = selector.match(/[^,(]+(\([^)]*\))?/g) ?? [];
  return terms.every((raw) => {
    const term = raw.trim();
    if (term === '') return true;
    let m = /^(\S+?)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (m) {
      const has = Object.prototype.hasOwnProperty.call(labels, m[1] as string);
      return m[2] === '!=' ? !has || labels[m[1] as string] !== m[3] : has && labels[m[1] as string] === m[3];
    }
    m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (m) {
      const values = (m[3] as string).split(',').map((v) => v.trim());
      const v = labels[m[1] as string];
      return m[2] === 'in' ? v !== undefined && values.includes(v) : v === undefined || !values.includes(v);
    }
    if (term.startsWith('!')) return !Object.prototype.hasOwnProperty.call(labels, term.slice(1));
    return Object.prototype.hasOwnProperty.call(labels, term);
  });
}
