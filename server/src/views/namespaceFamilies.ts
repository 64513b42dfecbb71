/**
 * An object written without `metadata.namespace` lands in the namespace it is applied into
 * (`kubectl apply -n`, the context's namespace). Files applied together share it; files of
 * unrelated folders need not: istio's `tests/integration/ambient/testdata/only-hbone.yaml` and
 * `samples/ambient-argo/application/productpage.yaml` were read as one namespace, so a test's
 * policy "blocked" a sample's route, and argo-cd's e2e default-deny "isolated" 23 example
 * workloads from all over the repository.
 *
 * So the folders of loose files holding such objects are grouped into **families**: a folder joins
 * its ancestors and its siblings that hold such objects too (an app beside its `policies/` folder;
 * a file at the root joins everything) — but not the siblings it has in a folder of cases
 * (`testdata/`, `examples/`, `samples/`, `fixtures/`…): argo-cd's 96 `test/e2e/testdata/*` apps and
 * istio's `samples/*` are each deployed on their own.
 *
 * Where a loose view holds several families, each family is also read apart, with the files every
 * loose view holds that hold no such object (explicit namespaces, cluster-wide objects): its
 * **family view**. A
 * finding of the loose view in a file of a family must hold in the family view too
 * (`service/familyFindings.ts`).
 */
import { posix } from 'node:path';
import { isCustomApiVersion } from '../model/apiGroups';
import { isCaseFolder } from '../model/caseFolders';
import type { FileModel } from '../model/fileModel';
import { isAnalysedKind, ROUTING_KINDS, type K8sObject } from '../model/k8sObject';
import { catalogueEntry } from '../analysis/operators/catalogue';
import { isClusterScopedKind } from './kustomizeTransforms';
import { uriPath } from './pathIndex';

/**
 * An object the analysis reads: a kind it analyses, or a custom resource — an operator's, a route,
 * or one it does not know (its controller may make pods). A custom resource known to only
 * configure something (a Kyverno ClusterPolicy, a Certificate) is read as nothing, like a
 * ConfigMap: beside a repository's test cases, Kyverno's policies joined every case of a folder.
 */
function analysed(o: K8sObject): boolean {
  if (isAnalysedKind(o.kind)) return true;
  if (!isCustomApiVersion(o.apiVersion)) return false;
  const entry = catalogueEntry(o.apiVersion, o.kind);
  return entry === undefined || entry.makesPods || ROUTING_KINDS.has(`${entry.group}/${entry.kind}`);
}

/** An object the analysis places in the default namespace because it names none. */
export function takesNamespaceFromApply(o: K8sObject): boolean {
  return o.namespace === undefined && !isClusterScopedKind(o.kind) && analysed(o);
}

/** What a file's objects are to families: their own (namespace-less objects), every family's (other analysed objects), or nothing. */
export type FamilyRole = 'own' | 'shared' | 'none';

const roles = new WeakMap<FileModel, FamilyRole>();

/** The file's role, per model. */
export function familyRole(file: FileModel): FamilyRole {
  let role = roles.get(file);
  if (role === undefined) {
    role = file.objects.some(takesNamespaceFromApply) ? 'own' : file.objects.some(analysed) ? 'shared' : 'none';
    roles.set(file, role);
  }
  return role;
}

/** The folder of a file, as families group them. */
export function folderOf(file: FileModel): string {
  return posix.dirname(uriPath(file.uri));
}

/**
 * Folders whose subfolders are independent cases: tests, examples, samples — also as a word of a
 * longer name (`kubernetes-examples`, the root of a repository of examples; `e2e-manifests`,
 * `sample_apps`), but not inside a word (`latest`, `contest`).
 */

/**
 * The case a file belongs to, when it lies in a folder of cases: the child of the nearest such
 * folder on the way to it (a subfolder, or the file itself). A shared file of one case (argo-cd's
 * `gitops-engine/pkg/health/testdata/pod-imagepullbackoff.yaml`, `namespace: default`) is not
 * read with the families of other cases; undefined: shared with every family.
 */
export function caseOf(path: string): string | undefined {
  for (let child = path, dir = posix.dirname(path); dir !== child; child = dir, dir = posix.dirname(dir)) {
    if (isCaseFolder(posix.basename(dir))) return child;
  }
  return undefined;
}

/** Whether a shared file of case `scope` (caseOf) is read with the family named `family`: one holds the other. */
export function sharedWith(scope: string | undefined, family: string): boolean {
  return scope === undefined || within(family, scope) || within(scope, family);
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}

/** For each folder, the family it belongs to (named by the family's common folder). */
export function folderFamilies(folders: Iterable<string>): Map<string, string> {
  const set = new Set(folders);
  const parent = new Map<string, string>();
  for (const f of set) parent.set(f, f);
  const find = (f: string): string => {
    let root = f;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    for (let cur = f; cur !== root; ) {
      const next = parent.get(cur) as string;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const firstChild = new Map<string, string>();
  for (const f of set) {
    for (let up = posix.dirname(f); ; up = posix.dirname(up)) {
      if (set.has(up)) union(f, up);
      if (up === posix.dirname(up)) break;
    }
    const dir = posix.dirname(f);
    if (isCaseFolder(posix.basename(dir))) continue;
    const sibling = firstChild.get(dir);
    if (sibling === undefined) firstChild.set(dir, f);
    else union(f, sibling);
  }
  const members = new Map<string, string[]>();
  for (const f of set) {
    const root = find(f);
    const list = members.get(root);
    if (list) list.push(f);
    else members.set(root, [f]);
  }
  const out = new Map<string, string>();
  for (const list of members.values()) {
    const name = commonAncestor(list);
    for (const f of list) out.set(f, name);
  }
  return out;
}

function commonAncestor(folders: readonly string[]): string {
  let common = folders[0] ?? '/';
  for (const f of folders) {
    while (common !== '/' && f !== common && !f.startsWith(`${common}/`)) common = posix.dirname(common);
  }
  return common;
}

/** A loose view's files of each family (`familyOf`: the family of each file holding namespace-less objects); undefined when the view holds one family or none. */
export function splitByFamily(files: Iterable<FileModel>, familyOf: ReadonlyMap<FileModel, string>): Map<string, FileModel[]> | undefined {
  const own = new Map<string, FileModel[]>();
  for (const f of files) {
    const family = familyOf.get(f);
    if (family === undefined) continue;
    const list = own.get(family);
    if (list) list.push(f);
    else own.set(family, [f]);
  }
  return own.size < 2 ? undefined : own;
}
