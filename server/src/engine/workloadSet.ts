/**
 * A set of workloads of one engine input, as a bitset over their indexes: selector results are
 * combined with a few word operations whatever the number of workloads.
 */
export class WorkloadSet {
  private constructor(
    readonly size: number,
    private readonly words: Uint32Array,
  ) {}

  static empty(size: number): WorkloadSet {
    return new WorkloadSet(size, new Uint32Array(Math.ceil(size / 32)));
  }

  static full(size: number): WorkloadSet {
    const s = WorkloadSet.empty(size);
    s.words.fill(0xffffffff);
    const rest = size % 32;
    if (rest !== 0) s.words[s.words.length - 1] = (2 ** rest - 1) >>> 0;
    return s;
  }

  static of(size: number, indexes: Iterable<number>): WorkloadSet {
    const s = WorkloadSet.empty(size);
    for (const i of indexes) s.words[i >>> 5] = ((s.words[i >>> 5] ?? 0) | (1 << (i & 31))) >>> 0;
    return s;
  }

  has(index: number): boolean {
    return (((this.words[index >>> 5] ?? 0) >>> (index & 31)) & 1) === 1;
  }

  union(other: WorkloadSet): WorkloadSet {
    return this.combine(other, (a, b) => a | b);
  }

  intersect(other: WorkloadSet): WorkloadSet {
    return this.combine(other, (a, b) => a & b);
  }

  subtract(other: WorkloadSet): WorkloadSet {
    return this.combine(other, (a, b) => a & ~b);
  }

  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  count(): number {
    let n = 0;
    for (const w of this.words) {
      let x = w;
      while (x !== 0) {
        x &= x - 1;
        n++;
      }
    }
    return n;
  }

  equals(other: WorkloadSet): boolean {
    return this.size === other.size && this.words.every((w, i) => w === other.words[i]);
  }

  /** The indexes in the set, ascending. */
  *[Symbol.iterator](): IterableIterator<number> {
    for (let wi = 0; wi < this.words.length; wi++) {
      let x = this.words[wi] ?? 0;
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

  private combine(other: WorkloadSet, op: (a: number, b: number) => number): WorkloadSet {
    const out = WorkloadSet.empty(this.size);
    for (let i = 0; i < out.words.length; i++) out.words[i] = op(this.words[i] ?? 0, other.words[i] ?? 0) >>> 0;
    return out;
  }
}
