/**
 * `ingress-controller-blocked` and the route hover through the bundled server, on the fixture
 * `test/fixtures/features/ingress-controller`: an Ingress whose backend's policy admits only the
 * monitoring namespace gets the diagnostic and a hover naming the policy; once the policy admits
 * ingress-nginx (an edit in another file), the hover says the requests get through and the
 * diagnostic is withdrawn.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'features', 'ingress-controller');
const read = (file: string): string => readFileSync(join(FIXTURE, file), 'utf8');

/** The position inside the last occurrence of `needle`'s final word (the backend's Service name). */
function positionOf(text: string, needle: string): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not found`);
  return TextDocument.create('x', 'yaml', 1, text).positionAt(offset + needle.length - 1);
}

describe('ingress-controller-blocked over LSP', () => {
  let client: LspTestClient;
  const uri = (file: string): string => uriOf(join(FIXTURE, file));
  const hover = async (): Promise<string> => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri('ingress.yaml') }, position: positionOf(read('ingress.yaml'), 'name: web') });
    assert.ok(h, 'no hover on the backend');
    return (h.contents as MarkupContent).value;
  };

  before(async () => {
    client = await LspTestClient.start(FIXTURE);
    await client.waitForReady();
    client.open(uri('ingress.yaml'), read('ingress.yaml'));
  });

  after(async () => {
    await client.stop();
  });

  it('reports the backend on its Service name, with the fix adding a new policy', async () => {
    const diagnostics = await client.diagnosticsOf(uri('ingress.yaml'), (ds) => ds.some((d) => d.code === 'ingress-controller-blocked'), 'ingress-controller-blocked');
    const d = diagnostics.find((x) => x.code === 'ingress-controller-blocked');
    assert.ok(d);
    const at = positionOf(read('ingress.yaml'), 'name: web');
    assert.deepEqual(d.range, { start: { line: at.line, character: at.character - 2 }, end: { line: at.line, character: at.character + 1 } });
    assert.match(d.message, /^Requests through ingress-nginx to Service shop\/web:80 \(Ingress shop\) are dropped: shop\/web\[Deployment\] is isolated for ingress by NetworkPolicy shop\/web/);
  });

  it('the hover on the backend says the requests are dropped, and which policy isolates the pods', async () => {
    const md = await hover();
    assert.equal(md.split('\n')[0], '**Requests through ingress-nginx to Service `shop/web:80` are dropped.**');
    assert.match(md, /`shop\/web\[Deployment\]` port 8080 from pods app\.kubernetes\.io\/name=ingress-nginx,app\.kubernetes\.io\/component=controller in namespace ingress-nginx: denied: isolated by NetworkPolicy shop\/web and no rule allows it/);
  });

  it('after the policy admits ingress-nginx, the hover says they get through and the diagnostic goes', async () => {
    const admitting = read('policies.yaml').replace('kubernetes.io/metadata.name: monitoring', 'kubernetes.io/metadata.name: ingress-nginx');
    client.open(uri('policies.yaml'), admitting);
    await client.diagnosticsOf(uri('ingress.yaml'), (ds) => !ds.some((d) => d.code === 'ingress-controller-blocked'), 'the diagnostic withdrawn');
    const md = await hover();
    assert.equal(md.split('\n')[0], '**Requests through ingress-nginx to Service `shop/web:80` get through.**');
    assert.match(md, /allowed by NetworkPolicy shop\/web spec\.ingress\\\[0\\\]\.from\\\[0\\\]/);
  });
});
