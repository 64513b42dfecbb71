/**
 * The CodeLens at the top of a manifest with uncommitted changes: what the workspace's changes
 * against HEAD do to connectivity ("vs HEAD: opens 3 paths, closes 1"), counted over the whole
 * workspace as the compare view shows it, since a change in one file (a label) can open a path
 * another file's policy allows. Shown on files that hold what connectivity is read from
 * (policies, workloads, namespaces, kustomizations), now or at HEAD.
 */
import { isKustomizationFile } from '../model/kustomize';
import type { FileModel } from '../model/fileModel';
import { isAnalysedKind } from '../model/k8sObject';
import type { ManifestSet } from '../model/manifestSet';
import { uriToPath } from '../workspace/loadFolder';
import type { DiffCounts } from './diff/editorDiff';
import { plural } from './markdown';

/** `vs HEAD: opens 3 paths, closes 1`; `(this file and 2 others)` after `HEAD` when other files changed too. */
export function headLensTitle(counts: DiffCounts, otherChangedFiles: number): string {
  const scope = otherChangedFiles > 0 ? ` (this file and ${plural(otherChangedFiles, 'other')})` : '';
  const { opened, closed } = counts;
  let effect: string;
  if (opened === 0 && closed === 0) effect = 'no change in connectivity';
  else if (closed === 0) effect = `opens ${plural(opened, 'path')}`;
  else if (opened === 0) effect = `closes ${plural(closed, 'path')}`;
  else effect = `opens ${plural(opened, 'path')}, closes ${closed}`;
  return `vs HEAD${scope}: ${effect}`;
}

/** The files whose text differs between the base and the workspace (added and deleted ones included), sorted. */
export function changedFiles(current: ManifestSet, base: ManifestSet): string[] {
  const out = new Set<string>();
  for (const f of current.files()) {
    const b = base.getFile(f.uri);
    if (b !== f && b?.text !== f.text) out.add(f.uri);
  }
  for (const b of base.files()) if (!current.getFile(b.uri)) out.add(b.uri);
  return [...out].sort();
}

/** Whether connectivity is read from the file: a policy, workload, namespace (or a list of them), a kustomization. */
export function readsConnectivity(file: FileModel | undefined): boolean {
  if (!file) return false;
  return isKustomizationFile(uriToPath(file.uri)) || file.objects.some((o) => isAnalysedKind(o.kind));
}
