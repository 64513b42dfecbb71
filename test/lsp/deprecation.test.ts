/**
 * The deprecation rules through the bundled server, as a user of an old repository meets them:
 * files never opened get `deprecated-api-version` and `legacy-isolation-annotation`, the severity
 * follows the target Kubernetes version, and the quick fixes turn the old objects into new ones
 * the rules accept.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, applyWorkspaceEdit as apply, uriOf } from '../support/lspClient';

const OLD_POLICY = `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const OLD_INGRESS = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: web
          servicePort: 80
`;

const ANNOTATED_NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  annotations:
    net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
`;

const FILES: Record<string, string> = { 'policy.yaml': OLD_POLICY, 'ingress.yaml': OLD_INGRESS, 'namespace.yaml': ANNOTATED_NAMESPACE };

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-deprecation-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  return dir;
}


const ofRule = (ds: Diagnostic[], rule: string): Diagnostic[] => ds.filter((d) => d.code === rule);

describe('deprecated APIs over LSP (target 1.34, the default)', () => {
  let dir: string;
  let client: LspTestClient;
  const uri = (name: string): string => uriOf(join(dir, name));

  before(async () => {
    dir = workspace();
    client = await LspTestClient.start(dir);
    await client.waitForReady();
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports removed apiVersions in files never opened, as errors on the apiVersion value', async () => {
    for (const name of ['policy.yaml', 'ingress.yaml']) {
      const ds = ofRule(await client.diagnosticsOf(uri(name), (d) => ofRule(d, 'deprecated-api-version').length > 0, name), 'deprecated-api-version');
      assert.equal(ds.length, 1, name);
      const d = ds[0] as Diagnostic;
      assert.equal(d.severity, DiagnosticSeverity.Error, name);
      assert.deepEqual(d.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 30 } }, `${name}: the range is extensions/v1beta1`);
      assert.match(d.message, /kubectl apply fails on Kubernetes ≥1\.(16|22) \(target 1\.34\)/, name);
      assert.match(String(d.codeDescription?.href), /docs\/rules\/deprecated-api-version\.md$/);
    }
  });

  it('reports the pre-1.7 isolation annotation on the Namespace, never opened', async () => {
    const ds = ofRule(await client.diagnosticsOf(uri('namespace.yaml'), (d) => ofRule(d, 'legacy-isolation-annotation').length > 0), 'legacy-isolation-annotation');
    assert.equal(ds.length, 1);
    assert.equal((ds[0] as Diagnostic).range.start.line, 5);
  });

  for (const name of ['policy.yaml', 'ingress.yaml', 'namespace.yaml']) {
    it(`the quick fix on ${name} gives a file the deprecation rules accept`, async () => {
      const u = uri(name);
      const text = FILES[name] as string;
      client.open(u, text);
      const rule = name === 'namespace.yaml' ? 'legacy-isolation-annotation' : 'deprecated-api-version';
      const d = ofRule(await client.diagnosticsOf(u, (ds) => ofRule(ds, rule).length === 1), rule)[0] as Diagnostic;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: u },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      });
      const fix = actions.find((a) => a.isPreferred) ?? actions[0];
      assert.ok(fix?.edit, `no fix among ${actions.map((a) => a.title).join(', ')}`);
      const fixed = apply(text, fix.edit, u);
      if (name === 'ingress.yaml') {
        assert.match(fixed, /^apiVersion: networking\.k8s\.io\/v1$/m);
        assert.match(fixed, /service:\n\s+name: web\n\s+port:\n\s+number: 80/);
        assert.match(fixed, /pathType: ImplementationSpecific/);
      } else if (name === 'policy.yaml') {
        assert.equal(fixed, OLD_POLICY.replace('extensions/v1beta1', 'networking.k8s.io/v1'));
      } else {
        assert.doesNotMatch(fixed, /net\.beta\.kubernetes\.io/);
        assert.match(fixed, /kind: NetworkPolicy/);
      }
      const version = client.change(u, fixed);
      await client.waitFor(`${name}: no ${rule} after the fix`, () => {
        const p = client.diagnostics.get(u);
        return p?.version === version && ofRule(p.diagnostics, rule).length === 0;
      });
      const left = client.diagnostics.get(u)?.diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error) ?? [];
      assert.deepEqual(left.map((x) => x.code), [], `${name}: the fixed file has no errors`);
      client.close(u);
    });
  }
});

describe('deprecated APIs over LSP (target 1.15)', () => {
  it('an apiVersion deprecated but not yet removed at the target is a warning', async () => {
    const dir = workspace();
    const client = await LspTestClient.start(dir, { settings: { targetKubernetesVersion: '1.15' } });
    try {
      await client.waitForReady();
      const u = uriOf(join(dir, 'policy.yaml'));
      const d = ofRule(await client.diagnosticsOf(u, (ds) => ofRule(ds, 'deprecated-api-version').length > 0), 'deprecated-api-version')[0] as Diagnostic;
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.message, /1\.16/);
      assert.equal(readFileSync(join(dir, 'policy.yaml'), 'utf8'), OLD_POLICY, 'nothing is written to disk');
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
