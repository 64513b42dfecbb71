/** Small builders for engine inputs in tests, and a random cluster generator for property tests. */
import fc from 'fast-check';
import { ConnectivityMatrix } from '../../../server/src/engine/connectivityMatrix';
import { buildListing, entryLine } from '../../../server/src/engine/connectivityListing';
import { normalizeListing } from '../../conformance/normalizeListing';
import { Network } from '../../../server/src/engine/network';
import type { ClusterPeer, ClusterPolicy, ClusterPort, ClusterRule } from '../../../server/src/engine/clusterPolicyTypes';
import type { EngineInput, Labels, NamedPort, Namespace, Policy, PolicyPeer, PolicyPort, PolicyRule, Workload } from '../../../server/src/engine/types';

export function pod(name: string, labels: Labels, namespace = 'default', namedPorts: NamedPort[] = []): Workload {
  return { id: `${namespace}/${name}[Pod]`, name, namespace, kind: 'Pod', labels, namedPorts };
}

export function policy(name: string, spec: Omit<Policy, 'id' | 'name' | 'namespace'>, namespace = 'default'): Policy {
  return { id: `${namespace}/${name}`, name, namespace, ...spec };
}

/** An AdminNetworkPolicy (priority given), or a BaselineAdminNetworkPolicy (priority undefined). */
export function anp(name: string, priority: number | undefined, spec: Partial<Pick<ClusterPolicy, 'subject' | 'ingress' | 'egress'>>): ClusterPolicy {
  const kind = priority === undefined ? 'BaselineAdminNetworkPolicy' : 'AdminNetworkPolicy';
  return { id: `${kind}/${name}`, kind, name, tier: priority === undefined ? 'baseline' : 'admin', priority, subject: { namespaces: {} }, ingress: [], egress: [], ...spec };
}

/** Every allowed connection (both families), one line each, adjacent equal address ranges merged, sorted. */
export function listing(input: EngineInput): string[] {
  const net = new Network(input);
  return normalizeListing(buildListing(net, new ConnectivityMatrix(net), { families: ['ipv4', 'ipv6'] }).map(entryLine));
}

const value = fc.constantFrom('a', 'b');
const labels = fc.dictionary(fc.constantFrom('app', 'tier'), value, { maxKeys: 2 });
const selector = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.dictionary(fc.constantFrom('app', 'tier'), value, { maxKeys: 1 }) }),
  fc.record({
    matchExpressions: fc.array(
      fc.record({ key: fc.constantFrom('app', 'tier'), operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), values: fc.array(value, { minLength: 1, maxLength: 2 }) }),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);
const namespaceNames = ['default', 'ns1', 'ns2'] as const;
const peer: fc.Arbitrary<PolicyPeer> = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: fc.oneof(fc.constant({}), fc.record({ matchLabels: fc.record({ team: value }) })) }),
  fc.record({ podSelector: selector, namespaceSelector: fc.record({ matchLabels: fc.record({ 'kubernetes.io/metadata.name': fc.constantFrom(...namespaceNames) }) }) }),
  fc.record({
    ipBlock: fc.record({
      cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '2001:db8::/32'),
      except: fc.subarray(['10.1.2.0/24', '10.1.0.0/16', '2001:db8:1::/48']),
    }),
  }),
);
const port: fc.Arbitrary<PolicyPort> = fc.oneof(
  fc.record({ port: fc.constantFrom(80, 443, 53) }),
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(53, 1000), endPort: fc.constantFrom(53, 1010) }),
  fc.record({ port: fc.constantFrom('http', 'dns') }),
  fc.record({ protocol: fc.constantFrom('UDP', 'SCTP') }),
);
export const rule: fc.Arbitrary<PolicyRule> = fc.record(
  { peers: fc.array(peer, { maxLength: 2 }), ports: fc.array(port, { maxLength: 2 }) },
  { requiredKeys: [] },
);

export const arbitraryPolicy = (i: number): fc.Arbitrary<Policy> =>
  fc
    .record({
      namespace: fc.constantFrom(...namespaceNames),
      podSelector: selector,
      policyTypes: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
      ingress: fc.array(rule, { maxLength: 2 }),
      egress: fc.array(rule, { maxLength: 2 }),
    })
    .map((p) => policy(`p${i}`, { podSelector: p.podSelector, policyTypes: p.policyTypes, ingress: p.ingress, egress: p.egress }, p.namespace));

export const arbitraryCluster: fc.Arbitrary<EngineInput> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...namespaceNames), labels, fc.boolean()), { minLength: 1, maxLength: 6 }),
    fc.tuple(value, value),
    fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryPolicy(i)))),
  )
  .map(([ws, [t1, t2], policies]) => {
    const workloads = ws.map(([ns, l, http], i) =>
      pod(`w${i}`, l, ns, http ? [{ name: 'http', port: 8080, protocol: 'TCP' }] : [{ name: 'dns', port: 53, protocol: 'UDP' }]),
    );
    const namespaces: Namespace[] = [
      { name: 'ns1', labels: { team: t1 } },
      { name: 'ns2', labels: { team: t2 } },
    ];
    return { workloads, namespaces, policies };
  });

const clusterPeer: fc.Arbitrary<ClusterPeer> = fc.oneof(
  fc.record({ namespaces: fc.oneof(fc.constant({}), fc.record({ matchLabels: fc.record({ team: value }) })) }),
  fc.record({ pods: fc.record({ namespaceSelector: fc.constant({}), podSelector: selector }) }),
  fc.record({ networks: fc.subarray(['0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '2001:db8::/32'], { minLength: 1 }) }),
);
const clusterPort: fc.Arbitrary<ClusterPort> = fc.oneof(
  fc.record({ kind: fc.constant('range' as const), protocol: fc.constantFrom('TCP', 'UDP'), from: fc.constantFrom(53, 80), to: fc.constantFrom(80, 1010) }),
  fc.record({ kind: fc.constant('named' as const), name: fc.constantFrom('http', 'dns') }),
);
const clusterRule = (baseline: boolean): fc.Arbitrary<ClusterRule> =>
  fc.record(
    {
      name: fc.constant('r'),
      action: baseline ? fc.constantFrom('allow' as const, 'deny' as const) : fc.constantFrom('allow' as const, 'deny' as const, 'pass' as const),
      peers: fc.array(clusterPeer, { minLength: 1, maxLength: 2 }),
      ports: fc.array(clusterPort, { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ['name', 'action', 'peers'] },
  );

/** Admin policies (priorities may tie) and at most one baseline policy. */
export const arbitraryClusterPolicies: fc.Arbitrary<ClusterPolicy[]> = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(clusterRule(false), { maxLength: 2 }), fc.array(clusterRule(false), { maxLength: 2 }), clusterPeer), { maxLength: 3 }),
    fc.option(fc.tuple(fc.array(clusterRule(true), { maxLength: 2 }), fc.array(clusterRule(true), { maxLength: 2 }), clusterPeer), { nil: undefined }),
  )
  .map(([admins, baseline]) => [
    ...admins.map(([priority, ingress, egress, subject], i) => anp(`a${i}`, priority, { subject, ingress, egress })),
    ...(baseline ? [anp('default', undefined, { ingress: baseline[0], egress: baseline[1], subject: baseline[2] })] : []),
  ]);
