/** File offsets → the protocol's plain `Location` (line/character), for custom request results. */
import type { Location } from '../../../shared/src/protocol';
import type { WorkloadItem } from '../../../shared/src/protocol';
import type { WorkloadInfo } from '../analysis/workspaceAnalysis';
import type { ManifestSet } from '../model/manifestSet';
import { definitionOf, type OffsetLocation } from './markdown';

export function toLocation(manifests: ManifestSet, loc: OffsetLocation): Location | undefined {
  const file = manifests.getFile(loc.uri);
  if (!file) return undefined;
  return { uri: loc.uri, range: { start: file.lineIndex.positionAt(loc.start), end: file.lineIndex.positionAt(loc.end) } };
}

export function workloadItem(manifests: ManifestSet, w: WorkloadInfo): WorkloadItem {
  const source = w.sources[0];
  const { id, name, namespace, kind } = w.workload;
  return { id, name, namespace, kind, location: source ? toLocation(manifests, definitionOf(source)) : undefined };
}
