/**
 * Namespace-less manifests of unrelated folders through the bundled server: a test's policy does
 * not "drop" a sample's Ingress (two families of folders), a policy beside its app's folder does;
 * a namespace-less object opened at the root joins every folder into one family, and the finding
 * the families hid appears, then goes when that editor closes. The hover on the sample's
 * Deployment names no test's policy.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'workspaces', 'namespace-less-folders');
const ROOT_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec:\n  containers: [{name: c, image: busybox}]\n';

describe('families of folders over LSP', () => {
  let dir: string;
  let client: LspTestClient;
  let shopUri: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-families-'));
    cpSync(FIXTURE, dir, { recursive: true });
    client = await LspTestClient.start(dir);
    await client.waitForReady();
    shopUri = uriOf(join(dir, 'samples', 'shop', 'shop.yaml'));
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const blocked = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'ingress-controller-blocked');

  it("a test's policy does not drop a sample's Ingress; a policy beside the app's folder does", async () => {
    assert.deepEqual(blocked(await client.diagnosticsOf(shopUri, () => true, 'diagnostics of samples/shop/shop.yaml')), []);
    const store = blocked(await client.diagnosticsOf(uriOf(join(dir, 'store', 'app', 'store.yaml')), (d) => blocked(d).length === 1, 'the store Ingress blocked'));
    assert.match((store[0] as Diagnostic).message, /NetworkPolicy default\/default-deny and no rule/);
  });

  it('the hover on the sample Deployment names no test policy', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: shopUri }, position: { line: 3, character: 17 } });
    const text = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /shop-web/);
    assert.doesNotMatch(text, /only-hbone|deny-egress/);
  });

  it('a namespace-less object at the root joins the folders: the finding appears, and goes with it', async () => {
    const podUri = uriOf(join(dir, 'debug.yaml'));
    client.open(podUri, ROOT_POD);
    const ds = blocked(await client.diagnosticsOf(shopUri, (d) => blocked(d).length === 1, 'the sample Ingress blocked once the folders are one family'));
    assert.match((ds[0] as Diagnostic).message, /only-hbone/);
    client.close(podUri);
    await client.diagnosticsOf(shopUri, (d) => blocked(d).length === 0, 'the finding gone with the root object');
  });
});
