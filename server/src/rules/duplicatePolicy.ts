/**
 * `duplicate-policy`: two NetworkPolicies of the workspace with the same namespace (written, else
 * the default namespace) and name, or two cluster-wide policies (AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy, ClusterNetworkPolicy: cluster-scoped) of one kind and name. In a
 * cluster there is one object per name: whichever is applied last replaces the other, so one of
 * the two never takes effect. Each copy is reported, with related locations pointing at the others.
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import type { K8sObject } from '../model/k8sObject';
import { getMap, getScalar, type YScalar } from '../model/yamlTree';
import { workspaceRule, type LocatedFinding } from './crossFile/workspaceFindings';
import { isClusterPolicy } from '../analysis/readClusterPolicy';
import { isKubernetesNetworkPolicy } from './policy/networkPolicyTree';

interface Copy {
  readonly object: K8sObject;
  readonly name: YScalar;
  /** `NetworkPolicy prod/api`, `AdminNetworkPolicy deny-mon`. */
  readonly label: string;
  /** `in namespace prod` or `in the cluster` (cluster-scoped kinds). */
  readonly scope: string;
}

export const duplicatePolicyRule = workspaceRule('duplicate-policy', (analysis) => {
  const byKey = new Map<string, Copy[]>();
  for (const { key, copy } of policyCopies(analysis)) {
    const list = byKey.get(key);
    if (list) list.push(copy);
    else byKey.set(key, [copy]);
  }
  const out: LocatedFinding[] = [];
  for (const copies of byKey.values()) {
    if (copies.length < 2) continue;
    for (const copy of copies) {
      const others = copies.filter((c) => c !== copy);
      const kind = copy.object.kind;
      out.push({
        uri: copy.object.uri,
        finding: {
          ruleId: 'duplicate-policy',
          message:
            `Another ${kind} is named ${copy.object.name ?? ''} ${copy.scope} (${others.length === 1 ? '1 other copy' : `${others.length} other copies`}): ` +
            `${copy.scope === 'in the cluster' ? 'the cluster' : 'a namespace'} holds one object per name, so whichever is applied last replaces the other and only one of them takes effect.`,
          start: copy.name.start,
          end: copy.name.end,
          related: others.map((o) => ({ uri: o.object.uri, start: o.name.start, end: o.name.end, message: `the other ${o.label}` })),
        },
      });
    }
  }
  return out;
});

interface KeyedCopy {
  readonly key: string;
  readonly copy: Copy;
}

/** Every NetworkPolicy with its `namespace/name` and cluster-wide policy with its `Kind/name`, in workspace order; a file's list is kept while its model is. */
function policyCopies(analysis: WorkspaceAnalysis): KeyedCopy[] {
  const perFile = analysis.carried<ReadonlyMap<FileModel, readonly KeyedCopy[]>>('duplicate-policy:copies', (a, previous) => {
    const out = new Map<FileModel, readonly KeyedCopy[]>();
    for (const file of a.manifests.files()) out.set(file, previous?.get(file) ?? copiesOf(file, a.settings.defaultNamespace));
    return out;
  });
  const { manifests } = analysis;
  const uris = [...manifests.files()].map((f) => f.uri).sort();
  return uris.flatMap((uri) => {
    const file = manifests.getFile(uri);
    return file && !manifests.partialFiles.has(uri) ? (perFile.get(file) ?? []) : [];
  });
}

function copiesOf(file: FileModel, defaultNamespace: string): KeyedCopy[] {
  const out: KeyedCopy[] = [];
  for (const object of file.objects) {
    const cluster = isClusterPolicy(object);
    if ((!cluster && !isKubernetesNetworkPolicy(object)) || object.name === undefined) continue;
    const name = getScalar(getMap(object.node, 'metadata'), 'name');
    if (!name) continue;
    if (cluster) out.push({ key: `${object.kind}/${object.name}`, copy: { object, name, label: `${object.kind} ${object.name}`, scope: 'in the cluster' } });
    else {
      const namespace = object.namespace ?? defaultNamespace;
      out.push({ key: `${namespace}/${object.name}`, copy: { object, name, label: `NetworkPolicy ${namespace}/${object.name}`, scope: `in namespace ${namespace}` } });
    }
  }
  return out;
}
