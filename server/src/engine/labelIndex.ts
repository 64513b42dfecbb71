/**
 * key → value → items, for resolving label selectors without testing every item: `matchLabels`
 * intersects the sets of its pairs, `In` unions the sets of its values, `Exists` the sets of all
 * values of its key; `NotIn` and `DoesNotExist` subtract from the whole. Results are cached by
 * the selector's text, so policies sharing a selector resolve it once.
 *
 * After an edit that adds or removes items (every later index moves), the next index is made by
 * `moved`: it keeps the first index as its origin with where each of its items went, and holds
 * only the items added since; a label's set is the origin's, carried to the new indexes, with the
 * added items'. Nothing proportional to the items is read per edit, and however many edits
 * follow, the origin stays the first index (the maps compose); past `MAX_ADDED` added items an
 * index is built afresh.
 */
import { selectorKey } from './labelSelector';
import { composeMoves } from './listAlignment';
import type { LabelSelector, Labels, SelectorRequirement } from './types';
import { WorkloadSet } from './workloadSet';

/** Items added over an origin before the caller should build afresh. */
const MAX_ADDED = 256;

/** The index a moved one derives from, and where each of its items went (-1: gone). */
interface Origin {
  readonly index: LabelIndex;
  readonly map: Int32Array;
}

export class LabelIndex {
  /** Every item's labels; with an origin, only the items added over it. */
  private readonly byKey = new Map<string, Map<string, number[]>>();
  private added = 0;
  private readonly setCache = new Map<string, WorkloadSet>();
  private readonly selectorCache = new Map<string, WorkloadSet>();
  readonly all: WorkloadSet;

  constructor(
    labelsOfItems: readonly Labels[],
    size = labelsOfItems.length,
    private readonly origin?: Origin,
  ) {
    labelsOfItems.forEach((labels, index) => this.add(index, labels));
    this.all = WorkloadSet.full(size);
  }

  private add(index: number, labels: Labels): void {
    for (const [key, value] of Object.entries(labels)) this.put(key, value, index);
  }

  private put(key: string, value: string, index: number): void {
    let values = this.byKey.get(key);
    if (!values) this.byKey.set(key, (values = new Map<string, number[]>()));
    const list = values.get(value);
    if (list) list.push(index);
    else values.set(value, [index]);
  }

  /** Own items' set, with the origin's carried over. */
  private withOrigin(own: readonly number[], fromOrigin: (origin: LabelIndex) => WorkloadSet): WorkloadSet {
    const set = WorkloadSet.of(this.size, own);
    if (!this.origin) return set;
    return set.union(fromOrigin(this.origin.index).remapped(this.size, this.origin.map));
  }

  /**
   * This index over another list of items: item `i` of this one is item `map[i]` there (-1:
   * gone, or changed and listed in `added` with its labels again), `added` are put in. Undefined
   * when too many items were added since an index was built afresh (build one then).
   */
  moved(map: Int32Array, size: number, added: readonly (readonly [number, Labels])[]): LabelIndex | undefined {
    if (this.added + added.length > MAX_ADDED) return undefined;
    let origin: Origin = { index: this, map };
    if (this.origin) {
      origin = { index: this.origin.index, map: composeMoves(this.origin.map, map) };
    }
    const out = new LabelIndex([], size, origin);
    // This index's own items are those added over its origin: they move too.
    if (this.origin) {
      for (const [key, values] of this.byKey) {
        for (const [value, list] of values) {
          for (const i of list) {
            const j = map[i] ?? -1;
            if (j >= 0) out.put(key, value, j);
          }
        }
      }
    }
    out.added = this.origin ? this.added : 0;
    for (const [index, labels] of added) out.add(index, labels);
    out.added += added.length;
    return out;
  }

  get size(): number {
    return this.all.size;
  }

  /** Every item the selector matches (missing or `{}`: all). */
  resolve(selector: LabelSelector | undefined): WorkloadSet {
    const key = selectorKey(selector);
    let result = this.selectorCache.get(key);
    if (!result) {
      result = this.all;
      for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) result = result.intersect(this.withValue(k, v));
      for (const req of selector?.matchExpressions ?? []) result = result.intersect(this.requirement(req));
      this.selectorCache.set(key, result);
    }
    return result;
  }

  private requirement(req: SelectorRequirement): WorkloadSet {
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        return this.withAnyValue(req.key, values);
      case 'NotIn':
        return values.length === 0 ? WorkloadSet.empty(this.size) : this.all.subtract(this.withAnyValue(req.key, values));
      case 'Exists':
        return this.withKey(req.key);
      case 'DoesNotExist':
        return this.all.subtract(this.withKey(req.key));
      default:
        return WorkloadSet.empty(this.size);
    }
  }

  private withValue(key: string, value: string): WorkloadSet {
    return this.cached(`=${key}\u0000${value}`, () => this.withOrigin(this.byKey.get(key)?.get(value) ?? [], (o) => o.withValue(key, value)));
  }

  private withAnyValue(key: string, values: readonly string[]): WorkloadSet {
    return values.reduce((acc, v) => acc.union(this.withValue(key, v)), WorkloadSet.empty(this.size));
  }

  private withKey(key: string): WorkloadSet {
    return this.cached(`?${key}`, () => this.withOrigin([...(this.byKey.get(key)?.values() ?? [])].flat(), (o) => o.withKey(key)));
  }

  private cached(key: string, make: () => WorkloadSet): WorkloadSet {
    let s = this.setCache.get(key);
    if (!s) this.setCache.set(key, (s = make()));
    return s;
  }
}
