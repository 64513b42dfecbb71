/**
 * Where each id stands in a list of unique items (the engine's workloads), kept across edits
 * without a map of every item per edit. After an edit that adds or removes items (every later
 * index moves), the next index is made by `moved`: it keeps the first map as its origin with where
 * each of its items went (an Int32Array: the moves compose, so the origin stays the first map
 * however many edits follow) and holds only the ids placed since. Past `MAX_ADDED` ids placed
 * since the origin, the caller builds a map afresh.
 */

import { composeMoves } from './listAlignment';

/** Ids placed over an origin before the caller should build afresh. */
const MAX_ADDED = 256;

export class IdIndex {
  private constructor(
    private readonly origin: ReadonlyMap<string, number>,
    /** Origin index → index now (-1: gone); undefined: every origin item at its own index. */
    private readonly map: Int32Array | undefined,
    /** Ids placed since the origin, at their index now. */
    private readonly added: ReadonlyMap<string, number>,
  ) {}

  static of(ids: ReadonlyMap<string, number>): IdIndex {
    return new IdIndex(ids, undefined, new Map());
  }

  get(id: string): number | undefined {
    const placed = this.added.get(id);
    if (placed !== undefined) return placed;
    const i = this.origin.get(id);
    if (i === undefined || !this.map) return i;
    const now = this.map[i] ?? -1;
    return now < 0 ? undefined : now;
  }

  /**
   * This index after the items moved (`step`: index before → index now, -1: gone) and `placed`
   * put at their new indexes; undefined when too many ids were placed since the origin. The
   * caller vouches that the ids are unique: no placed id is one an item kept by `step` has.
   */
  moved(step: Int32Array, placed: Iterable<readonly [string, number]>): IdIndex | undefined {
    const added = new Map<string, number>();
    for (const [id, index] of this.added) {
      const now = step[index] ?? -1;
      if (now >= 0) added.set(id, now);
    }
    for (const [id, index] of placed) added.set(id, index);
    if (added.size > MAX_ADDED) return undefined;
    const before = this.map;
    const map = before ? composeMoves(before, step) : step.slice(0, this.origin.size);
    return new IdIndex(this.origin, map, added);
  }
}
