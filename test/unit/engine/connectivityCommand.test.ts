/** `netpol-lens connectivity`: text and JSON output, focus options, usage errors, through main(). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInMemory, type CliRun } from '../../support/memoryIo';
import { main } from '../../../server/src/cli/main';

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: w, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: client}}}]
    ports: [{port: http}]
  - from: [{ipBlock: {cidr: 2001:db8::/32}}]
`;

/** Cluster-wide policies over the same pods: an ANP denying client → web on 8080 before the NetworkPolicy, a tie, a nodes peer. */
const ADMIN = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: deny-client}
spec:
  priority: 5
  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}
  ingress:
  - name: no-client
    action: Deny
    from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: client}}}}]
    ports: [{portNumber: {port: 8080}}]
---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: allow-all}
spec:
  priority: 5
  subject: {namespaces: {}}
  ingress:
  - {name: all, action: Allow, from: [{namespaces: {}}]}
  egress:
  - {name: nodes, action: Deny, to: [{nodes: {}}]}
`;

function run(args: string[], stdin = '', extra = ''): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-conn-'));
  writeFileSync(join(dir, 'all.yaml'), MANIFESTS + (extra ? `---\n${extra}` : ''));
  return runInMemory((a, io) => main(['connectivity', ...a], io), args, dir, stdin);
}

describe('connectivity command', () => {
  it('prints the listing: sorted, self pairs left out, IPv4 only', async () => {
    const r = await run([]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trimEnd().split('\n'), [
      '0.0.0.0-255.255.255.255[External] => default/client[Pod] : All Connections',
      'default/client[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'default/client[Pod] => default/web[Pod] : TCP 8080',
      'default/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'default/web[Pod] => default/client[Pod] : All Connections',
    ]);
  });

  it('reads a stream from standard input with "-"', async () => {
    const r = await run(['-', '--focus-workload', 'default/web', '--focus-direction', 'ingress'], `---\n# Source: app/templates/all.yaml\n${MANIFESTS}`);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trimEnd().split('\n'), ['default/client[Pod] => default/web[Pod] : TCP 8080']);
  });

  it('focuses on a workload and a direction', async () => {
    const r = await run(['--focus-workload', 'default/web', '--focus-direction', 'ingress']);
    assert.deepEqual(r.out.trimEnd().split('\n'), ['default/client[Pod] => default/web[Pod] : TCP 8080']);
  });

  it('prints JSON with workloads, port ranges, IPv6 and the rules allowing each connection', async () => {
    const r = await run(['--format', 'json', '--focus-workload', 'web', '--focus-direction', 'ingress']);
    const json = JSON.parse(r.out) as { workloads: { id: string }[]; connections: { src: string; dst: string; conns: unknown; reasons: string[] }[] };
    assert.deepEqual(json.workloads.map((w) => w.id), ['default/web[Pod]', 'default/client[Pod]']);
    assert.deepEqual(json.connections, [
      {
        src: '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External]',
        dst: 'default/web[Pod]',
        conns: 'all',
        reasons: ['default/web[Pod] ingress: default/web spec.ingress[1].from[0] allows All Connections'],
      },
      {
        src: 'default/client[Pod]',
        dst: 'default/web[Pod]',
        conns: { TCP: [[8080, 8080]] },
        reasons: [
          'default/client[Pod] egress: not isolated (no policy governs egress)',
          'default/web[Pod] ingress: default/web spec.ingress[0].from[0] allows TCP 8080',
        ],
      },
    ]);
  });

  it('with AdminNetworkPolicies: warns about ties and unjudged peers, and names the tier and rule in JSON reasons', async () => {
    const r = await run(['--format', 'json', '--focus-workload', 'web', '--focus-direction', 'ingress'], '', ADMIN);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /netpol-lens: warning: AdminNetworkPolicy allow-all and AdminNetworkPolicy deny-client have the same priority 5 and both match default\/client\[Pod\] => default\/web\[Pod\] on TCP 8080: which applies is undefined upstream; this listing applies allow-all first \(name order\)/);
    assert.match(r.err, /netpol-lens: warning: AdminNetworkPolicy allow-all egress\[0\] has a `nodes` peer/);
    const json = JSON.parse(r.out) as { connections: { src: string; reasons: string[] }[] };
    const client = json.connections.find((c) => c.src === 'default/client[Pod]');
    assert.deepEqual(client?.reasons, [
      // The allow-all policy applies to client's egress too (its nodes rule): no tier decides there.
      'default/client[Pod] egress: All Connections allowed by default (no tier decides)',
      'default/web[Pod] ingress: All Connections allowed by AdminNetworkPolicy allow-all (priority 5) ingress[0] "all"',
    ]);
  });

  it('exits 2 with a message for bad usage and missing paths', async () => {
    for (const args of [['--format', 'xml'], ['--focus-direction', 'ingress'], ['no-such-folder'], ['--bogus']]) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^netpol-lens: /);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
  });
});
