/**
 * Whether a file's new model leaves the cluster views grouped as they were: what the grouping
 * reads of a file (clusterViews.ts and the modules it calls) compared between its two models.
 * Its path is the same (same uri); the rest is:
 * - not a kustomization (kustomize roots, builds and the unused files read those);
 * - the same `skipped` reason (a skipped file is in no view, and a build names the reason);
 * - objects or none (a manifest in a kustomization's folder that no build uses is unused only
 *   when it holds objects);
 * - the same object identities and cluster-wide policy API (alternatives.ts, wholeWorkspace.ts);
 * - the same family role (namespaceFamilies.ts: family views, and the files every loose view shares).
 * Kustomize patch files are for the caller to rule out (builds read their content), as is a
 * change in which files are patches (`ManifestSet.partialFiles`).
 */
import type { FileModel } from '../model/fileModel';
import { isKustomizationFile } from '../model/kustomize';
import type { IdentityCache } from './alternatives';
import { familyRole } from './namespaceFamilies';
import { uriPath } from './pathIndex';

export function keepsGrouping(before: FileModel, after: FileModel, identities: IdentityCache, defaultNamespace: string): boolean {
  if (isKustomizationFile(uriPath(after.uri)) || before.skipped !== after.skipped) return false;
  if (before.objects.length > 0 !== after.objects.length > 0 || familyRole(before) !== familyRole(after)) return false;
  if (identities.apiOf(before, defaultNamespace) !== identities.apiOf(after, defaultNamespace)) return false;
  const a = identities.of(before, defaultNamespace);
  const b = identities.of(after, defaultNamespace);
  if (a.length !== b.length) return false;
  const ids = new Set(a);
  return b.every((id) => ids.has(id));
}
