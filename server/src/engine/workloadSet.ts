/**
 * A set of workloads of one engine input, by their indexes. Immutable. Two shapes, chosen by
 * count so that equal sets always have the same shape:
 *   - sparse: the sorted indexes, while there are no more of them than a bitset has words (most
 *     selector answers: one app's pods among thousands);
 *   - dense: a bitset, combined with a few word operations whatever the number of workloads.
 * A sparse set never takes more memory than the bitset would, and the commonest answers (a few
 * pods, or none) cost an allocation of their own size, not of the workspace's.
 */
const NO_ITEMS = new Uint32Array(0);

export class WorkloadSet {
  private constructor(
    readonly size: number,
    /** The bitset (dense shape), else undefined. */
    private readonly words: Uint32Array | undefined,
    /** The indexes, ascending (sparse shape), else undefined. */
    private readonly items: Uint32Array | undefined,
  ) {}

  static empty(size: number): WorkloadSet {
    return new WorkloadSet(size, undefined, NO_ITEMS);
  }

  static full(size: number): WorkloadSet {
    const words = new Uint32Array(wordCount(size));
    words.fill(0xffffffff);
    const rest = size % 32;
    if (rest !== 0) words[words.length - 1] = (2 ** rest - 1) >>> 0;
    return WorkloadSet.fromWords(size, words);
  }

  static of(size: number, indexes: Iterable<number>): WorkloadSet {
    const words = new Uint32Array(wordCount(size));
    for (const i of indexes) words[i >>> 5] = ((words[i >>> 5] ?? 0) | (1 << (i & 31))) >>> 0;
    return WorkloadSet.fromWords(size, words);
  }

  /** The set in its canonical shape for these bits (`words` is taken, not copied). */
  private static fromWords(size: number, words: Uint32Array): WorkloadSet {
    const n = popcount(words);
    if (n > words.length) return new WorkloadSet(size, words, undefined);
    if (n === 0) return WorkloadSet.empty(size);
    const items = new Uint32Array(n);
    let k = 0;
    for (let wi = 0; wi < words.length; wi++) {
      let x = words[wi] ?? 0;
      while (x !== 0) {
        items[k++] = wi * 32 + (31 - Math.clz32(x & -x));
        x &= x - 1;
      }
    }
    return new WorkloadSet(size, undefined, items);
  }

  /** The set in its canonical shape for these ascending indexes (`items` is taken, not copied). */
  private static fromItems(size: number, items: Uint32Array): WorkloadSet {
    if (items.length <= wordCount(size)) return new WorkloadSet(size, undefined, items.length === 0 ? NO_ITEMS : items);
    const words = new Uint32Array(wordCount(size));
    for (const i of items) words[i >>> 5] = ((words[i >>> 5] ?? 0) | (1 << (i & 31))) >>> 0;
    return new WorkloadSet(size, words, undefined);
  }

  /**
   * This set over another engine input's workloads: `map[i]` is the index of this set's workload
   * `i` there, or -1 when it is not there (left out).
   */
  remapped(size: number, map: Int32Array): WorkloadSet {
    if (this.isEmpty()) return WorkloadSet.empty(size);
    if (this.words) return WorkloadSet.of(size, [...this].map((i) => map[i] ?? -1).filter((i) => i >= 0));
    const items = this.items ?? NO_ITEMS;
    const out = new Uint32Array(items.length);
    let k = 0;
    let ascending = true;
    for (let n = 0; n < items.length; n++) {
      const j = map[items[n] ?? 0] ?? -1;
      if (j < 0) continue;
      if (k > 0 && (out[k - 1] ?? 0) > j) ascending = false;
      out[k++] = j;
    }
    const moved = k === out.length ? out : out.slice(0, k);
    if (!ascending) moved.sort();
    return WorkloadSet.fromItems(size, moved);
  }

