/**
 * Interned port sets with memoised union and intersection: the connectivity matrix combines the
 * same few sets millions of times, so each distinct set gets a small id and each (id, id) result
 * is computed once. One table per engine instance (no module state).
 */
import { PortSet } from './portSet';

export interface InternedPortSet {
  readonly id: number;
  readonly set: PortSet;
}

const PAIR = 1 << 20;

export class PortSetTable {
  private readonly byKey = new Map<string, InternedPortSet>();
  private readonly byId: InternedPortSet[] = [];
  private readonly unions = new Map<number, InternedPortSet>();
  private readonly intersections = new Map<number, InternedPortSet>();
  private readonly differences = new Map<number, InternedPortSet>();
  readonly empty: InternedPortSet;
  readonly all: InternedPortSet;

  constructor() {
    this.empty = this.intern(PortSet.empty());
    this.all = this.intern(PortSet.all());
  }

  intern(set: PortSet): InternedPortSet {
    let e = this.byKey.get(set.key);
    if (!e) {
      e = { id: this.byId.length, set };
      this.byKey.set(set.key, e);
      this.byId.push(e);
    }
    return e;
  }

  get(id: number): InternedPortSet | undefined {
    return this.byId[id];
  }

  union(a: InternedPortSet, b: InternedPortSet): InternedPortSet {
    if (a === b || b === this.empty || a === this.all) return a;
    if (a === this.empty || b === this.all) return b;
    const key = a.id < b.id ? a.id * PAIR + b.id : b.id * PAIR + a.id;
    let r = this.unions.get(key);
    if (!r) this.unions.set(key, (r = this.intern(a.set.union(b.set))));
    return r;
  }

  intersect(a: InternedPortSet, b: InternedPortSet): InternedPortSet {
    if (a === b || b === this.all || a === this.empty) return a;
    if (b === this.empty || a === this.all) return b;
    const key = a.id < b.id ? a.id * PAIR + b.id : b.id * PAIR + a.id;
    let r = this.intersections.get(key);
    if (!r) this.intersections.set(key, (r = this.intern(a.set.intersect(b.set))));
    return r;
  }

  /** `a` minus `b` (not symmetric: the key keeps the order). */
  subtract(a: InternedPortSet, b: InternedPortSet): InternedPortSet {
    if (b === this.empty || a === this.empty) return a;
    if (a === b || b === this.all) return this.empty;
    const key = a.id * PAIR + b.id;
    let r = this.differences.get(key);
    if (!r) this.differences.set(key, (r = this.intern(a.set.subtract(b.set))));
    return r;
  }
}
