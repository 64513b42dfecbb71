/**
 * WorkloadSet keeps small sets as sorted indexes and large ones as bitsets. Whatever the shapes
 * of its operands, every operation answers what the same operation on plain sets answers, and
 * equal sets are equal.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkloadSet } from '../../../server/src/engine/workloadSet';

/** A size and two subsets of it: some sparse, some dense, some empty or full. */
const operands = fc.integer({ min: 0, max: 200 }).chain((size) => {
  const subset = fc.oneof(
    fc.constant<number[]>([]),
    fc.constant([...Array(size).keys()]),
    fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, size - 1) }), { maxLength: Math.max(0, Math.min(size, 8)) }),
    fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, size - 1) }), { maxLength: size }),
  );
  return fc.tuple(fc.constant(size), subset, subset);
});

const sorted = (s: Set<number>): number[] => [...s].sort((x, y) => x - y);

describe('WorkloadSet', () => {
  it('answers as plain sets do, in ascending order, whatever the shapes', () => {
    fc.assert(
      fc.property(operands, ([size, xs, ys]) => {
        const a = WorkloadSet.of(size, xs);
        const b = WorkloadSet.of(size, ys);
        const sa = new Set(size === 0 ? [] : xs);
        const sb = new Set(size === 0 ? [] : ys);
        assert.deepEqual(a.toArray(), sorted(sa));
        assert.equal(a.count(), sa.size);
        assert.equal(a.isEmpty(), sa.size === 0);
        for (let i = 0; i < size; i++) assert.equal(a.has(i), sa.has(i));
        assert.deepEqual(a.union(b).toArray(), sorted(new Set([...sa, ...sb])));
        assert.deepEqual(a.intersect(b).toArray(), sorted(new Set([...sa].filter((v) => sb.has(v)))));
        assert.deepEqual(a.subtract(b).toArray(), sorted(new Set([...sa].filter((v) => !sb.has(v)))));
        assert.equal(a.equals(b), sorted(sa).join() === sorted(sb).join());
        assert.ok(a.union(b).equals(b.union(a)));
        assert.ok(a.intersect(b).equals(WorkloadSet.of(size, [...sa].filter((v) => sb.has(v)))));
      }),
      { numRuns: 400 },
    );
  });

  it('full and empty are the whole index range and nothing', () => {
    for (const size of [0, 1, 31, 32, 33, 64, 100]) {
      assert.deepEqual(WorkloadSet.full(size).toArray(), [...Array(size).keys()]);
      assert.equal(WorkloadSet.full(size).count(), size);
      assert.ok(WorkloadSet.empty(size).isEmpty());
      assert.ok(WorkloadSet.full(size).subtract(WorkloadSet.full(size)).equals(WorkloadSet.empty(size)));
    }
  });
});
