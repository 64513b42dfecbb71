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
import type { ManifestSet } from '../model/manifestSet';
import { getMap, getScalar, type YScalar } from '../model/yamlTree';
import { OverlayMap } from '../collections/overlayMap';
import { workspaceChanges } from './crossFile/workspaceChanges';
import { sameFinding, shared } from './crossFile/workspaceFindings';
import type { Finding, Rule } from './types';
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

interface KeyedCopy {
  readonly key: string;
  readonly copy: Copy;
}

interface State {
  readonly manifests: ManifestSet;
  /** The copies of each file holding some (kustomize patches left out), in file order. */
  readonly perFile: OverlayMap<string, readonly KeyedCopy[]>;
  /** The files holding a copy of each key, sorted. */
  readonly filesOf: OverlayMap<string, readonly string[]>;
  readonly byUri: OverlayMap<string, readonly Finding[]>;
}

/**
 * A file's findings read the copies of its keys in other files only: an edit re-judges the files
 * sharing a key with a changed file (before or after the edit), and keeps the others'.
 */
export const duplicatePolicyRule: Rule = {
  id: 'duplicate-policy',
  scope: 'workspace',
  check: ({ file, analysis }) => shared(state(analysis).byUri, file.uri),
  prepare: (analysis) => void state(analysis),
};

function state(analysis: WorkspaceAnalysis): State {
  return analysis.carried<State>('rule:duplicate-policy', (a, previous, changed) => {
    const { manifests } = a;
    const copiesIn = (uri: string): KeyedCopy[] => {
      const file = manifests.partialFiles.has(uri) ? undefined : manifests.getFile(uri);
      return file ? copiesOf(file, a.settings.defaultNamespace) : [];
    };
    const uris = previous ? workspaceChanges(a, previous.manifests).files : manifests.sortedUris();
    const files = new Map<string, readonly KeyedCopy[] | undefined>();
    for (const uri of uris) {
      const copies = copiesIn(uri);
      if (copies.length > 0 || previous?.perFile.get(uri)) files.set(uri, copies.length > 0 ? copies : undefined);
    }
    const perFile = (previous?.perFile ?? EMPTY_COPIES).with(files);
    // The files of each key a changed file holds or held.
    const before = previous?.filesOf ?? EMPTY_FILES;
    const touched = new Map<string, Set<string>>();
    const group = (key: string): Set<string> => {
      let set = touched.get(key);
      if (!set) touched.set(key, (set = new Set(before.get(key))));
      return set;
    };
    for (const uri of files.keys()) for (const c of previous?.perFile.get(uri) ?? []) group(c.key).delete(uri);
    for (const [uri, copies] of files) for (const c of copies ?? []) group(c.key).add(uri);
    const filesOf = new Map<string, readonly string[] | undefined>();
    for (const [key, set] of touched) filesOf.set(key, set.size > 0 ? [...set].sort() : undefined);
    const groups = before.with(filesOf);
    // Files whose findings may differ: those holding a key a changed file holds or held.
    const judged = new Set<string>();
    for (const key of touched.keys()) for (const uri of [...(before.get(key) ?? []), ...(groups.get(key) ?? [])]) judged.add(uri);
    const byUri = new Map<string, readonly Finding[] | undefined>();
    for (const uri of judged) {
      const list = fileFindings(uri, perFile, groups);
      const old = previous?.byUri.get(uri);
      if (list.length === 0) {
        if (old) byUri.set(uri, undefined);
      } else if (!(old && old.length === list.length && old.every((f, i) => sameFinding(f, list[i] as Finding)))) byUri.set(uri, list);
    }
    changed(previous ? byUri.keys() : 'all');
    return { manifests, perFile, filesOf: groups, byUri: (previous?.byUri ?? EMPTY_FINDINGS).with(byUri) };
  });
}

const EMPTY_COPIES = OverlayMap.of(new Map<string, readonly KeyedCopy[]>());
const EMPTY_FILES = OverlayMap.of(new Map<string, readonly string[]>());
const EMPTY_FINDINGS = OverlayMap.of(new Map<string, readonly Finding[]>());

/** The findings of one file: each of its copies whose key another copy shares, in file order. */
function fileFindings(uri: string, perFile: OverlayMap<string, readonly KeyedCopy[]>, groups: OverlayMap<string, readonly string[]>): Finding[] {
  const out: Finding[] = [];
  for (const { key, copy } of perFile.get(uri) ?? []) {
    const copies = (groups.get(key) ?? []).flatMap((u) => (perFile.get(u) ?? []).filter((c) => c.key === key).map((c) => c.copy));
    if (copies.length < 2) continue;
    const others = copies.filter((c) => c !== copy);
    const kind = copy.object.kind;
    out.push({
      ruleId: 'duplicate-policy',
      message:
        `Another ${kind} is named ${copy.object.name ?? ''} ${copy.scope} (${others.length === 1 ? '1 other copy' : `${others.length} other copies`}): ` +
        `${copy.scope === 'in the cluster' ? 'the cluster' : 'a namespace'} holds one object per name, so whichever is applied last replaces the other and only one of them takes effect.`,
      start: copy.name.start,
      end: copy.name.end,
      related: others.map((o) => ({ uri: o.object.uri, start: o.name.start, end: o.name.end, message: `the other ${o.label}` })),
    });
  }
  return out;
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
