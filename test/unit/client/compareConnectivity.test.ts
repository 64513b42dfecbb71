/**
 * "Compare connectivity with…" without VS Code: which base texts are read through the git
 * extension's API (a fake repository), and the page built from the server's answer.
 */
import { describe, it } from 'node:test';
import { Script } from 'node:vm';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { baseFiles, type GitChange, type GitRepository } from '../../../client/src/commands/gitApi';
import { compareHtml, compareTables, isOpenLocationMessage } from '../../../client/src/commands/compareHtml';
import type { CompareConnectivityResult } from '../../../shared/src/protocol';

const uri = (path: string): vscode.Uri => ({ path, fsPath: path, toString: () => `file://${path}` }) as unknown as vscode.Uri;
const change = (path: string, status: number, renamed?: string): GitChange => ({ uri: uri(path), originalUri: uri(path), status, ...(renamed ? { renameUri: uri(renamed) } : {}) });

function repo(atBase: Record<string, string>, changes: GitChange[], untracked: GitChange[]): GitRepository & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    rootUri: uri('/repo'),
    state: { HEAD: { name: 'main', commit: 'abc' }, refs: [], untrackedChanges: untracked, workingTreeChanges: [] },
    diffWith: () => Promise.resolve(changes),
    show: (_ref, path) => {
      shown.push(path);
      const text = atBase[path];
      return text === undefined ? Promise.reject(new Error('does not exist')) : Promise.resolve(text);
    },
  };
}

describe('Compare connectivity: base files through the git API', () => {
  it('changed and deleted manifests with their base text, added ones absent, renames both ways; other files ignored', async () => {
    const r = repo(
      { '/repo/policy.yaml': 'old policy', '/repo/gone.yml': 'old gone', '/repo/old-name.yaml': 'old renamed' },
      [change('/repo/policy.yaml', 5), change('/repo/gone.yml', 6), change('/repo/new.yaml', 1), change('/repo/old-name.yaml', 3, '/repo/new-name.yaml'), change('/repo/README.md', 5)],
      [change('/repo/untracked.yaml', 7)],
    );
    const files = await baseFiles(r, 'HEAD');
    assert.deepEqual(
      files.map((f) => [f.uri.toString(), f.text]),
      [
        ['file:///repo/policy.yaml', 'old policy'],
        ['file:///repo/gone.yml', 'old gone'],
        ['file:///repo/new.yaml', null],
        ['file:///repo/old-name.yaml', 'old renamed'],
        ['file:///repo/new-name.yaml', null],
        ['file:///repo/untracked.yaml', null],
      ],
    );
    assert.ok(!r.shown.includes('/repo/README.md'));
  });

  it('only the files asked for; a base text over the size cap is sent as too large, without its text', async () => {
    const r = repo({ '/repo/big.yaml': 'x'.repeat(2000), '/repo/small.yaml': 'kind: Namespace' }, [change('/repo/big.yaml', 5), change('/repo/small.yaml', 5), change('/elsewhere/a.yaml', 5)], []);
    const files = await baseFiles(r, 'HEAD', { include: (u) => u.path.startsWith('/repo/'), maxBytes: () => 1024 });
    assert.deepEqual(
      files.map((f) => [f.uri.toString(), f.text, f.tooLarge ?? false]),
      [
        ['file:///repo/big.yaml', null, true],
        ['file:///repo/small.yaml', 'kind: Namespace', false],
      ],
    );
    assert.ok(!r.shown.includes('/elsewhere/a.yaml'), 'a file outside is not even read');
  });
});

describe('Compare connectivity: the page', () => {
  const data: CompareConnectivityResult = {
    baseLabel: 'HEAD',
    opened: 1,
    closed: 0,
    graph: '<svg class="netpol-graph diff"><g class="edge changed" data-src="shop/web[Deployment]" data-dst="shop/api[Deployment]"></g></svg>',
    namespaces: [
      {
        namespace: 'shop',
        changes: [
          {
            type: 'changed',
            src: 'shop/frontend[Deployment]',
            dst: 'shop/backend[Deployment]',
            before: 'TCP 8080',
            after: 'TCP 8080,9090',
            workloadsInfo: '',
            view: '',
            reasons: [
              {
                effect: 'opens',
                text: 'shop/backend-ingress allows it by Ingress rule #1',
                ports: 'TCP 9090',
                location: { uri: 'file:///repo/deploy/policy.yaml', range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } } },
              },
            ],
          },
        ],
      },
    ],
  };

  it('one table per namespace, each reason linked to its line', () => {
    const html = compareTables(data);
    assert.match(html, /<h2>Namespace shop<\/h2><table>/);
    // Each row names its pair, so a click on the graph finds the rows of an edge.
    assert.match(html, /<tr class="changed" data-src="shop\/frontend\[Deployment\]" data-dst="shop\/backend\[Deployment\]"><td>changed<\/td><td>shop\/frontend\[Deployment\]<\/td><td>shop\/backend\[Deployment\]<\/td><td>TCP 8080<\/td><td>TCP 8080,9090<\/td>/);
    assert.match(html, /<li class="opens">opens TCP 9090: shop\/backend-ingress allows it by Ingress rule #1 <a href="#" data-uri="file:\/\/\/repo\/deploy\/policy\.yaml" data-line="12" data-base="false">policy\.yaml:13<\/a><\/li>/);
    assert.match(compareHtml(data, 'n0nce', 'csp'), /Against <b>HEAD<\/b>: 1 connection differs — 1 opens something, 0 close something\./);
  });

  it('a "Graph" tab holds the server\'s drawing, hidden until chosen', () => {
    const html = compareHtml(data, 'n0nce', 'csp');
    const script = /<script nonce="n0nce">([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    assert.doesNotThrow(() => new Script(script), 'the page script compiles');
    assert.match(html, /<div role="tablist" id="tabs" aria-label="View"><button role="tab" id="changes-tab"[^>]*aria-selected="true"[^>]*>Changes<\/button><button role="tab" id="graph-tab"[^>]*aria-selected="false"[^>]*>Graph<\/button><\/div>/);
    assert.match(html, /<div id="graph-panel" role="tabpanel" aria-labelledby="graph-tab" hidden>[\s\S]*<svg class="netpol-graph diff"><g class="edge changed" data-src="shop\/web\[Deployment\]"/);
  });

  it('says so when nothing changed; only well-formed open messages are followed', () => {
    assert.equal(compareTables({ ...data, namespaces: [] }), '<p>No change in allowed connections against HEAD.</p>');
    assert.ok(isOpenLocationMessage({ type: 'open', uri: 'file:///x', line: 3, base: false }));
    assert.ok(!isOpenLocationMessage({ type: 'open', uri: 'file:///x' }));
  });
});
