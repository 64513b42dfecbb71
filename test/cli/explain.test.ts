/**
 * `dist/cli.js explain` and `connectivity --explain`: netpol-analyzer's explanation text on a
 * small folder, --explain-only, --focus-conn and the focus names.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendIngressPolicy } from '../support/shopRepository';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pod = (name: string, app: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: shop
  labels:
    app: ${app}
spec:
  containers:
    - name: main
      image: example/${app}
`;

const POLICY = backendIngressPolicy('        - port: 8080');

const SEPARATOR = '-'.repeat(160);

describe('netpol-lens explain', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-explain-'));
    writeFileSync(join(dir, 'pods.yaml'), `${pod('frontend', 'frontend')}---\n${pod('backend', 'backend')}`);
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints netpol-analyzer's sections: specific reasons, then the system-default pairs", () => {
    const r = run(dir, 'explain');
    assert.equal(r.code, 0, r.stderr);
    const expected = [
      '',
      '##########################################',
      '# Specific connections and their reasons #',
      '##########################################',
      SEPARATOR,
      'Connections between 0.0.0.0-255.255.255.255[External] => shop/backend[Pod]:',
      '',
      'Denied connections:',
      '\tDenied TCP, UDP, SCTP due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Denied)',
      "\t\t\tNetworkPolicy 'shop/backend-ingress' selects shop/backend[Pod], but 0.0.0.0-255.255.255.255[External] is not allowed by any Ingress rule",
      '',
      SEPARATOR,
      'Connections between shop/frontend[Pod] => shop/backend[Pod]:',
      '',
      'Allowed connections:',
      '\tAllowed TCP:[8080] due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Allowed)',
      "\t\t\tNetworkPolicy 'shop/backend-ingress' allows connections by Ingress rule #1",
      '',
      'Denied connections:',
      '\tDenied TCP:[1-8079,8081-65535], UDP, SCTP due to the following policies and rules:',
      '\t\tEgress (Allowed) due to the system default (Allow all)',
      '\t\tIngress (Denied)',
      "\t\t\tNetworkPolicy 'shop/backend-ingress' selects shop/backend[Pod], and Ingress rule #1 selects shop/frontend[Pod], but the protocols and ports do not match",
      '',
      '',
      '#########################################################',
      '# All Connections due to the system default (Allow all) #',
      '#########################################################',
      '0.0.0.0-255.255.255.255[External] => shop/frontend[Pod]',
      'shop/backend[Pod] => 0.0.0.0-255.255.255.255[External]',
      'shop/backend[Pod] => shop/frontend[Pod]',
      'shop/frontend[Pod] => 0.0.0.0-255.255.255.255[External]',
      '',
    ].join('\n');
    assert.equal(r.stdout, expected);
    assert.equal(run(dir, 'connectivity', '--explain').stdout, expected);
  });

  it('--explain-only deny keeps the pairs with nothing allowed', () => {
    const r = run(dir, 'connectivity', '--explain', '--explain-only', 'deny');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Connections between 0\.0\.0\.0-255\.255\.255\.255\[External\] => shop\/backend\[Pod\]:/);
    assert.doesNotMatch(r.stdout, /shop\/frontend\[Pod\] => shop\/backend\[Pod\]/);
    assert.doesNotMatch(r.stdout, /system default \(Allow all\) #/);
  });

  it('--focus-conn shows the one port, the system default as a class; allow keeps the pairs where it is allowed', () => {
    const r = run(dir, 'explain', '--focus-conn', 'tcp-8080', '--explain-only', 'allow', '--focus-workload', 'backend');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Connections between shop\/frontend\[Pod\] => shop\/backend\[Pod\]:\n\nAllowed connections:\n\tAllowed TCP:\[8080\] due to/);
    assert.match(r.stdout, /Connections between shop\/backend\[Pod\] => shop\/frontend\[Pod\]:\n\nAllowed connections:\n\tAllowed TCP:\[8080\] due to the system default \(Allow all\)\n/);
    assert.doesNotMatch(r.stdout, /Denied/);
  });

  it('comma-separated focus names; a name that matches no workload is an error', () => {
    const r = run(dir, 'explain', '--focus-workload', 'shop/backend,frontend', '--focus-direction', 'ingress');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /=> shop\/backend\[Pod\]/);
    assert.match(r.stdout, /=> shop\/frontend\[Pod\]/);
    const bad = run(dir, 'explain', '--focus-workload', 'backend,checkout');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no workload named "checkout"/);
    assert.equal(bad.stdout, '');
  });

  it('usage errors: a bad --focus-conn, --explain-only without --explain', () => {
    assert.match(run(dir, 'explain', '--focus-conn', 'http-80').stderr, /--focus-conn must be <protocol>-<port>/);
    assert.equal(run(dir, 'connectivity', '--explain-only', 'allow').code, 2);
  });
});
