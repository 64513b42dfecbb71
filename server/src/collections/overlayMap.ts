/**
 * An immutable map derived from the previous one by a few changes without copying it: the
 * changes are a layer over the older map; many layers are folded into one, and the layers are
 * merged into a fresh map once they hold many keys. The per-policy rules keep findings per policy and per file this way, so an
 * edit that re-checks a few policies costs in proportion to them, not to the workspace.
 */
const GONE = Symbol('gone');

/** Fold the layers into one when this many stand over the base; merge them into it when they hold a quarter as many keys as it. */
const MAX_LAYERS = 8;

export class OverlayMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    /** Newest first. */
    private readonly layers: readonly ReadonlyMap<K, V | typeof GONE>[],
    private readonly layered: number,
  ) {}

  /** Every entry, merged on first full read (see `merged`). */
  private flat: Map<K, V> | undefined;

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

  keys(): IterableIterator<K> {
    return this.merged().keys();
  }

  values(): IterableIterator<V> {
    return this.merged().values();
  }

  /** Every entry in one map: the base itself when no layer stands over it, else a copy made once. */
  private merged(): ReadonlyMap<K, V> {
    if (this.layers.length === 0) return this.base;
    this.flat ??= this.toMap();
    return this.flat;
  }

  /**
   * This map with `changes` made: a value sets the key, undefined removes it. `maxLayers`: how
   * many layers may stand over the base before they are folded into one (1: the values a later
   * change replaced are never held).
   */
  with(changes: ReadonlyMap<K, V | undefined>, maxLayers = MAX_LAYERS): OverlayMap<K, V> {
    if (changes.size === 0) return this;
    const layer = new Map<K, V | typeof GONE>();
    for (const [k, v] of changes) layer.set(k, v === undefined ? GONE : v);
    const layers = [layer, ...this.layers];
    const layered = this.layered + layer.size;
    if (layered * 4 > this.base.size) return OverlayMap.of(new OverlayMap(this.base, layers, layered).toMap());
    if (layers.length <= maxLayers) return new OverlayMap(this.base, layers, layered);
    // Many small layers (edits touching the same few keys): fold them into one, oldest first, leaving the base alone.
    const folded = new Map<K, V | typeof GONE>();
    for (let i = layers.length - 1; i >= 0; i--) for (const [k, v] of layers[i] ?? []) folded.set(k, v);
    return new OverlayMap(this.base, [folded], folded.size);
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
