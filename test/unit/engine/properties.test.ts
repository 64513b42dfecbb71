/** Properties of the policy semantics over random small clusters. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type PortSet } from '../../../server/src/engine/portSet';
import { arbitraryCluster, listing, policy, rule } from './engineFixtures';
import { ConnectivityMatrix } from '../../../server/src/engine/connectivityMatrix';
import { Network } from '../../../server/src/engine/network';
import type { EngineInput } from '../../../server/src/engine/types';

/** Every (pair, protocol, port) allowed, with addresses probed at a few representative points. */
function allowedSet(input: EngineInput): Set<string> {
  const net = new Network(input);
  const m = new ConnectivityMatrix(net);
  const out = new Set<string>();
  const probe = (prefix: string, ports: PortSet): void => {
    for (const p of ['TCP', 'UDP', 'SCTP'] as const) for (const n of [53, 80, 443, 1005, 8080, 9999]) if (ports.has(p, n)) out.add(`${prefix} ${p}/${n}`);
  };
  for (const { src, dst, ports } of m.pairs()) probe(`${src}>${dst}`, ports);
  for (let w = 0; w < net.workloads.length; w++) {
    for (const c of m.fromAddresses(w)) for (const a of [0n, 10n << 24n, (10n << 24n) + (1n << 16n) + 515n, 0x20010db8n << 96n]) if (c.range.from <= a && a <= c.range.to) probe(`${c.range.family}:${a}>${w}`, c.ports);
    for (const c of m.toAddresses(w)) for (const a of [0n, 10n << 24n, (10n << 24n) + (1n << 16n) + 515n, 0x20010db8n << 96n]) if (c.range.from <= a && a <= c.range.to) probe(`${w}>${c.range.family}:${a}`, c.ports);
  }
  return out;
}

describe('policy semantics properties', () => {
  it('adding a rule to a policy never removes an allowed connection', () => {
    fc.assert(
      fc.property(arbitraryCluster, rule, fc.boolean(), fc.nat(), (cluster, extra, ingress, which) => {
        fc.pre(cluster.policies.length > 0);
        const i = which % cluster.policies.length;
        const target = cluster.policies[i]!;
        const grown = ingress ? { ...target, ingress: [...(target.ingress ?? []), extra] } : { ...target, egress: [...(target.egress ?? []), extra] };
        // Egress rules only add when policyTypes is explicit (else a first egress rule turns on egress isolation).
        fc.pre(ingress || (target.policyTypes ?? []).length > 0);
        const before = allowedSet(cluster);
        const after = allowedSet({ ...cluster, policies: cluster.policies.map((p, j) => (j === i ? grown : p)) });
        for (const c of before) assert.ok(after.has(c), `lost ${c}`);
      }),
      { numRuns: 150 },
    );
  });

  it('a policy whose podSelector matches nothing changes nothing', () => {
    fc.assert(
      fc.property(arbitraryCluster, (cluster) => {
        const idle = policy('selects-nothing', {
          podSelector: { matchLabels: { app: 'no-such-app' } },
          policyTypes: ['Ingress', 'Egress'],
          ingress: [],
          egress: [{ peers: [{ ipBlock: { cidr: '10.0.0.0/9' } }] }],
        });
        assert.deepEqual(listing({ ...cluster, policies: [...cluster.policies, idle] }), listing(cluster));
      }),
      { numRuns: 100 },
    );
  });

  it('the order of policies and workloads never changes the answer', () => {
    fc.assert(
      fc.property(arbitraryCluster, fc.func(fc.integer()), (cluster, f) => {
        const shuffle = <T>(xs: readonly T[]): T[] => xs.map((x, i) => [f(i), i, x] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , x]) => x);
        const reordered = { workloads: shuffle(cluster.workloads), namespaces: shuffle(cluster.namespaces), policies: shuffle(cluster.policies) };
        assert.deepEqual(listing(reordered), listing(cluster));
      }),
      { numRuns: 100 },
    );
  });
});
