/**
 * The diff of two inputs, view by view: each side is read as cluster views (kustomize builds,
 * declared views, loose groups; see views/clusterViews.ts), views are paired by id (their path
 * relative to the side's folder), and each pair is diffed on its own — never one view against
 * another. A view on one side only is diffed against nothing (all its connections added or
 * removed).
 */
import type { NetpolLensSettings } from '../../../../shared/src/settings';
import { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { IpFamily } from '../../engine/cidr';
import { buildListing } from '../../engine/connectivityListing';
import type { ManifestSet } from '../../model/manifestSet';
import { ViewBuilder, type ClusterView } from '../../views/clusterViews';
import { diffConnectivity, type DiffEntry, type DiffSide } from './connectivityDiff';

export interface DiffInput {
  readonly manifests: ManifestSet;
  /** The folder view names are relative to (a posix path, as in file URIs). */
  readonly base: string;
}

/** The view a diff is about, as output names it. */
export interface DiffViewLabel {
  readonly id: string;
  readonly kind: ClusterView['kind'];
  readonly name: string;
  readonly partial: readonly string[];
}

export interface ViewDiff {
  readonly view: DiffViewLabel;
  /** Undefined where the view does not exist on that side. */
  readonly analysis1: WorkspaceAnalysis | undefined;
  readonly analysis2: WorkspaceAnalysis | undefined;
  readonly entries: readonly DiffEntry[];
}

export interface DiffResult {
  readonly views: readonly ViewDiff[];
  /** True when the inputs were read as several views (output then names each). */
  readonly multiView: boolean;
}

/** The diff of two sets of manifests taken whole (one view each); what the conformance cases compare. */
export function diffManifests(
  manifests1: ManifestSet | undefined,
  manifests2: ManifestSet | undefined,
  settings: NetpolLensSettings,
  families: readonly IpFamily[],
): { analysis1: WorkspaceAnalysis | undefined; analysis2: WorkspaceAnalysis | undefined; entries: DiffEntry[] } {
  const side = (manifests: ManifestSet | undefined): { analysis: WorkspaceAnalysis | undefined; side: DiffSide } => {
    if (!manifests) return { analysis: undefined, side: { entries: [], workloads: new Set() } };
    const analysis = new WorkspaceAnalysis(manifests, settings);
    const net = analysis.network;
    const entries = buildListing(net, analysis.connectivity(), { families });
    return { analysis, side: { entries, workloads: new Set(net.workloads.map((w) => w.id)) } };
  };
  const a = side(manifests1);
  const b = side(manifests2);
  return { analysis1: a.analysis, analysis2: b.analysis, entries: diffConnectivity(a.side, b.side) };
}

/**
 * Views are paired by id; a view without a namesake is paired with the other side's only view
 * when it has one (a folder that became alternatives is compared with what it was), else with
 * nothing.
 */
export function diffInputs(input1: DiffInput, input2: DiffInput, settings: NetpolLensSettings, families: readonly IpFamily[]): DiffResult {
  const views1 = new ViewBuilder().build(input1.manifests, settings, input1.base).views;
  const views2 = new ViewBuilder().build(input2.manifests, settings, input2.base).views;
  const byId1 = new Map(views1.map((v) => [v.id, v]));
  const byId2 = new Map(views2.map((v) => [v.id, v]));
  const pairs: [ClusterView | undefined, ClusterView | undefined][] = [];
  const used1 = new Set<ClusterView>();
  for (const v2 of views2) {
    const v1 = byId1.get(v2.id) ?? (views1.length === 1 ? views1[0] : undefined);
    if (v1) used1.add(v1);
    pairs.push([v1, v2]);
  }
  for (const v1 of views1) {
    if (used1.has(v1)) continue;
    pairs.push([v1, byId2.get(v1.id) ?? (views2.length === 1 ? views2[0] : undefined)]);
  }
  const views = pairs.map(([v1, v2]): ViewDiff => {
    const shown = (v2 ?? v1) as ClusterView;
    const partial = [...new Set([...(v1?.partial ?? []), ...(v2?.partial ?? [])])];
    return { view: { id: shown.id, kind: shown.kind, name: shown.name, partial }, ...diffManifests(v1?.manifests, v2?.manifests, settings, families) };
  });
  views.sort((x, y) => (x.view.id < y.view.id ? -1 : x.view.id > y.view.id ? 1 : 0));
  return { views, multiView: views.length > 1 };
}
