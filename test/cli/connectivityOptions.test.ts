/**
 * `dist/cli.js connectivity`: netpol-analyzer's command line where it differed — comma-separated
 * focus names, a focus name that names nothing (an error, not an empty listing), --focus-conn,
 * --format md|csv|dot and --exposure.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const deployment = (ns: string, name: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: main
          image: example/${name}
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: checkout
  namespace: backend
spec:
  podSelector:
    matchLabels:
      app: checkout
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector: {}
      ports:
        - port: 8080
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              team: dns
      ports:
        - port: 53
          protocol: UDP
`;

describe('netpol-lens connectivity options', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-connectivity-'));
    writeFileSync(join(dir, 'apps.yaml'), [deployment('backend', 'checkout'), deployment('frontend', 'webapp'), deployment('backend', 'reports')].join('---\n'));
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("comma-separated --focus-workload lists both workloads' connections", () => {
    const both = run(dir, 'connectivity', '--focus-workload', 'backend/checkout,frontend/webapp');
    assert.equal(both.code, 0, both.stderr);
    const repeated = run(dir, 'connectivity', '--focus-workload', 'backend/checkout', '--focus-workload', 'frontend/webapp');
    assert.equal(both.stdout, repeated.stdout);
    assert.match(both.stdout, /^frontend\/webapp\[Deployment\] => backend\/checkout\[Deployment\] : TCP 8080$/m);
    assert.match(both.stdout, /^frontend\/webapp\[Deployment\] => backend\/reports\[Deployment\] : All Connections$/m);
  });

  it('a focus name that matches no workload is an error (exit 2), never an empty listing', () => {
    const r = run(dir, 'connectivity', '--focus-workload', 'backend/checkout,frontend/webap');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no workload named "frontend\/webap"/);
    assert.equal(r.stdout, '');
    assert.equal(run(dir, 'connectivity', '--focus-workload', 'checkout', '--focus-workload-peer', 'nope').code, 2);
  });

  it("--focus-conn prints netpol-analyzer's header and the pairs allowing that port", () => {
    const r = run(dir, 'connectivity', '--focus-conn', 'tcp-8080', '--focus-workload', 'checkout', '--focus-direction', 'ingress');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'Permitted connections on TCP 8080:\nbackend/reports[Deployment] => backend/checkout[Deployment]\nfrontend/webapp[Deployment] => backend/checkout[Deployment]\n');
    const udp = run(dir, 'connectivity', '--focus-conn', 'UDP-53', '--focus-workload', 'checkout', '--focus-direction', 'egress');
    assert.equal(udp.stdout, 'Permitted connections on UDP 53:\n');
  });

  it('--format md, csv and dot', () => {
    const md = run(dir, 'connectivity', '--format', 'md', '--focus-workload', 'checkout');
    assert.match(md.stdout, /^\| src \| dst \| conn \|\n\|-----\|-----\|------\|\n/);
    assert.match(md.stdout, /^\| frontend\/webapp\[Deployment\] \| backend\/checkout\[Deployment\] \| TCP 8080 \|$/m);
    const csv = run(dir, 'connectivity', '--format', 'csv', '--focus-workload', 'checkout');
    assert.match(csv.stdout, /^src,dst,conn\n/);
    assert.match(csv.stdout, /^frontend\/webapp\[Deployment\],backend\/checkout\[Deployment\],TCP 8080$/m);
    const dot = run(dir, 'connectivity', '--format', 'dot');
    assert.match(dot.stdout, /^digraph \{\n\tsubgraph "cluster_backend\[namespace\]" \{/);
    assert.match(dot.stdout, /"frontend\/webapp\[Deployment\]" -> "backend\/checkout\[Deployment\]" \[label="TCP 8080" color="gold2" fontcolor="darkgreen" weight=1\]/);
    assert.match(dot.stdout, /"0\.0\.0\.0-255\.255\.255\.255\[External\]" \[label="0\.0\.0\.0-255\.255\.255\.255\[External\]" color="red2" fontcolor="red2"\]/);
  });

  it('--exposure: what checkout is open to beyond the workloads here, and who is not protected', () => {
    const r = run(dir, 'connectivity', '--exposure', '--focus-workload', 'checkout');
    assert.equal(r.code, 0, r.stderr);
    const section = r.stdout.slice(r.stdout.indexOf('Exposure Analysis Result:'));
    assert.equal(
      section,
      [
        'Exposure Analysis Result:',
        'Egress Exposure:',
        'backend/checkout[Deployment] \t=> \t[namespace with {team=dns}]/[all pods] : UDP 53',
        '',
        'Ingress Exposure:',
        'backend/checkout[Deployment] \t<= \tentire-cluster : TCP 8080',
        '',
      ].join('\n'),
    );
    const all = run(dir, 'connectivity', '--exposure');
    assert.match(all.stdout, /^frontend\/webapp\[Deployment\] is not protected on Ingress$/m);
    const json = JSON.parse(run(dir, 'connectivity', '--exposure', '--format', 'json', '--focus-workload', 'checkout').stdout) as {
      exposure: { ingress: { workload: string; peer: string; text: string }[] };
    };
    assert.deepEqual(json.exposure.ingress, [{ workload: 'backend/checkout[Deployment]', peer: 'entire-cluster', conns: { TCP: [[8080, 8080]] }, text: 'TCP 8080' }]);
  });
});
