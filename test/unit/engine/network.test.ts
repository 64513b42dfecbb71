/** The engine's answers: selection, isolation per direction, peers, provenance and explanations. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explainPair } from '../../../server/src/engine/explain';
import { Network } from '../../../server/src/engine/network';
import { PortSet } from '../../../server/src/engine/portSet';
import type { PolicyPeer } from '../../../server/src/engine/types';
import { listing, pod, policy } from './engineFixtures';

const web = pod('web', { app: 'web' }, 'default', [{ name: 'http', port: 8080, protocol: 'TCP' }]);
const api = pod('api', { app: 'api' });
const other = pod('other', { app: 'web' }, 'prod');

describe('Network: selection and isolation', () => {
  it('a policy selects pods of its own namespace only; a missing podSelector selects all of them', () => {
    const net = new Network({
      workloads: [web, api, other],
      namespaces: [],
      policies: [policy('web', { podSelector: { matchLabels: { app: 'web' } } }), policy('all', {})],
    });
    assert.deepEqual(net.selected(0).toArray(), [0]);
    assert.deepEqual(net.selected(1).toArray(), [0, 1]);
    assert.deepEqual(net.selecting(2), []);
  });

  it('defaults policyTypes: Ingress, plus Egress only with egress rules', () => {
    const net = new Network({
      workloads: [web],
      namespaces: [],
      policies: [policy('empty-egress', { egress: [] }), policy('with-egress', { egress: [{}] }), policy('explicit', { policyTypes: ['Egress'], ingress: [{}] })],
    });
    assert.deepEqual([0, 1, 2].map((i) => [net.governs(i, 'ingress'), net.governs(i, 'egress')]), [
      [true, false],
      [true, true],
      [false, true],
    ]);
    assert.equal(net.piecesOf(2, 'ingress').length, 0, 'rules of an ungoverned direction are ignored');
  });

  it('reports isolation and the allowed pieces with their policy, rule and peer', () => {
    const net = new Network({
      workloads: [web, api],
      namespaces: [],
      policies: [
        policy('web', {
          podSelector: { matchLabels: { app: 'web' } },
          ingress: [{ peers: [{ ipBlock: { cidr: '10.0.0.0/8' } }, { podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'http' }] }],
        }),
      ],
    });
    const answer = net.allowed(0, 'ingress');
    assert.equal(answer.isolated, true);
    assert.deepEqual(
      answer.pieces.map((p) => p.rule),
      [
        { policy: 'default/web', direction: 'ingress', ruleIndex: 0, peerIndex: 0 },
        { policy: 'default/web', direction: 'ingress', ruleIndex: 0, peerIndex: 1 },
      ],
    );
    assert.deepEqual(answer.pieces[0]?.workloads.toArray(), [], 'an ipBlock matches no pod');
    assert.deepEqual(answer.pieces[1]?.workloads.toArray(), [1]);
    assert.equal(net.allowed(0, 'egress').isolated, false);
    assert.equal(net.allowed(1, 'ingress').isolated, false);
  });

  it('ANDs podSelector and namespaceSelector within a peer, ORs across peers', () => {
    const a = pod('a', { app: 'x' }, 'ns1');
    const b = pod('b', { app: 'y' }, 'ns1');
    const c = pod('c', { app: 'x' }, 'ns2');
    const target = pod('t', { app: 't' }, 'ns3');
    const into = (peers: PolicyPeer[]): string[] =>
      listing({
        workloads: [a, b, c, target],
        namespaces: [{ name: 'ns1', labels: { team: 'one' } }],
        policies: [policy('t', { podSelector: { matchLabels: { app: 't' } }, ingress: [{ peers }] }, 'ns3')],
      }).filter((l) => l.includes('=> ns3/t[Pod]'));
    const inTeamOne = { namespaceSelector: { matchLabels: { team: 'one' } } };
    const appX = { podSelector: { matchLabels: { app: 'x' } } };
    assert.deepEqual(into([{ ...inTeamOne, ...appX }]), ['ns1/a[Pod] => ns3/t[Pod] : All Connections']);
    // A podSelector alone means the policy's namespace (ns3): no x there.
    assert.deepEqual(into([inTeamOne, appX]), ['ns1/a[Pod] => ns3/t[Pod] : All Connections', 'ns1/b[Pod] => ns3/t[Pod] : All Connections']);
  });

  it('gives every namespace its kubernetes.io/metadata.name label, also namespaces only referenced', () => {
    const net = new Network({ workloads: [other], namespaces: [{ name: 'team', labels: { 'kubernetes.io/metadata.name': 'wrong' } }], policies: [] });
    assert.deepEqual(net.namespaceLabelsOf('team'), { 'kubernetes.io/metadata.name': 'team' });
    assert.deepEqual(net.namespaceLabelsOf('prod'), { 'kubernetes.io/metadata.name': 'prod' });
  });
});

describe('explainPair', () => {
  const net = new Network({
    workloads: [web, api],
    namespaces: [],
    policies: [
      policy('web-in', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ peers: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'http' }] }] }),
      policy('api-out', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 8080 }, { protocol: 'UDP', port: 53 }] }] }),
    ],
  });

  it('names the rules allowing each side and the end-to-end ports', () => {
    const x = explainPair(net, { workload: 1 }, { workload: 0 });
    assert.equal(x.allowed.toString(), 'TCP 8080');
    assert.deepEqual(x.denied, []);
    assert.deepEqual(x.egress?.matches.map((m) => [m.rule.policy, m.rule.ruleIndex, m.rule.peerIndex, m.ports.toString()]), [['default/api-out', 0, undefined, 'TCP 8080,UDP 53']]);
    assert.deepEqual(x.ingress?.matches.map((m) => [m.rule.policy, m.rule.peerIndex, m.ports.toString()]), [['default/web-in', 0, 'TCP 8080']]);
  });

  it('says which side denies', () => {
    assert.deepEqual(explainPair(net, { workload: 0 }, { workload: 1 }).denied, [], 'web → api: web egress and api ingress are open');
    const fromOutside = explainPair(net, { family: 'ipv4', address: 1n }, { workload: 0 });
    assert.deepEqual(fromOutside.denied, ['no-ingress-rule']);
    assert.equal(fromOutside.egress, undefined);
    const onPort = explainPair(net, { workload: 1 }, { workload: 0 }, PortSet.range('TCP', 9090, 9090));
    assert.deepEqual(onPort.denied, ['no-egress-rule', 'no-ingress-rule']);
    const outside = explainPair(net, { workload: 1 }, { family: 'ipv4', address: 1n }, PortSet.range('UDP', 53, 53));
    assert.equal(outside.allowed.toString(), 'UDP 53');
  });
});
