/** The tiers around NetworkPolicy: Admin by priority, then NetworkPolicy, then Baseline, then allow; with provenance. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConnectivityMatrix } from '../../../server/src/engine/connectivityMatrix';
import { explainPair } from '../../../server/src/engine/explain';
import { Network } from '../../../server/src/engine/network';
import { PortSet } from '../../../server/src/engine/portSet';
import type { ClusterPolicy } from '../../../server/src/engine/clusterPolicyTypes';
import type { EngineInput } from '../../../server/src/engine/types';
import { anp, arbitraryCluster, arbitraryClusterPolicies, listing, pod, policy } from './engineFixtures';

const prom = pod('prom', { app: 'prom' }, 'mon');
const api = pod('api', { app: 'api' }, 'prod', [{ name: 'metrics', port: 9090, protocol: 'TCP' }]);
const db = pod('db', { app: 'db' }, 'prod');
const fromMon = { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'mon' } } };
const prodSubject = { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } } };
const allowAllInProd = policy('allow-all', { ingress: [{}] }, 'prod');

function cluster(clusterPolicies: ClusterPolicy[], policies = [allowAllInProd]): EngineInput {
  return { workloads: [prom, api, db], namespaces: [], policies, clusterPolicies };
}

const linesTo = (input: EngineInput, dst: string): string[] => listing(input).filter((l) => l.includes(`=> ${dst}`) && !l.includes('[External]'));

describe('cluster-wide tiers', () => {
  it('an Admin Deny wins over a NetworkPolicy that allows; ports it does not match go on to the NetworkPolicy', () => {
    const deny = anp('deny-mon', 10, { subject: prodSubject, ingress: [{ name: 'deny-9090', action: 'deny', peers: [fromMon], ports: [{ kind: 'range', protocol: 'TCP', from: 9090, to: 9090 }] }] });
    assert.ok(linesTo(cluster([]), 'prod/api[Pod]').includes('mon/prom[Pod] => prod/api[Pod] : All Connections'));
    const lines = linesTo(cluster([deny]), 'prod/api[Pod]');
    assert.ok(lines.includes('mon/prom[Pod] => prod/api[Pod] : SCTP 1-65535,TCP 1-9089,9091-65535,UDP 1-65535'), lines.join('\n'));

    const net = new Network(cluster([deny]));
    const x = explainPair(net, { workload: 0 }, { workload: 1 }, PortSet.range('TCP', 9090, 9090));
    assert.ok(x.allowed.isEmpty());
    assert.deepEqual(
      x.ingress?.decisions.map((d) => [d.allowed, d.by.layer, d.by.layer === 'cluster' ? d.by.piece.rule : undefined]),
      [[false, 'cluster', { policy: 'AdminNetworkPolicy/deny-mon', direction: 'ingress', ruleIndex: 0, peerIndex: 0 }]],
    );
  });

  it('the lower priority number is consulted first, and the first matching rule of a policy decides', () => {
    const allow = anp('allow-mon', 5, { subject: prodSubject, ingress: [{ name: 'a', action: 'allow', peers: [fromMon], ports: [{ kind: 'range', protocol: 'TCP', from: 80, to: 80 }] }] });
    const denyAll = anp('deny-all', 20, { subject: prodSubject, ingress: [{ name: 'd', action: 'deny', peers: [{ namespaces: {} }] }] });
    const lines = linesTo(cluster([denyAll, allow]), 'prod/api[Pod]');
    assert.deepEqual(lines, ['mon/prom[Pod] => prod/api[Pod] : TCP 80']);
    // Swapping the priorities: the deny comes first and nothing is left.
    const swapped = [anp('allow-mon', 30, { subject: allow.subject, ingress: allow.ingress }), denyAll];
    assert.deepEqual(linesTo(cluster(swapped), 'prod/api[Pod]'), []);
  });

  it('Pass hands the ports to NetworkPolicy; with no NetworkPolicy isolating the pod, to the Baseline tier', () => {
    const pass = anp('pass-mon', 10, { subject: prodSubject, ingress: [{ name: 'p', action: 'pass', peers: [fromMon] }] });
    const denyMon = anp('default', undefined, { subject: prodSubject, ingress: [{ name: 'b', action: 'deny', peers: [fromMon] }] });
    // NetworkPolicy isolates prod and allows everything: the baseline is never consulted.
    assert.deepEqual(linesTo(cluster([pass, denyMon]), 'prod/api[Pod]'), ['mon/prom[Pod] => prod/api[Pod] : All Connections', 'prod/db[Pod] => prod/api[Pod] : All Connections']);
    // No NetworkPolicy: the baseline denies.
    assert.deepEqual(linesTo(cluster([pass, denyMon], []), 'prod/api[Pod]'), ['prod/db[Pod] => prod/api[Pod] : All Connections']);
    const x = explainPair(new Network(cluster([pass, denyMon], [])), { workload: 0 }, { workload: 1 });
    const d = x.ingress?.decisions[0];
    assert.equal(d?.by.layer === 'cluster' && d.by.piece.rule.policy, 'BaselineAdminNetworkPolicy/default');
    assert.equal(d?.passedBy?.rule.policy, 'AdminNetworkPolicy/pass-mon');
  });

  it('a Baseline tier Pass (ClusterNetworkPolicy) goes on to the default: allowed', () => {
    const base = (name: string, priority: number, action: 'pass' | 'deny'): ClusterPolicy => ({
      id: `ClusterNetworkPolicy/${name}`,
      kind: 'ClusterNetworkPolicy',
      name,
      tier: 'baseline',
      priority,
      subject: prodSubject,
      ingress: [{ name, action, peers: [fromMon] }],
      egress: [],
    });
    assert.deepEqual(linesTo(cluster([base('pass', 1, 'pass'), base('deny', 2, 'deny')], []), 'prod/api[Pod]').length, 2);
    assert.deepEqual(linesTo(cluster([base('pass', 3, 'pass'), base('deny', 2, 'deny')], []), 'prod/api[Pod]'), ['prod/db[Pod] => prod/api[Pod] : All Connections']);
  });

  it('a named port resolves on the destination by name, whatever its protocol; networks match addresses only', () => {
    const policyNamed = anp('named', 1, {
      subject: prodSubject,
      ingress: [{ name: 'metrics', action: 'allow', peers: [fromMon], ports: [{ kind: 'named', name: 'metrics' }] }, { name: 'rest', action: 'deny', peers: [fromMon] }],
      egress: [{ name: 'out', action: 'deny', peers: [{ networks: ['10.0.0.0/8'] }] }],
    });
    const all = listing(cluster([policyNamed], []));
    assert.ok(all.includes('mon/prom[Pod] => prod/api[Pod] : TCP 9090'), all.join('\n'));
    assert.ok(!all.some((l) => l.startsWith('mon/prom[Pod] => prod/db')), 'db declares no port named metrics');
    assert.ok(all.includes('prod/api[Pod] => 0.0.0.0-9.255.255.255[External] : All Connections'));
    assert.ok(all.includes('prod/api[Pod] => 11.0.0.0-255.255.255.255[External] : All Connections'));
    assert.ok(all.includes('prod/api[Pod] => prod/db[Pod] : All Connections'), 'a networks peer never matches a pod');
  });

  it('policies of one tier and priority that match the same peer on a common port are reported as a tie', () => {
    const a = anp('a', 7, { subject: prodSubject, ingress: [{ name: 'x', action: 'deny', peers: [fromMon] }] });
    const b = anp('b', 7, { subject: prodSubject, ingress: [{ name: 'y', action: 'allow', peers: [fromMon], ports: [{ kind: 'range', protocol: 'TCP', from: 80, to: 80 }] }] });
    const net = new Network(cluster([b, a]));
    assert.deepEqual(explainPair(net, { workload: 0 }, { workload: 1 }).ingress?.ties, [['AdminNetworkPolicy/a', 'AdminNetworkPolicy/b']]);
    assert.deepEqual(explainPair(net, { workload: 0 }, { workload: 1 }, PortSet.range('UDP', 53, 53)).ingress?.ties, [], 'on UDP 53 only a matches');
    assert.deepEqual(explainPair(net, { workload: 2 }, { workload: 1 }).ingress?.ties, [], 'neither matches prod/db');
  });

  it('the matrix and the explanation agree on every pair (random clusters and cluster-wide policies)', () => {
    fc.assert(
      fc.property(arbitraryCluster, arbitraryClusterPolicies, (input, clusterPolicies) => {
        const net = new Network({ ...input, clusterPolicies });
        const m = new ConnectivityMatrix(net);
        for (let s = 0; s < net.workloads.length; s++) {
          for (let d = 0; d < net.workloads.length; d++) {
            if (s === d) continue;
            const fromMatrix = m.ports(s, d) ?? PortSet.empty();
            const explained = explainPair(net, { workload: s }, { workload: d }).allowed;
            assert.equal(fromMatrix.key, explained.key, `${s} → ${d}`);
          }
          for (const c of m.toAddresses(s)) assert.equal(c.ports.key, explainPair(net, { workload: s }, { family: c.range.family, address: c.range.to }).allowed.key);
          for (const c of m.fromAddresses(s)) assert.equal(c.ports.key, explainPair(net, { family: c.range.family, address: c.range.from }, { workload: s }).allowed.key);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a cluster-wide policy whose subject selects nothing changes nothing', () => {
    fc.assert(
      fc.property(arbitraryCluster, arbitraryClusterPolicies, (input, clusterPolicies) => {
        const idle = clusterPolicies.map((p) => ({ ...p, subject: { namespaces: { matchLabels: { none: 'x' } } } }));
        assert.deepEqual(listing({ ...input, clusterPolicies: idle }), listing(input));
      }),
      { numRuns: 100 },
    );
  });
});
