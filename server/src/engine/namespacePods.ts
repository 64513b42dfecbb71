/**
 * Each namespace's workloads as a set (the engine's `podsIn`). After an edit that replaced one
 * run of the workload list (every later index moves), the sets derive from the first ones instead
 * of reading every workload again: the first sets stay the origin, with where each of their items
 * went (an Int32Array: the moves compose, so the origin stays the first however many edits
 * follow), and only the items placed since are held, by namespace; a namespace's set is made when
 * first asked. Past `MAX_PLACED` items placed since the origin, the caller builds afresh.
 */
import { composeMoves } from './listAlignment';
import type { Workload } from './types';
import { WorkloadSet } from './workloadSet';

/** Items placed over an origin before the caller should build afresh. */
const MAX_PLACED = 256;

export class NamespacePods {
  /** The sets made so far. */
  private readonly sets = new Map<string, WorkloadSet>();

  private constructor(
    private readonly size: number,
    private readonly origin: ReadonlyMap<string, WorkloadSet>,
    /** Origin index → index now (-1: gone); undefined: the origin is over this very list. */
    private readonly map: Int32Array | undefined,
    /** Items placed since the origin, at their index now, by namespace. */
    private readonly placed: ReadonlyMap<string, readonly number[]>,
    private readonly placedCount: number,
    /** The namespaces holding some workload (in no particular order). */
    private readonly holding: ReadonlySet<string>,
  ) {}

  static of(workloads: readonly Workload[]): NamespacePods {
    const lists = new Map<string, number[]>();
    let key: string | undefined;
    let list: number[] = [];
    workloads.forEach((w, i) => {
      if (w.namespace !== key) {
        key = w.namespace;
        list = lists.get(key) ?? [];
        lists.set(key, list);
      }
      list.push(i);
    });
    const origin = new Map<string, WorkloadSet>();
    for (const [ns, indexes] of lists) origin.set(ns, WorkloadSet.of(workloads.length, indexes));
    return new NamespacePods(workloads.length, origin, undefined, new Map(), 0, new Set(origin.keys()));
  }

  /** The workloads of a namespace (empty when it holds none). */
  get(namespace: string): WorkloadSet {
    let set = this.sets.get(namespace);
    if (!set) {
      const first = this.origin.get(namespace);
      const own = this.placed.get(namespace);
      set = first ? (this.map ? first.remapped(this.size, this.map) : first) : WorkloadSet.empty(this.size);
      if (own) set = set.union(WorkloadSet.of(this.size, own));
      this.sets.set(namespace, set);
    }
    return set;
  }

  namespaces(): Iterable<string> {
    return this.holding;
  }

  /** Whether the namespace holds some workload (without making its set). */
  holds(namespace: string): boolean {
    return this.holding.has(namespace);
  }

  /**
   * These sets over the workloads `now`, which are `before` (the list these sets are over) with
   * the run [start, beforeEnd) replaced by now's [start, nowEnd); `step`: index before → index
   * now for the items kept (-1: in the run). Undefined when too many items were placed since the
   * origin.
   */
  moved(step: Int32Array, before: readonly Workload[], now: readonly Workload[], start: number, beforeEnd: number, nowEnd: number): NamespacePods | undefined {
    const placed = new Map<string, number[]>();
    const place = (namespace: string, index: number): void => {
      const list = placed.get(namespace);
      if (list) list.push(index);
      else placed.set(namespace, [index]);
    };
    for (const [namespace, list] of this.placed) {
      for (const i of list) {
        const j = step[i] ?? -1;
        if (j >= 0) place(namespace, j);
      }
    }
    for (let j = start; j < nowEnd; j++) place((now[j] as Workload).namespace, j);
    if (this.placedCount + (nowEnd - start) > MAX_PLACED) return undefined;
    const map = this.map ? composeMoves(this.map, step) : step.slice(0, this.size);
    const holding = new Set(this.holding);
    const next = new NamespacePods(now.length, this.origin, map, placed, this.placedCount + (nowEnd - start), holding);
    // Only the namespaces of the replaced run can have gained their first workload or lost their last.
    const touched = new Set<string>();
    for (let i = start; i < beforeEnd; i++) touched.add((before[i] as Workload).namespace);
    for (let j = start; j < nowEnd; j++) touched.add((now[j] as Workload).namespace);
    for (const namespace of touched) {
      if (next.get(namespace).isEmpty()) holding.delete(namespace);
      else holding.add(namespace);
    }
    return next;
  }
}
