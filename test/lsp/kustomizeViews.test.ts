/**
 * Cluster views through the bundled server: a base policy whose selected label comes from the
 * overlays' `labels:` is clean; when one overlay's kustomization (the only open file) stops adding
 * the label, the unopened base policy gets policy-selects-nothing naming that overlay only, and
 * the hover on the base Deployment answers per overlay.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector:
    matchLabels: {app: web, tier: frontend}
  policyTypes: [Ingress]
`;

const overlay = (ns: string, labelled: boolean): string =>
  `resources:\n- ../../base\nnamespace: ${ns}\n${labelled ? 'labels:\n- pairs: {tier: frontend}\n  includeTemplates: true\n' : ''}`;

describe('kustomize views over LSP', () => {
  let dir: string;
  let client: LspTestClient;
  let policyUri: string;
  let devUri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-views-'));
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base', 'kustomization.yaml'), 'resources:\n- deployment.yaml\n- policy.yaml\n');
    writeFileSync(join(dir, 'base', 'deployment.yaml'), DEPLOYMENT);
    writeFileSync(join(dir, 'base', 'policy.yaml'), POLICY);
    for (const env of ['dev', 'prod']) {
      mkdirSync(join(dir, 'overlays', env), { recursive: true });
      writeFileSync(join(dir, 'overlays', env, 'kustomization.yaml'), overlay(env, true));
    }
    client = await LspTestClient.start(dir);
    await client.waitForReady();
    policyUri = uriOf(join(dir, 'base', 'policy.yaml'));
    devUri = uriOf(join(dir, 'overlays', 'dev', 'kustomization.yaml'));
    client.open(devUri, overlay('dev', true));
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const selectsNothing = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'policy-selects-nothing');

  it('the base policy is clean: every overlay gives its pods the label', async () => {
    const ds = await client.diagnosticsOf(policyUri, () => true, 'first diagnostics of base/policy.yaml');
    assert.deepEqual(selectsNothing(ds), []);
  });

  it('an overlay that stops adding the label gets the finding, named, in the base file', async () => {
    client.change(devUri, overlay('dev', false));
    const ds = selectsNothing(await client.diagnosticsOf(policyUri, (d) => selectsNothing(d).length === 1, 'policy-selects-nothing'));
    const d = ds[0] as Diagnostic;
    assert.equal(d.range.start.line, 5, 'on spec.podSelector of the base');
    assert.match(d.message, /namespace dev/);
    assert.match(d.message, /\(in kustomize build overlays\/dev\)$/);
    assert.doesNotMatch(d.message, /overlays\/prod/);
  });

  it('the hover on the base Deployment answers per overlay', async () => {
    const deploymentUri = uriOf(join(dir, 'base', 'deployment.yaml'));
    client.open(deploymentUri, DEPLOYMENT);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: deploymentUri }, position: { line: 3, character: 9 } });
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /In `overlays\/dev`/);
    assert.match(text, /In `overlays\/prod`/);
  });

  it('adding the label back clears it', async () => {
    client.change(devUri, overlay('dev', true));
    const ds = await client.diagnosticsOf(policyUri, (d) => selectsNothing(d).length === 0, 'policy-selects-nothing cleared');
    assert.deepEqual(selectsNothing(ds), []);
  });
});
