/**
 * Two-phase diagnostics through the bundled server: a keystroke in an open file publishes that
 * version's diagnostics before the cross-file run — its file-scope findings for the new text, and
 * the cross-file findings last published carried through the edit (moved where they lie after it,
 * dropped where they touch it) — and the cross-file run then publishes the exact result.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`;

// Line 6: a typo'd selector (policy-selects-nothing, a cross-file finding); line 10: the CIDR the
// keystroke breaks; line 18: a second policy selecting nothing, after the edit.
const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: typo
  namespace: shop
spec:
  podSelector: {matchLabels: {app: webb}}
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/8
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
  namespace: shop
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - {}
`;

const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const endOfLine = (line: number): { line: number; character: number } => ({ line, character: (POLICIES.split('\n')[line] ?? '').length });
const codes = (ds: readonly Diagnostic[], code: string): number[] => ds.filter((d) => d.code === code).map((d) => d.range.start.line);

describe('two-phase diagnostics over LSP', () => {
  let dir: string;
  let client: LspTestClient;
  let uri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-fast-'));
    writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
    writeFileSync(join(dir, 'netpol.yaml'), POLICIES);
    client = await LspTestClient.start(dir);
    await client.waitForReady();
    uri = uriOf(join(dir, 'netpol.yaml'));
    client.open(uri, POLICIES);
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a keystroke’s version with its own findings and the carried cross-file ones first, then the exact result', async () => {
    const typo = lineOf(POLICIES, 'app: webb');
    const cidr = lineOf(POLICIES, 'cidr:');
    const api = lineOf(POLICIES, 'app: api');
    const opened = await client.diagnosticsOf(uri, (ds) => codes(ds, 'policy-selects-nothing').length === 2, 'both policies select nothing');
    assert.deepEqual(codes(opened, 'policy-selects-nothing'), [typo, api]);
    assert.deepEqual(codes(opened, 'ipblock-invalid-cidr'), []);

    // One notification, two cursors: a comment at the end of the typo'd selector (the edge of its
    // finding), and `9` then a line break at the end of the CIDR (now /89: invalid).
    const version = client.changeRanges(uri, [
      { range: { start: endOfLine(typo), end: endOfLine(typo) }, text: ' # webb?' },
      { range: { start: endOfLine(cidr), end: endOfLine(cidr) }, text: '9\n' },
    ]);
    const published: PublishDiagnosticsParams[] = [];
    await client.waitFor('the exact diagnostics of the keystroke', () => {
      const p = client.diagnostics.get(uri);
      if (p?.version === version && published.at(-1) !== p) published.push(p);
      return p?.version === version && codes(p.diagnostics, 'policy-selects-nothing').length === 2;
    });

    const [fast] = published;
    assert.ok(fast && published.length === 2, `a fast publish, then the run's (${published.length} publishes of version ${version})`);
    assert.deepEqual(codes(fast.diagnostics, 'ipblock-invalid-cidr'), [cidr], 'the new file-scope finding, for the new text');
    assert.deepEqual(codes(fast.diagnostics, 'policy-selects-nothing'), [api + 1], 'the finding after the edit moved down a line; the one at its edge dropped');
    const exact = published[1]?.diagnostics ?? [];
    assert.deepEqual(codes(exact, 'policy-selects-nothing'), [typo, api + 1]);
    assert.deepEqual(codes(exact, 'ipblock-invalid-cidr'), [cidr]);
  });
});
