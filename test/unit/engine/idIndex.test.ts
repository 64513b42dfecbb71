/**
 * The Network's workload id index and per-namespace sets after edits: taken over while every
 * index keeps its id, moved (idIndex.ts, namespacePods.ts) when an edit replaced one run of the
 * list (every later index moves), built afresh otherwise. Property: over any sequence of edits,
 * each Network built from the previous one finds every id, and each namespace's workloads, where a
 * Network built afresh finds them, and no other.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IdIndex } from '../../../server/src/engine/idIndex';
import { Network } from '../../../server/src/engine/network';
import type { Workload } from '../../../server/src/engine/types';
import { arbitraryCluster } from './engineFixtures';

/** An edit as the join makes them: one run replaced (removed, added, relabelled), an id seen before coming back, or a duplicate id. */
const edit = fc.record({ kind: fc.constantFrom('remove', 'add', 'relabel', 'back', 'duplicate', 'swap'), at: fc.nat(), from: fc.nat() });

describe('workload id index and per-namespace sets carried to the next Network', () => {
  it("find every id and namespace's workloads where a fresh Network does, over any sequence of edits", () => {
    fc.assert(
      fc.property(arbitraryCluster, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), (cluster, steps) => {
        let net = new Network(cluster);
        let workloads: Workload[] = [...net.workloads];
        const everId = new Set(workloads.map((w) => w.id));
        const gone: Workload[] = [];
        let n = 0;
        for (const step of steps) {
          for (const e of step) {
            const at = e.at % Math.max(1, workloads.length);
            const other = workloads[e.from % Math.max(1, workloads.length)];
            if (e.kind === 'remove' && workloads[at]) gone.push(...workloads.splice(at, 1));
            else if (e.kind === 'add') workloads.splice(at, 0, { id: `new-${n++}`, namespace: 'shop', labels: { app: 'x' }, kind: 'Pod' } as unknown as Workload);
            else if (e.kind === 'relabel' && workloads[at]) workloads[at] = { ...workloads[at], labels: { app: 'y' } };
            else if (e.kind === 'back' && gone.length > 0) workloads.splice(at, 0, { ...(gone.pop() as Workload) });
            else if (e.kind === 'duplicate' && other) workloads.splice(at, 0, { ...other, labels: { app: 'dup' } });
            else if (e.kind === 'swap' && workloads[at] && other) [workloads[at], workloads[e.from % workloads.length]] = [other, workloads[at]];
          }
          for (const w of workloads) everId.add(w.id);
          const input = { ...cluster, workloads };
          net = new Network(input, net.compiled());
          const fresh = new Network(input);
          assert.deepEqual(net.workloads.map((w) => w.id), fresh.workloads.map((w) => w.id));
          for (const id of everId) assert.equal(net.workloadById(id), fresh.workloadById(id), id);
          for (const ns of fresh.namespaces) assert.deepEqual([...net.podsIn(ns.name)], [...fresh.podsIn(ns.name)], ns.name);
          assert.deepEqual([...net.namespacesWithWorkloads()].sort(), [...fresh.namespacesWithWorkloads()].sort());
          workloads = [...net.workloads];
        }
      }),
      { numRuns: 300 },
    );
  });

  it('composes moves over its first map, and holds only the ids placed since', () => {
    const first = IdIndex.of(new Map([['a', 0], ['b', 1], ['c', 2]]));
    // b removed: c moves to 1.
    const second = first.moved(Int32Array.from([0, -1, 1]), []);
    assert.deepEqual(['a', 'b', 'c'].map((id) => second?.get(id)), [0, undefined, 1]);
    // b back at 1, d added at the end: c moves to 2.
    const third = second?.moved(Int32Array.from([0, 2]), [['b', 1], ['d', 3]]);
    assert.deepEqual(['a', 'b', 'c', 'd'].map((id) => third?.get(id)), [0, 1, 2, 3]);
    assert.deepEqual(['a', 'b', 'c', 'd'].map((id) => first.get(id)), [0, 1, 2, undefined], 'the first index stays as it was');
  });
});
