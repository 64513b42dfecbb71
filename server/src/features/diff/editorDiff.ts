/**
 * The connectivity diff the editor asks for (the compare view, the HEAD lens): the workspace's
 * side is read with the views and analyses the findings service already keeps for diagnostics,
 * the base's side with its own, kept while the base stays the same. So a diff after an edit
 * costs the listing of the edited views and the comparison, not two fresh analyses.
 */
import type { NetpolLensSettings } from '../../../../shared/src/settings';
import { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { ManifestSet } from '../../model/manifestSet';
import type { FindingsService } from '../../service/findingsService';
import { ViewBuilder, type ClusterView } from '../../views/clusterViews';
import { closesSomething, opensSomething } from './connectivityDiff';
import { diffViews, type DiffResult } from './diffViews';

/** What a diff opens and closes: pairs whose connections gained something, and lost something. */
export interface DiffCounts {
  readonly opened: number;
  readonly closed: number;
}

export function diffCounts(result: DiffResult): DiffCounts {
  let opened = 0;
  let closed = 0;
  for (const view of result.views) {
    for (const e of view.entries) {
      if (opensSomething(e)) opened++;
      if (closesSomething(e)) closed++;
    }
  }
  return { opened, closed };
}

export class EditorDiff {
  private readonly baseViews = new ViewBuilder();
  private readonly baseAnalyses = new WeakMap<ManifestSet, Map<NetpolLensSettings, WorkspaceAnalysis>>();
  private last: { current: ManifestSet; base: ManifestSet; settings: NetpolLensSettings; result: DiffResult } | undefined;

  constructor(private readonly findings: FindingsService) {}

  /** The workspace against `base`, view by view; views are named relative to the workspace's folder on both sides. */
  diff(current: ManifestSet, base: ManifestSet, settings: NetpolLensSettings): DiffResult {
    const l = this.last;
    if (l && l.current === current && l.base === base && l.settings === settings) return l.result;
    const now = this.findings.views(current, settings);
    const before = this.baseViews.build(base, settings, now.base);
    const result = diffViews(
      { views: before.views, analysisOf: (view) => this.baseAnalysis(view, settings) },
      { views: now.views, analysisOf: (view) => this.findings.analysisOfView(view, settings) },
      ['ipv4'],
    );
    this.last = { current, base, settings, result };
    return result;
  }

  private baseAnalysis(view: ClusterView, settings: NetpolLensSettings): WorkspaceAnalysis {
    let perSettings = this.baseAnalyses.get(view.manifests);
    if (!perSettings) this.baseAnalyses.set(view.manifests, (perSettings = new Map<NetpolLensSettings, WorkspaceAnalysis>()));
    let analysis = perSettings.get(settings);
    if (!analysis) perSettings.set(settings, (analysis = new WorkspaceAnalysis(view.manifests, settings)));
    return analysis;
  }
}
