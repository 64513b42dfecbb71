/**
 * A workspace rule judged item by item (a route, a namespace, the cluster-wide tiers as one
 * item), re-judging after an edit only the items whose inputs the edit can have changed: an
 * item's findings are kept, with the manifests they were judged on, and reused while the item
 * is the same key and `holds` says none of what it reads changed since (workspaceChanges.ts).
 * The findings of a fresh analysis come out the same, item by item in `items` order.
 *
 * A judge that says where its items stand (`placement`) is not asked about every item: while the
 * items are the very same array, an edit visits only the items its changes touch
 * (itemPlacement.ts); when every item visited keeps findings equal to those it had, the previous
 * result is the result.
 */
import type { RuleId } from '../../../../shared/src/ruleCatalogue';
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { ManifestSet } from '../../model/manifestSet';
import type { Rule } from '../types';
import { ItemPlacements, type Placement } from './itemPlacement';
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
  /**
   * For a judge whose `holds` reads of the changes nothing but the item's file, the workloads,
   * NetworkPolicies and Services of the item's namespaces, and what `wide` reads: then `holds`
   * is true for every item outside the changed file and namespaces while `wide` is false.
   */
  placement?: {
    of(item: K): Placement;
    /** Changes that concern every item. */
    wide(changes: WorkspaceChanges): boolean;
  };
}

interface ItemState<K, R> {
  readonly manifests: ManifestSet;
  readonly recorded: R;
  readonly perItem: ReadonlyMap<K, readonly LocatedFinding[]>;
  readonly byUri: ByUri;
  /** Where the items judged stand (judges with a placement, items given as an array). */
  readonly placements: ItemPlacements<K> | undefined;
}

export function itemRule<K, R = undefined>(id: RuleId, judge: ItemJudge<K, R>, part = ''): Rule {
  const key = `rule:${id}${part === '' ? '' : `:${part}`}`;
  const state = (analysis: WorkspaceAnalysis): ItemState<K, R> =>
    analysis.carried<ItemState<K, R>>(key, (a, previous, changed) => {
      const changes = previous && workspaceChanges(a, previous.manifests);
      const recorded = judge.record?.(a) as R;
      const items = judge.items(a);
      const placements = placementsOf(judge, items, previous?.placements);
      // Judged already in this analysis (the touched items, when some finding changed).
      let judged: Map<K, readonly LocatedFinding[]> | undefined;
      if (previous && changes && placements && placements === previous.placements && !judge.placement?.wide(changes)) {
        judged = new Map();
        let same = true;
        for (const item of placements.touched(changes)) {
          const kept = previous.perItem.get(item);
          if (kept && judge.holds(item, changes, previous.recorded, recorded)) continue;
          const findings = judge.judge(item, a);
          judged.set(item, findings);
          if (!kept || !sameLocated(kept, findings)) same = false;
        }
        if (same) {
          changed(new Set());
          return { manifests: a.manifests, recorded, perItem: previous.perItem, byUri: previous.byUri, placements };
        }
      }
      const perItem = new Map<K, readonly LocatedFinding[]>();
      const all: LocatedFinding[] = [];
      for (const item of items) {
        const kept = changes && previous.perItem.get(item);
        const findings = judged?.get(item) ?? (kept && judge.holds(item, changes, previous.recorded, recorded) ? kept : judge.judge(item, a));
        perItem.set(item, findings);
        all.push(...findings);
      }
      const byUri = keepUnchanged(groupByUri(all), previous?.byUri, sameFinding);
      changed(previous ? differingUris(previous.byUri, byUri) : 'all');
      return { manifests: a.manifests, recorded, perItem, byUri, placements };
    });
  return {
    id,
    scope: 'workspace',
    check: ({ file, analysis }) => shared(state(analysis).byUri, file.uri),
    prepare: (analysis) => void state(analysis),
  };
}

/** The items' placements: the previous ones while the items are the very same array. */
function placementsOf<K, R>(judge: ItemJudge<K, R>, items: Iterable<K>, previous: ItemPlacements<K> | undefined): ItemPlacements<K> | undefined {
  const placement = judge.placement;
  if (!placement || !Array.isArray(items)) return undefined;
  const list = items as readonly K[];
  return previous?.items === list ? previous : new ItemPlacements(list, (item) => placement.of(item));
}

function sameLocated(a: readonly LocatedFinding[], b: readonly LocatedFinding[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((x, i) => {
        const y = b[i];
        return y !== undefined && x.uri === y.uri && sameFinding(x.finding, y.finding);
      }))
  );
}
