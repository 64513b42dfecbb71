/**
 * key → value → items, for resolving label selectors without testing every item: `matchLabels`
 * intersects the sets of its pairs, `In` unions the sets of its values, `Exists` the sets of all
 * values of its key; `NotIn` and `DoesNotExist` subtract from the whole. Results are cached by
 * the selector's text, so policies sharing a selector resolve it once.
 */
import { selectorKey } from './labelSelector';
import type { LabelSelector, Labels, SelectorRequirement } from './types';
import { WorkloadSet } from './workloadSet';

export class LabelIndex {
  private readonly byKey = new Map<string, Map<string, number[]>>();
  private readonly setCache = new Map<string, WorkloadSet>();
  private readonly selectorCache = new Map<string, WorkloadSet>();
  readonly all: WorkloadSet;

  constructor(labelsOfItems: readonly Labels[], size = labelsOfItems.length) {
    labelsOfItems.forEach((labels, index) => this.add(index, labels));
    this.all = WorkloadSet.full(size);
  }

  private add(index: number, labels: Labels): void {
    for (const [key, value] of Object.entries(labels)) {
      let values = this.byKey.get(key);
      if (!values) this.byKey.set(key, (values = new Map<string, number[]>()));
      const list = values.get(value);
      if (list) list.push(index);
      else values.set(value, [index]);
    }
  }

  /**
   * This index over another list of items: item `i` of this one is item `map[i]` there (-1:
   * gone, or changed and listed in `added` with its labels again), `added` are put in. The lists
   * are moved rather than read again from every item's labels; answers are computed afresh.
   */
  moved(map: Int32Array, size: number, added: readonly (readonly [number, Labels])[]): LabelIndex {
    const out = new LabelIndex([], size);
    for (const [key, values] of this.byKey) {
      const next = new Map<string, number[]>();
      for (const [value, list] of values) {
        const moved: number[] = [];
        for (const i of list) {
          const j = map[i] ?? -1;
          if (j >= 0) moved.push(j);
        }
        if (moved.length > 0) next.set(value, moved);
      }
      if (next.size > 0) out.byKey.set(key, next);
    }
    for (const [index, labels] of added) out.add(index, labels);
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
    return this.cached(`=${key}\u0000${value}`, () => WorkloadSet.of(this.size, this.byKey.get(key)?.get(value) ?? []));
  }

  private withAnyValue(key: string, values: readonly string[]): WorkloadSet {
    return values.reduce((acc, v) => acc.union(this.withValue(key, v)), WorkloadSet.empty(this.size));
  }

  private withKey(key: string): WorkloadSet {
    return this.cached(`?${key}`, () => WorkloadSet.of(this.size, [...(this.byKey.get(key)?.values() ?? [])].flat()));
  }

  private cached(key: string, make: () => WorkloadSet): WorkloadSet {
    let s = this.setCache.get(key);
    if (!s) this.setCache.set(key, (s = make()));
    return s;
  }
}