  has(index: number): boolean {
    if (this.words) return (((this.words[index >>> 5] ?? 0) >>> (index & 31)) & 1) === 1;
    const items = this.items ?? NO_ITEMS;
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = items[mid] ?? 0;
      if (v === index) return true;
      if (v < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  union(other: WorkloadSet): WorkloadSet {
    if (other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    if (this.items && other.items) return WorkloadSet.fromItems(this.size, mergeItems(this.items, other.items, 'union'));
    return this.combineWords(other, (a, b) => a | b);
  }

  intersect(other: WorkloadSet): WorkloadSet {
    if (this.isEmpty()) return this;
    if (other.isEmpty()) return other;
    if (this.items && other.items) return WorkloadSet.fromItems(this.size, mergeItems(this.items, other.items, 'intersect'));
    if (this.items) return WorkloadSet.fromItems(this.size, this.items.filter((i) => other.has(i)));
    if (other.items) return WorkloadSet.fromItems(this.size, other.items.filter((i) => this.has(i)));
    return this.combineWords(other, (a, b) => a & b);
  }

  subtract(other: WorkloadSet): WorkloadSet {
    if (this.isEmpty() || other.isEmpty()) return this;
    if (this.items) return WorkloadSet.fromItems(this.size, this.items.filter((i) => !other.has(i)));
    return this.combineWords(other, (a, b) => a & ~b);
  }

  isEmpty(): boolean {
    // Canonical shapes: a dense set always has more members than words.
    return this.items !== undefined && this.items.length === 0;
  }

  count(): number {
    return this.items ? this.items.length : popcount(this.words ?? NO_ITEMS);
  }

  equals(other: WorkloadSet): boolean {
    if (this.size !== other.size) return false;
    const a = this.items ?? this.words ?? NO_ITEMS;
    const b = (this.items ? other.items : other.words) ?? undefined;
    return b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
  }

  /** The indexes in the set, ascending. */
  *[Symbol.iterator](): IterableIterator<number> {
    if (this.items) {
      yield* this.items;
      return;
    }
    const words = this.words ?? NO_ITEMS;
    for (let wi = 0; wi < words.length; wi++) {
      let x = words[wi] ?? 0;
      while (x !== 0) {
        const bit = 31 - Math.clz32(x & -x);
        yield wi * 32 + bit;
        x &= x - 1;
      }
    }
  }

  toArray(): number[] {
    return [...this];
  }

  /** This set's bits (a copy when sparse, the set's own when dense: read only). */
  private bits(): Uint32Array {
    if (this.words) return this.words;
    const words = new Uint32Array(wordCount(this.size));
    for (const i of this.items ?? NO_ITEMS) words[i >>> 5] = ((words[i >>> 5] ?? 0) | (1 << (i & 31))) >>> 0;
    return words;
  }

  private combineWords(other: WorkloadSet, op: (a: number, b: number) => number): WorkloadSet {
    const a = this.bits();
    const b = other.bits();
    const out = new Uint32Array(wordCount(this.size));
    for (let i = 0; i < out.length; i++) out[i] = op(a[i] ?? 0, b[i] ?? 0) >>> 0;
    return WorkloadSet.fromWords(this.size, out);
  }
}

function wordCount(size: number): number {
  return Math.ceil(size / 32);
}

function popcount(words: Uint32Array): number {
  let n = 0;
  for (const w of words) {
    let x = w;
    while (x !== 0) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}

/** Two ascending index lists merged. */
function mergeItems(a: Uint32Array, b: Uint32Array, op: 'union' | 'intersect'): Uint32Array {
  const out = new Uint32Array(op === 'union' ? a.length + b.length : Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) {
      if (op === 'union') out[k++] = x;
      i++;
    } else {
      if (op === 'union') out[k++] = y;
      j++;
    }
  }
  if (op === 'union') {
    while (i < a.length) out[k++] = a[i++] ?? 0;
    while (j < b.length) out[k++] = b[j++] ?? 0;
  }
  return k === out.length ? out : out.slice(0, k);
}
