/**
 * A Network built after an edit takes over the previous Network's compiled rule pieces where
 * they still hold (piecesCarry.ts). Property: whatever the edit to workloads (added, removed,
 * relabelled, moved to another namespace, reordered) and to policies (some kept as the very same
 * objects, some replaced), every policy's pieces are exactly those a fresh Network compiles.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Network } from '../../../server/src/engine/network';
import type { Workload } from '../../../server/src/engine/types';
import { WorkloadSet } from '../../../server/src/engine/workloadSet';
import { arbitraryCluster, pod, policy } from './engineFixtures';

/** Every policy's pieces in both directions and selection, and each namespace's pods, workloads named by id. */
function pieces(net: Network): unknown[] {
  const ids = (set: Iterable<number>): unknown[] => [...set].map((w) => net.workloads[w]?.id);
  return [
    ...net.policies.flatMap((_, i) => [
      ids(net.selected(i)),
      ...(['ingress', 'egress'] as const).flatMap((d) =>
        net.piecesOf(i, d).map((p) => ({ rule: p.rule, workloads: ids(p.workloads), size: p.workloads.size, addresses: p.addresses, ports: p.ports })),
      ),
    ]),
    ...net.namespaces.map((n) => [n.name, ids(net.podsIn(n.name)), net.podsIn(n.name).size]),
  ];
}

/** One edit to a workload (or none), as typing makes them. */
const workloadEdit = fc.record({ kind: fc.constantFrom('none', 'remove', 'add', 'relabel', 'move'), at: fc.nat(), from: fc.nat() });

/** The second cluster: the first with a few workload edits, and some policies replaced (the others are the very same objects). */
const edited = fc
  .tuple(arbitraryCluster, arbitraryCluster, fc.array(workloadEdit, { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { maxLength: 6 }))
  .map(([a, b, edits, replacePolicy]) => {
    const workloads: Workload[] = [...a.workloads];
    for (const e of edits) {
      const i = e.at % Math.max(1, workloads.length);
      const source = b.workloads[e.from % b.workloads.length] as Workload;
      if (e.kind === 'remove') workloads.splice(i, 1);
      else if (e.kind === 'add') workloads.splice(i, 0, { ...source, id: `${source.id}-new${workloads.length}` });
      else if (e.kind === 'relabel' && workloads[i]) workloads[i] = { ...(workloads[i]), labels: source.labels };
      else if (e.kind === 'move' && workloads[i]) workloads[i] = { ...(workloads[i]), namespace: source.namespace };
    }
    const policies = a.policies.map((p, i) => (replacePolicy[i] === true && b.policies[i] ? { ...(b.policies[i]), id: p.id } : p));
    return [a, { ...a, workloads, policies }] as const;
  });

describe('compiled pieces carried to the next Network', () => {
  it('are those a fresh Network compiles, after any edit', () => {
    let reused = 0;
    fc.assert(
      fc.property(edited, ([before, after]) => {
        const first = new Network(before);
        pieces(first);
        const carried = new Network(after, first.compiled());
        assert.deepEqual(pieces(carried), pieces(new Network(after)));
        // A carried piece keeps its rule reference.
        const rules = new Set(first.policies.flatMap((_, i) => [...first.piecesOf(i, 'ingress'), ...first.piecesOf(i, 'egress')].map((p) => p.rule)));
        if (carried.policies.some((_, i) => [...carried.piecesOf(i, 'ingress'), ...carried.piecesOf(i, 'egress')].some((p) => rules.has(p.rule)))) reused++;
      }),
      { numRuns: 300 },
    );
    // The property is about carried pieces: in these small clusters most rules match every pod (no peers, `{}`), so most edits rightly carry nothing; enough runs must carry some.
    assert.ok(reused >= 30, `only ${reused} of 300 runs carried a piece`);
  });

  it('keep the pieces of a policy whose peers cannot match the changed workload, at its new indexes', () => {
    const web = pod('web', { app: 'web' }, 'shop');
    const api = pod('api', { app: 'api' }, 'shop');
    const db = pod('db', { app: 'db' }, 'shop');
    const fromWeb = policy('api-from-web', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ peers: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }, 'shop');
    const fromApi = policy('db-from-api', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ peers: [{ podSelector: { matchLabels: { app: 'api' } } }] }] }, 'shop');
    const first = new Network({ workloads: [api, web, db], namespaces: [], policies: [fromWeb, fromApi] });
    const [webRule] = first.piecesOf(0, 'ingress');
    const [apiRule] = first.piecesOf(1, 'ingress');
    // api relabelled: db-from-api's peer matched it, api-from-web's cannot.
    const next = new Network({ workloads: [{ ...api, labels: { app: 'api2' } }, web, db], namespaces: [], policies: [fromWeb, fromApi] }, first.compiled());
    assert.equal(next.piecesOf(0, 'ingress')[0]?.rule, webRule?.rule);
    assert.notEqual(next.piecesOf(1, 'ingress')[0]?.rule, apiRule?.rule);
    assert.deepEqual([...(next.piecesOf(1, 'ingress')[0]?.workloads ?? [])], []);
    // api gone: web moves from index 1 to 0, and the carried set follows it.
    const after = new Network({ workloads: [web, db], namespaces: [], policies: [fromWeb, fromApi] }, first.compiled());
    assert.equal(after.piecesOf(0, 'ingress')[0]?.rule, webRule?.rule);
    assert.deepEqual([...(after.piecesOf(0, 'ingress')[0]?.workloads ?? [])], [0]);
  });

  it('move a set to the new indexes, leaving out workloads that are gone', () => {
    const set = WorkloadSet.of(5, [0, 2, 4]);
    assert.deepEqual(set.remapped(4, Int32Array.from([1, -1, 3, 0, -1])).toArray(), [1, 3]);
    assert.deepEqual(set.remapped(70, Int32Array.from([60, 0, 2, 0, 1])).toArray(), [1, 2, 60]);
  });
});
