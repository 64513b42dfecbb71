/**
 * A workspace rule judged item by item (a route, a namespace, the cluster-wide tiers as one
 * item), re-judging after an edit only the items whose inputs the edit can have changed: an
 * item's findings are kept, with the manifests they were judged on, and reused while the item
 * is the same key and `holds` says none of what it reads changed since (workspaceChanges.ts).
 * The findings of a fresh analysis come out the same, item by item in `items` order.
 */
import type { RuleId } from '../../../../shared/src/ruleCatalogue';
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { ManifestSet } from '../../model/manifestSet';
import type { Rule } from '../types';
import { workspaceChanges, type WorkspaceChanges } from './workspaceChanges';
import { differingUris, groupByUri, keepUnchanged, sameFinding, shared, type ByUri, type LocatedFinding } from './workspaceFindings';

export interface ItemJudge<K, R = undefined> {
  /** The items (unique keys, compared by identity), in the order their findings are listed. */
  items(analysis: WorkspaceAnalysis): Iterable<K>;
  judge(item: K, analysis: WorkspaceAnalysis): LocatedFinding[];
  /** What an analysis says that `holds` needs of the analysis a reused finding was judged in (cheap: computed on every analysis). */
  record?(analysis: WorkspaceAnalysis): R;
  /**
   * Whether the findings judged for the item before `changes` still hold: nothing the item reads
   * changed. `before` and `now` are what `record` said of the two analyses.
   */
  holds(item: K, changes: WorkspaceChanges, before: R, now: R): boolean;
}

interface ItemState<K, R> {
  readonly manifests: ManifestSet;
  readonly recorded: R;
  readonly perItem: ReadonlyMap<K, readonly LocatedFinding[]>;
  readonly byUri: ByUri;
}

export function itemRule<K, R = undefined>(id: RuleId, judge: ItemJudge<K, R>, part = ''): Rule {
  const key = `rule:${id}${part === '' ? '' : `:${part}`}`;
  const state = (analysis: WorkspaceAnalysis): ItemState<K, R> =>
    analysis.carried<ItemState<K, R>>(key, (a, previous, changed) => {
      const changes = previous && workspaceChanges(a, previous.manifests);
      const recorded = judge.record?.(a) as R;
      const perItem = new Map<K, readonly LocatedFinding[]>();
      const all: LocatedFinding[] = [];
      for (const item of judge.items(a)) {
        const kept = changes && previous.perItem.get(item);
        const findings = kept && judge.holds(item, changes, previous.recorded, recorded) ? kept : judge.judge(item, a);
        perItem.set(item, findings);
        all.push(...findings);
      }
      const byUri = keepUnchanged(groupByUri(all), previous?.byUri, sameFinding);
      changed(previous ? differingUris(previous.byUri, byUri) : 'all');
      return { manifests: a.manifests, recorded, perItem, byUri };
    });
  return {
    id,
    scope: 'workspace',
    check: ({ file, analysis }) => shared(state(analysis).byUri, file.uri),
    prepare: (analysis) => void state(analysis),
  };
}
