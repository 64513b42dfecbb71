/**
 * PolicyIndex finds the policies an edit may concern without visiting every policy: a workload
 * change concerns the policies whose selectors may match it, found by the labels they require.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PolicyIndex, type IndexedPolicy } from '../../../server/src/rules/crossFile/policyIndex';
import { selectorMatches } from '../../../server/src/engine/labelSelector';
import type { LabelSelector, Policy } from '../../../server/src/engine/types';
import type { YMap } from '../../../server/src/model/yamlTree';

const node = (): YMap => ({ type: 'map', flow: false, pairs: [], start: 0, end: 0 }) as unknown as YMap;
/** A peer: a pod selector, or a namespaceSelector alone (every workload of the namespaces it selects). */
type Peer = LabelSelector | { readonly namespaces: LabelSelector };
const policy = (podSelector: LabelSelector, peer?: Peer): Policy => ({
  id: 'shop/p',
  name: 'p',
  namespace: 'shop',
  podSelector,
  ingress: peer ? [{ peers: ['namespaces' in peer ? { namespaceSelector: peer.namespaces } : { podSelector: peer }] }] : [],
});
const entry = (uri: string, p: Policy, namespace = 'shop'): IndexedPolicy => ({ uri, namespace, policy: p });

const web = { app: 'web', tier: 'front' };
/** The labels of the namespace `web` lives in (not the policies'). */
const data = { 'kubernetes.io/metadata.name': 'data', team: 'x' };
const selectors: LabelSelector[] = [
  {},
  { matchLabels: { app: 'web' } },
  { matchLabels: { app: 'api' } },
  { matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] },
  { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] },
  { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] },
  { matchExpressions: [{ key: 'team', operator: 'In', values: [] }] },
];
const namespacesOnly: Peer[] = [{ namespaces: {} }, { namespaces: { matchLabels: { team: 'x' } } }, { namespaces: { matchLabels: { team: 'y' } } }];
/** A podSelector testing nothing (missing or `{}`). */
const testsNothing = (s: LabelSelector): boolean => Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;

describe('PolicyIndex', () => {
  it('finds every policy of another namespace one of whose selectors matches a workload; those selecting their whole namespace apart', () => {
    for (const own of selectors) {
      for (const peer of [undefined, ...namespacesOnly, ...selectors]) {
        const n = node();
        const p = policy(own, peer);
        const index = PolicyIndex.of(new Map([[n, entry('file:///a.yaml', p)]]));
        const found = new Set<YMap>();
        index.mayMatch(web, data, found);
        const what = `${JSON.stringify(own)} / ${JSON.stringify(peer)}`;
        const peerMatches = peer !== undefined && ('namespaces' in peer ? selectorMatches(peer.namespaces, data) : selectorMatches(peer, web));
        if (peerMatches || (selectorMatches(own, web) && !testsNothing(own))) assert.ok(found.has(n), `${what} matches ${JSON.stringify(web)}`);
        // Its podSelector matters elsewhere only while it selects nothing: callers ask for those by namespace.
        assert.equal(new Set(index.selectingAll('shop')).has(n), testsNothing(own), what);
      }
    }
  });

  it('leaves out policies whose selectors require labels the workload or its namespace lacks', () => {
    for (const peer of [{ matchLabels: { app: 'db' } }, { namespaces: { matchLabels: { team: 'y' } } }]) {
      const n = node();
      const found = new Set<YMap>();
      const index = PolicyIndex.of(new Map([[n, entry('file:///a.yaml', policy({ matchLabels: { app: 'api' } }, peer))]]));
      index.mayMatch(web, data, found);
      assert.equal(found.size, 0, JSON.stringify(peer));
      assert.deepEqual([...index.selectingAll('shop')], []);
    }
    // A podSelector testing nothing, and peers requiring labels: found only as selecting its namespace.
    const n = node();
    const found = new Set<YMap>();
    const index = PolicyIndex.of(new Map([[n, entry('file:///a.yaml', policy({}, { namespaces: { matchLabels: { team: 'y' } } }))]]));
    index.mayMatch(web, data, found);
    assert.equal(found.size, 0);
    assert.deepEqual([...index.selectingAll('shop')], [n]);
  });

  it('patches a file without changing the index it came from', () => {
    const a = node();
    const b = node();
    const first = PolicyIndex.of(new Map([[a, entry('file:///a.yaml', policy({ matchLabels: { app: 'web' } }))]]));
    const before = new Map([[a, entry('file:///a.yaml', policy({ matchLabels: { app: 'web' } }))]]);
    const second = first.patched(['file:///a.yaml'], [[b, entry('file:///a.yaml', policy({ matchLabels: { app: 'api' } }), 'data')]], before);
    assert.deepEqual(first.inFile('file:///a.yaml'), [a]);
    assert.deepEqual(second.inFile('file:///a.yaml'), [b]);
    assert.deepEqual([...first.inNamespace('shop')], [a]);
    assert.deepEqual([...second.inNamespace('shop')], []);
    assert.deepEqual([...second.inNamespace('data')], [b]);
    const found = new Set<YMap>();
    second.mayMatch(web, data, found);
    assert.equal(found.size, 0);
  });

  it('patched step by step, answers what an index built from the policies at the end answers', () => {
    const files = ['file:///a.yaml', 'file:///b.yaml', 'file:///c.yaml'];
    // A few nodes per file, each either kept (same policy object), given another policy, or dropped.
    const pool = selectors.flatMap((own) => [undefined, ...namespacesOnly, ...selectors.slice(0, 3)].map((peer) => policy(own, peer)));
    const labelSets: Readonly<Record<string, string>>[] = [web, { app: 'api' }, { tier: 'back', team: 'x' }, {}];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.array(fc.tuple(fc.nat(3), fc.nat(pool.length - 1), fc.constantFrom('shop', 'data', 'keep')), { maxLength: 4 })), { maxLength: 8 }), (steps) => {
        const nodes = files.map(() => [node(), node(), node(), node()]);
        let current = new Map<YMap, IndexedPolicy>();
        let index = PolicyIndex.of(current);
        for (const [f, items] of steps) {
          const uri = files[f] as string;
          const next = new Map([...current].filter(([, p]) => p.uri !== uri));
          const added: [YMap, IndexedPolicy][] = [];
          for (const [slot, which, ns] of items) {
            const n = nodes[f]?.[slot] as YMap;
            if (next.has(n)) continue;
            const old = current.get(n);
            const value = ns === 'keep' && old ? old : entry(uri, pool[which] as Policy, ns === 'keep' ? 'shop' : ns);
            next.set(n, value);
            added.push([n, value]);
          }
          index = index.patched([uri], added, current);
          current = next;
          const fresh = PolicyIndex.of(current);
          for (const u of files) assert.deepEqual(new Set(index.inFile(u)), new Set(fresh.inFile(u)));
          for (const ns of ['shop', 'data']) {
            assert.deepEqual(new Set(index.inNamespace(ns)), new Set(fresh.inNamespace(ns)));
            assert.deepEqual(new Set(index.selectingAll(ns)), new Set(fresh.selectingAll(ns)));
          }
          for (const labels of labelSets) {
            const [x, y] = [new Set<YMap>(), new Set<YMap>()];
            index.mayMatch(labels, data, x);
            fresh.mayMatch(labels, data, y);
            assert.deepEqual(x, y);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
