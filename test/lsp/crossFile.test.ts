/**
 * Cross-file diagnostics through the bundled server: editing a Deployment's labels (only that file
 * is open) changes the diagnostics of the policy file that selects it, without opening it, and
 * changing them back clears them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const deployment = (app: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - {name: http, containerPort: 8080}
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - ports:
    - port: http
`;

describe('cross-file diagnostics over LSP', () => {
  let dir: string;
  let client: LspTestClient;
  let deploymentUri: string;
  let policyUri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-xf-'));
    writeFileSync(join(dir, 'deployment.yaml'), deployment('web'));
    writeFileSync(join(dir, 'netpol.yaml'), POLICY);
    client = await LspTestClient.start(dir);
    await client.waitForReady();
    deploymentUri = uriOf(join(dir, 'deployment.yaml'));
    policyUri = uriOf(join(dir, 'netpol.yaml'));
    client.open(deploymentUri, deployment('web'));
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const selectsNothing = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'policy-selects-nothing');

  it('starts clean: the policy selects the Deployment', async () => {
    const ds = await client.diagnosticsOf(policyUri, () => true, 'first diagnostics of netpol.yaml');
    assert.deepEqual(selectsNothing(ds), []);
  });

  it('a label change in deployment.yaml makes policy-selects-nothing appear in netpol.yaml', async () => {
    client.change(deploymentUri, deployment('website'));
    const ds = selectsNothing(await client.diagnosticsOf(policyUri, (d) => selectsNothing(d).length === 1, 'policy-selects-nothing'));
    const d = ds[0] as Diagnostic;
    assert.equal(d.range.start.line, 6, 'on spec.podSelector');
    assert.match(d.message, /selects no workload in namespace shop/);
    assert.match(d.message, /no effect at runtime/);
  });

  it('changing the label back clears it', async () => {
    client.change(deploymentUri, deployment('web'));
    const ds = await client.diagnosticsOf(policyUri, (d) => selectsNothing(d).length === 0, 'policy-selects-nothing cleared');
    assert.deepEqual(selectsNothing(ds), []);
  });
});
