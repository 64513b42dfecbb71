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
  const analysis = (manifests: ManifestSet | undefined): WorkspaceAnalysis | undefined => (manifests ? new WorkspaceAnalysis(manifests, settings) : undefined);
  return diffAnalyses(analysis(manifests1), analysis(manifests2), families);
}

/** The diff of two analyses (either may be missing: a view on one side only). */
export function diffAnalyses(
  analysis1: WorkspaceAnalysis | undefined,
  analysis2: WorkspaceAnalysis | undefined,
  families: readonly IpFamily[],
): { analysis1: WorkspaceAnalysis | undefined; analysis2: WorkspaceAnalysis | undefined; entries: DiffEntry[] } {
  const key = analysis2 ?? analysis1;
  const known = key && pairs.get(key);
  if (known && known.analysis1 === analysis1 && known.analysis2 === analysis2 && known.families === families.join(',')) return { analysis1, analysis2, entries: known.entries };
  const entries = diffConnectivity(sideOf(analysis1, families), sideOf(analysis2, families));
  if (key) pairs.set(key, { analysis1, analysis2, families: families.join(','), entries });
  return { analysis1, analysis2, entries };
}

/** The last diff of each analysis with its other side: a view the edit did not touch is not diffed again. */
const pairs = new WeakMap<WorkspaceAnalysis, { analysis1: WorkspaceAnalysis | undefined; analysis2: WorkspaceAnalysis | undefined; families: string; entries: DiffEntry[] }>();

/** One side's listing, computed once per analysis (an analysis the editor keeps is diffed again as the other side changes). */
const sides = new WeakMap<WorkspaceAnalysis, { families: string; side: DiffSide }>();

function sideOf(analysis: WorkspaceAnalysis | undefined, families: readonly IpFamily[]): DiffSide {
  if (!analysis) return { entries: [], workloads: new Set() };
  const key = families.join(',');
  const known = sides.get(analysis);
  if (known?.families === key) return known.side;
  const net = analysis.network;
  const side: DiffSide = { entries: buildListing(net, analysis.connectivity(), { families }), workloads: new Set(net.workloads.map((w) => w.id)) };
  sides.set(analysis, { families: key, side });
  return side;
}

/** One side of a diff as cluster views, with the analysis of each (fresh, or the editor's cached ones). */
export interface ViewsSide {
  readonly views: readonly ClusterView[];
  readonly analysisOf: (view: ClusterView) => WorkspaceAnalysis;
}

/**
 * Views are paired by id; a view without a namesake is paired with the other side's only view
 * when it has one (a folder that became alternatives is compared with what it was), else with
 * nothing.
 */
export function diffInputs(input1: DiffInput, input2: DiffInput, settings: NetpolLensSettings, families: readonly IpFamily[]): DiffResult {
  const side = (input: DiffInput): ViewsSide => ({
    views: new ViewBuilder().build(input.manifests, settings, input.base).views,
    analysisOf: (view) => new WorkspaceAnalysis(view.manifests, settings),
  });
  return diffViews(side(input1), side(input2), families);
}

/** The diff of two sides read as views, paired as `diffInputs` says. */
export function diffViews(side1: ViewsSide, side2: ViewsSide, families: readonly IpFamily[]): DiffResult {
  const views1 = side1.views;
  const views2 = side2.views;
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
    return { view: { id: shown.id, kind: shown.kind, name: shown.name, partial }, ...diffAnalyses(v1 && side1.analysisOf(v1), v2 && side2.analysisOf(v2), families) };
  });
  views.sort((x, y) => (x.view.id < y.view.id ? -1 : x.view.id > y.view.id ? 1 : 0));
  return { views, multiView: views.length > 1 };
}
