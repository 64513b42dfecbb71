/**
 * The commands' logic that runs without VS Code or a server: default-deny text, migrating every
 * deprecated-API fix of a workspace (with a stand-in rule carrying fixes), the explain command's
 * port and address input, the matrix page, and how much of a large workspace the matrix shows.
 */
import { describe, it } from 'node:test';
import { Script } from 'node:vm';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import type { ConnectivityMatrixResult } from '../../../shared/src/protocol';
import { defaultDenyPolicy } from '../../../server/src/features/defaultDenyPolicy';
import { migrateDeprecatedApis } from '../../../server/src/features/migrateDeprecatedApis';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import { FindingsService } from '../../../server/src/service/findingsService';
import type { Rule } from '../../../server/src/rules/types';
import { parsePortInput, looksLikeAddress } from '../../../client/src/commands/trafficInput';
import { graphEndpoint } from '../../../client/src/commands/graphEndpoint';
import { isMatrixMessage, matrixHtml, matrixTable } from '../../../client/src/commands/matrixHtml';
import { MATRIX_MAX_WORKLOADS, namespaceChoices } from '../../../client/src/commands/matrixScope';

describe('defaultDenyPolicy', () => {
  it('selects every pod of the namespace and lists the chosen directions', () => {
    const r = defaultDenyPolicy('shop', ['Ingress']);
    assert.equal(r?.fileName, 'default-deny-ingress-shop.yaml');
    assert.equal(
      r?.text,
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n',
    );
    assert.match(defaultDenyPolicy('shop')?.text ?? '', /^# Denies all egress too, DNS included/);
    assert.equal(defaultDenyPolicy('Shop'), undefined);
    assert.equal(defaultDenyPolicy('shop', []), undefined);
  });
});

describe('migrateDeprecatedApis', () => {
  // A stand-in for deprecated-api-version: flags extensions/v1beta1 and offers the replacement.
  const rule: Rule = {
    id: 'deprecated-api-version',
    scope: 'file',
    check: ({ file }) =>
      file.objects
        .filter((o) => o.apiVersion === 'extensions/v1beta1' && o.apiVersionNode)
        .map((o) => {
          const node = o.apiVersionNode as NonNullable<typeof o.apiVersionNode>;
          const newText = o.kind === 'NetworkPolicy' ? 'networking.k8s.io/v1' : 'apps/v1';
          return { ruleId: 'deprecated-api-version', message: 'old', start: node.start, end: node.end, fixes: [{ title: 'migrate', edits: [{ start: node.start, end: node.end, newText }], preferred: true }] };
        }),
  };
  const a = buildFileModel('file:///a.yaml', 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata:\n  name: a\n---\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: d\n', 1);
  const b = buildFileModel('file:///b.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: b\n', 1);
  const manifests = new ManifestSet([a, b], 1);

  it('applies every fix of the rule, per file, as one edit (unsafe fixes included)', () => {
    const result = migrateDeprecatedApis(manifests, () => DEFAULT_SETTINGS, new FindingsService(() => undefined, [rule]));
    assert.deepEqual(
      result.map((m) => [m.uri, m.fixes]),
      [['file:///a.yaml', 2]],
    );
    const m = result[0];
    assert.ok(m);
    const after = a.text.slice(0, m.edit.start) + m.edit.newText + a.text.slice(m.edit.end);
    assert.equal(after, a.text.replace('extensions/v1beta1', 'networking.k8s.io/v1').replace('extensions/v1beta1', 'apps/v1'));
  });

  it('changes nothing when no finding has a fix', () => {
    assert.deepEqual(migrateDeprecatedApis(manifests, () => DEFAULT_SETTINGS, new FindingsService(() => undefined, [])), []);
  });
});

describe('explain traffic input', () => {
  it('reads a port with an optional protocol, before or after', () => {
    assert.deepEqual(parsePortInput(''), {});
    assert.deepEqual(parsePortInput('443'), { protocol: 'TCP', port: 443 });
    assert.deepEqual(parsePortInput('udp 53'), { protocol: 'UDP', port: 53 });
    assert.deepEqual(parsePortInput('53/UDP'), { protocol: 'UDP', port: 53 });
    assert.deepEqual(parsePortInput('SCTP/7070'), { protocol: 'SCTP', port: 7070 });
    for (const bad of ['0', '65536', 'http', 'TCP 80 UDP', 'tcp/80/udp']) assert.equal(parsePortInput(bad), undefined, bad);
  });

  it('accepts IPv4 and IPv6 addresses only', () => {
    assert.ok(looksLikeAddress('10.0.0.1'));
    assert.ok(looksLikeAddress('2001:db8::1'));
    assert.ok(!looksLikeAddress('shop/web'));
    assert.ok(!looksLikeAddress('10.0.0'));
  });
});

describe('matrix page', () => {
  const item = (ns: string, name: string) => ({ id: `${ns}/${name}[Deployment]`, name, namespace: ns, kind: 'Deployment', location: undefined });
  const data: ConnectivityMatrixResult = {
    workloads: [item('a', 'x'), item('b', '<y>')],
    cells: [{ src: 0, dst: 1, ports: 'TCP 80' }],
    namespaces: ['a', 'b'],
    listing: ['a/x[Deployment] => b/<y>[Deployment] : TCP 80'],
    graph: '<svg class="netpol-graph"><g class="edge allowed" data-src="a/x[Deployment]" data-dst="b/&#60;y&#62;[Deployment]"></g></svg>',
  };

  it('puts the ports in the connected cell, a dot in the others, and escapes names', () => {
    const table = matrixTable(data);
    assert.match(table, /<td class="allowed" data-ns="b" data-src="a\/x\[Deployment\]" data-dst="b\/&#60;y&#62;\[Deployment\]" title="a\/x\[Deployment\] → b\/&#60;y&#62;\[Deployment\]: TCP 80">TCP 80<\/td>/);
    assert.match(table, /<td class="denied" data-ns="a" data-src="b\/&#60;y&#62;\[Deployment\]" data-dst="a\/x\[Deployment\]" title="[^"]*no connection/);
    assert.ok(!table.includes('<y>'));
  });

  it('has a namespace filter, an export button and a nonce-only script policy', () => {
    const html = matrixHtml(data, 'abc', 'vscode-resource:');
    assert.match(html, /<option value="a">a<\/option><option value="b">b<\/option>/);
    assert.match(html, /script-src 'nonce-abc'/);
    assert.match(html, /<button id="export">/);
  });

  it("themes the filter and the button, keeps them on one line, explains the cells and marks the clicked one", () => {
    const html = matrixHtml(data, 'abc', 'vscode-resource:');
    assert.match(html, /select \{[^}]*background: var\(--vscode-dropdown-background\)[^}]*color: var\(--vscode-dropdown-foreground\)/);
    assert.match(html, /button \{[^}]*background: var\(--vscode-button-background\)[^}]*color: var\(--vscode-button-foreground\)/);
    assert.match(html, /#toolbar label, #toolbar button \{ white-space: nowrap; flex-shrink: 0; \}/);
    assert.match(html, /<div id="legend">.*<span class="key denied">·<\/span>no connection/);
    assert.match(html, /td\.selected \{ outline: 2px solid var\(--vscode-focusBorder\)/);
    assert.match(html, /td\.classList\.add\('selected'\)/);
  });

  it('a "Graph" tab beside "Matrix" holds the server\'s drawing, themed by the editor\'s colours', () => {
    const html = matrixHtml(data, 'abc', 'vscode-resource:');
    assert.match(html, /<button role="tab" id="matrix-tab"[^>]*aria-selected="true"[^>]*>Matrix<\/button><button role="tab" id="graph-tab"[^>]*aria-selected="false"[^>]*>Graph<\/button>/);
    assert.match(html, /<div id="graph-panel" role="tabpanel" aria-labelledby="graph-tab" hidden>[\s\S]*<svg class="netpol-graph"><g class="edge allowed" data-src="a\/x\[Deployment\]"/);
    assert.match(html, /\.netpol-graph \.node-box \{ fill: var\(--vscode-editor-background\); stroke: var\(--vscode-charts-blue\); \}/);
    assert.match(html, /\.netpol-graph \.added \.line \{ stroke: var\(--vscode-gitDecoration-addedResourceForeground\); \}/);
  });

  it("the page's script compiles (an escape lost in the template breaks every click)", () => {
    const script = /<script nonce="abc">([\s\S]*)<\/script>/.exec(matrixHtml(data, 'abc', 'vscode-resource:'))?.[1] ?? '';
    assert.match(script, /acquireVsCodeApi/);
    assert.doesNotThrow(() => new Script(script));
  });

  it('counts in the singular when there is one', () => {
    const one = { ...data, cells: data.cells.slice(0, 1) };
    assert.match(matrixHtml(one, 'abc', 'vscode-resource:'), /2 workloads, 1 connected pair\./);
  });

  it('accepts only well-formed messages from the page', () => {
    assert.ok(isMatrixMessage({ type: 'explain', src: 'a', dst: 'b' }));
    assert.ok(isMatrixMessage({ type: 'export', namespace: '' }));
    assert.ok(!isMatrixMessage({ type: 'explain', src: 1 }));
    assert.ok(!isMatrixMessage(null));
  });

  it('a graph end is explained as a workload, or as the first address of its ranges (and says so)', () => {
    assert.deepEqual(graphEndpoint('shop/web[Deployment]'), { endpoint: { workload: 'shop/web[Deployment]' }, note: undefined });
    assert.deepEqual(graphEndpoint('0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255[External]'), {
      endpoint: { address: '0.0.0.0' },
      note: 'for 0.0.0.0, the first address of 0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255',
    });
    assert.deepEqual(graphEndpoint('2001:db8::-2001:db8::ffff[External]').endpoint, { address: '2001:db8::' });
  });
});

describe('matrix scope', () => {
  const workloads = (counts: Record<string, number>) => ({
    namespaces: Object.keys(counts),
    workloads: Object.entries(counts).flatMap(([namespace, n]) =>
      Array.from({ length: n }, (_, i) => ({ id: `${namespace}/w${i}[Pod]`, name: `w${i}`, namespace, kind: 'Pod', location: undefined })),
    ),
  });

  it('shows a workspace of up to MATRIX_MAX_WORKLOADS workloads whole, without asking', () => {
    assert.equal(namespaceChoices(workloads({ a: MATRIX_MAX_WORKLOADS })), undefined);
  });

  it('beyond that, offers the namespaces with their workload counts, sorted', () => {
    assert.deepEqual(namespaceChoices(workloads({ zeta: MATRIX_MAX_WORKLOADS, alpha: 1 })), [
      { label: 'alpha', description: '1 workload' },
      { label: 'zeta', description: `${MATRIX_MAX_WORKLOADS} workloads` },
    ]);
  });

  it("lists in the page's filter only the namespaces of the workloads shown", () => {
    const shown = workloads({ a: 1, b: 1 });
    const html = matrixHtml({ workloads: shown.workloads, cells: [], namespaces: ['a', 'b', 'empty'], listing: [], graph: '' }, 'abc', 'vscode-resource:');
    assert.match(html, /<option value="">All namespaces<\/option><option value="a">a<\/option><option value="b">b<\/option><\/select>/);
  });
});
