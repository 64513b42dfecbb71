/**
 * PolicyIndex finds the policies an edit may concern without visiting every policy: a workload
 * change concerns the policies whose selectors may match it, found by the labels they require.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyIndex, type IndexedPolicy } from '../../../server/src/rules/crossFile/policyIndex';
import { selectorMatches } from '../../../server/src/engine/labelSelector';
import type { LabelSelector, Policy } from '../../../server/src/engine/types';
import type { YMap } from '../../../server/src/model/yamlTree';

const node = (): YMap => ({ type: 'map', flow: false, pairs: [], start: 0, end: 0 }) as unknown as YMap;
const policy = (podSelector: LabelSelector, peer?: LabelSelector | 'namespaces-only'): Policy => ({
  id: 'shop/p',
  name: 'p',
  namespace: 'shop',
  podSelector,
  ingress: peer ? [{ peers: [peer === 'namespaces-only' ? { namespaceSelector: {} } : { podSelector: peer }] }] : [],
});
const entry = (uri: string, p: Policy, namespace = 'shop'): IndexedPolicy => ({ uri, namespace, policy: p });

const web = { app: 'web', tier: 'front' };
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

describe('PolicyIndex', () => {
  it('finds every policy one of whose selectors matches a workload', () => {
    for (const own of selectors) {
      for (const peer of [undefined, 'namespaces-only' as const, ...selectors]) {
        const n = node();
        const p = policy(own, peer);
        const found = new Set<YMap>();
        PolicyIndex.of(new Map([[n, entry('file:///a.yaml', p)]])).mayMatch(web, found);
        const matches = selectorMatches(own, web) || peer === 'namespaces-only' || (peer !== undefined && selectorMatches(peer, web));
        if (matches) assert.ok(found.has(n), `${JSON.stringify(own)} / ${JSON.stringify(peer)} matches ${JSON.stringify(web)}`);
      }
    }
  });

  it('leaves out policies whose selectors require labels the workload lacks', () => {
    const n = node();
    const found = new Set<YMap>();
    PolicyIndex.of(new Map([[n, entry('file:///a.yaml', policy({ matchLabels: { app: 'api' } }, { matchLabels: { app: 'db' } }))]])).mayMatch(web, found);
    assert.equal(found.size, 0);
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
    second.mayMatch(web, found);
    assert.equal(found.size, 0);
  });
});
