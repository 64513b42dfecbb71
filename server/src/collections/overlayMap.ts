/**
 * An immutable map derived from the previous one by a few changes without copying it: the
 * changes are a layer over the older map, and the layers are merged into a fresh map once they
 * are many or large. The per-policy rules keep findings per policy and per file this way, so an
 * edit that re-checks a few policies costs in proportion to them, not to the workspace.
 */
const GONE = Symbol('gone');

/** Merge when this many layers stand over the base, or when they hold a quarter as many keys as it. */
const MAX_LAYERS = 8;

export class OverlayMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    /** Newest first. */
    private readonly layers: readonly ReadonlyMap<K, V | typeof GONE>[],
    private readonly layered: number,
  ) {}

  static of<K, V>(map: ReadonlyMap<K, V>): OverlayMap<K, V> {
    return new OverlayMap(map, [], 0);
  }

  get(key: K): V | undefined {
    for (const layer of this.layers) {
      const v = layer.get(key);
      if (v !== undefined) return v === GONE ? undefined : v;
    }
    return this.base.get(key);
  }

  has(key: K): boolean {
    for (const layer of this.layers) {
      const v = layer.get(key);
      if (v !== undefined) return v !== GONE;
    }
    return this.base.has(key);
  }

  /** Every entry (a full pass: for callers that read every key anyway). */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return (this.layers.length === 0 ? new Map(this.base) : this.toMap()).entries();
  }

  /** This map with `changes` made: a value sets the key, undefined removes it. */
  with(changes: ReadonlyMap<K, V | undefined>): OverlayMap<K, V> {
    if (changes.size === 0) return this;
    const layer = new Map<K, V | typeof GONE>();
    for (const [k, v] of changes) layer.set(k, v === undefined ? GONE : v);
    const layers = [layer, ...this.layers];
    const layered = this.layered + layer.size;
    if (layers.length <= MAX_LAYERS && layered * 4 <= this.base.size) return new OverlayMap(this.base, layers, layered);
    return OverlayMap.of(new OverlayMap(this.base, layers, layered).toMap());
  }

  /** Every entry, in a map of its own (costs a copy). */
  toMap(): Map<K, V> {
    const out = new Map(this.base);
    for (let i = this.layers.length - 1; i >= 0; i--) {
      for (const [k, v] of this.layers[i] ?? []) {
        if (v === GONE) out.delete(k);
        else out.set(k, v);
      }
    }
    return out;
  }
}
