/**
 * Hovers, CodeLenses, the custom requests and the feature commands through the bundled server,
 * on the multi-file fixture `test/fixtures/features/shop` (namespaces, workloads and policies in
 * separate files): policy names, peers, ports and ranges resolved across files.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import {
  CONNECTIVITY_MATRIX_REQUEST,
  DEFAULT_DENY_REQUEST,
  EXPLAIN_TRAFFIC_REQUEST,
  SERVER_COMMANDS,
  WORKLOADS_REQUEST,
  type ConnectivityMatrixResult,
  type DefaultDenyResult,
  type ExplainTrafficResult,
  type MigrateResult,
  type WorkloadsResult,
} from '../../shared/src/protocol';
import { ALL_RULES } from '../../server/src/rules/registry';
import { LspTestClient, uriOf } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'features', 'shop');

/** Position of the `nth` occurrence of `needle` in a fixture file, `shift` characters into it. */
function positionOf(file: string, needle: string, nth = 0, shift = 1): Position {
  const text = readFileSync(join(FIXTURE, file), 'utf8');
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} #${nth} not found in ${file}`);
  }
  const doc = TextDocument.create('x', 'yaml', 1, text);
  return doc.positionAt(offset + shift);
}

/** 1-based line of `needle` in a fixture file, as the hover links name it. */
function lineOf(file: string, needle: string): number {
  return positionOf(file, needle, 0, 0).line + 1;
}

describe('features over LSP', () => {
  let client: LspTestClient;
  const uri = (file: string): string => uriOf(join(FIXTURE, file));

  before(async () => {
    client = await LspTestClient.start(FIXTURE);
    await client.waitForReady();
  });

  after(async () => {
    await client.stop();
  });

  const hover = async (file: string, needle: string, nth = 0, shift = 1): Promise<string> => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(file) }, position: positionOf(file, needle, nth, shift) });
    assert.ok(h, `no hover on ${needle} #${nth} in ${file}`);
    return (h.contents as MarkupContent).value;
  };

  it('a workload hover names the selecting policies with links, and the union per direction', async () => {
    const md = await hover('workloads.yaml', 'name: web');
    // The summary lines share a paragraph, with markdown's line break (two trailing spaces).
    const firstLine = md.split('\n')[0] ?? '';
    assert.equal(firstLine, '**Deployment shop/web** — ingress: isolated · egress: isolated  ');
    const policies = uri('policies.yaml');
    assert.ok(md.includes(`[shop/default-deny](${policies}#L${lineOf('policies.yaml', 'default-deny')})`), md);
    assert.ok(md.includes(`[shop/web-allow](${policies}#L${lineOf('policies.yaml', 'web-allow')})`), md);
    assert.match(md, /Selected by 3 policies/);
    assert.match(md, /\*\*Ingress\*\* — isolated by 2 policies/);
    assert.match(md, /\*\*Egress\*\* — isolated by 3 policies/);
    // Peers resolved to workloads across files, ports per protocol, the rule named.
    assert.match(md, /from pods `app=frontend` in `shop`: \[shop\/frontend\]\([^)]*workloads\.yaml#L\d+\) on TCP 8080 \(named `http`\/TCP\) — \[web-allow\]\([^)]*\) `ingress\[0\]`/);
    assert.match(md, /from pods `app=prometheus` in namespaces `monitoring`: \[monitoring\/prometheus\]/);
    assert.match(md, /to pods `app=db` in `shop`: \[shop\/db\]\([^)]*\) on TCP 5432/);
    // Address ranges after except.
    assert.match(md, /to addresses `10\.0\.0\.0\/8` except `10\.1\.0\.0\/16` = `10\.0\.0\.0\/16`, `10\.2\.0\.0\/15`/);
    assert.match(md, /\*\*Egress\*\* — isolated by 3 policies\. Allowed \(the union of their rules\), everything else denied \(2 other workloads here\):/);
    assert.match(md, /\n\nDenied: every IPv4 address outside `10\.0\.0\.0\/8`, every IPv6 address\.\n/);
    assert.match(md, /The `except` of \[shop\/web-allow\][^\n]* is nullified for `10\.1\.0\.0\/16` by \[shop\/web-extra\]/);
    assert.match(md, /_Replies always flow; node and hostNetwork traffic is not governed; a CNI must implement NetworkPolicy\._$/);
  });

  it('the kind and a pod-template label give the same workload hover; a workload no policy selects is not isolated', async () => {
    const byName = await hover('workloads.yaml', 'name: web');
    assert.equal(await hover('workloads.yaml', 'kind: Deployment'), byName);
    assert.equal(await hover('workloads.yaml', 'tier: front'), byName);
    const prometheus = await hover('workloads.yaml', 'name: prometheus');
    assert.match(prometheus, /^\*\*Deployment monitoring\/prometheus\*\* — ingress: all allowed · egress: all allowed/);
    assert.match(prometheus, /Selected by no NetworkPolicy/);
    assert.match(prometheus, /\*\*Ingress\*\* — not isolated: all traffic allowed/);
  });

  it("a policy's podSelector hover lists the selected workloads, or says none", async () => {
    const web = await hover('policies.yaml', 'podSelector:', 1);
    assert.match(web, /^\*\*Selects 1 workload\*\* in `shop`/);
    assert.match(web, /`app=web`: \[shop\/web\]\([^)]*workloads\.yaml#L\d+\)/);
    const all = await hover('policies.yaml', 'podSelector: {}');
    assert.match(all, /^\*\*Selects 3 workloads\*\*/);
    const ghost = await hover('policies.yaml', 'app: nothing');
    assert.match(ghost, /^\*\*Selects none in this workspace\*\*/);
  });

  it('a peer hover resolves workloads and namespaces and says AND / OR', async () => {
    const and = await hover('policies.yaml', 'purpose: monitoring');
    assert.match(and, /^\*\*Peer `ingress\[1\]\.from\[0\]`\*\* matches 1 workload/);
    assert.match(and, /\*\*AND\*\*: podSelector and namespaceSelector in one peer/);
    assert.match(and, /Namespaces: `monitoring`/);
    assert.match(and, /\*\*OR\*\* with `ingress\[1\]\.from\[1\]`/);
    const or = await hover('policies.yaml', 'team: shop');
    assert.match(or, /matches 3 workloads/);
    assert.match(or, /namespaceSelector alone: every pod of the namespaces matching `team=shop`/);
    assert.match(or, /Ports \(the rule's, for every peer\): TCP 9090/);
  });

  it('a rule hover lists its peers ORed, resolved across files, and its ports; a rule with neither allows everyone', async () => {
    const md = await hover('policies.yaml', 'from:', 1);
    assert.match(md, /^\*\*Rule `ingress\[1\]`\*\* of \[shop\/web-allow\]\([^)]*policies\.yaml#L13\)/);
    assert.match(md, /2 peers, \*\*OR\*\*/);
    assert.match(md, /- `ingress\[1\]\.from\[0\]`: pods `app=prometheus` in namespaces `monitoring`: \[monitoring\/prometheus\]\([^)]*workloads\.yaml#L65\)/);
    assert.match(md, /Ports, for every peer above: TCP 9090\./);
    const anyone = await hover('policies.yaml', '- {}', 0, 2);
    assert.match(anyone, /^\*\*Rule `ingress\[0\]`\*\* of \[shop\/ghost\]/);
    assert.match(anyone, /No `from` \(or an empty one\): every source, pods and addresses alike\./);
    assert.match(anyone, /No `ports`: every port and protocol\./);
  });

  it('an ipBlock hover gives the effective CIDRs, the address count, and what other rules re-allow', async () => {
    const md = await hover('policies.yaml', 'cidr: 10.0.0.0/8');
    assert.match(md, /^\*\*`10\.0\.0\.0\/8` minus 1 except\*\* = 8 ranges, 16,711,680 addresses/);
    assert.match(md, /`10\.0\.0\.0\/16`, `10\.2\.0\.0\/15`, `10\.4\.0\.0\/14`, `10\.8\.0\.0\/13`, `10\.16\.0\.0\/12`, `10\.32\.0\.0\/11`, `10\.64\.0\.0\/10`, `10\.128\.0\.0\/9`/);
    assert.match(md, /`10\.1\.0\.0\/16` allowed by \[shop\/web-extra\]\([^)]*\) `egress\[0\]\.to\[0\]` \(for `shop\/web`\)/);
  });

  it('a port hover resolves a named port on each destination workload', async () => {
    const pg = await hover('policies.yaml', 'port: pg');
    assert.match(pg, /^\*\*Named port `pg`\*\* \(TCP\)/);
    assert.match(pg, /\[shop\/db\]\([^)]*\): TCP 5432/);
    const http = await hover('policies.yaml', 'port: http');
    assert.match(http, /\[shop\/web\]\([^)]*\): TCP 8080/);
    const numeric = await hover('policies.yaml', 'port: 443');
    assert.match(numeric, /^\*\*TCP 443\*\*/);
  });

  it('nothing to say elsewhere: no hover on a Namespace or on apiVersion', async () => {
    const p = positionOf('namespaces.yaml', 'name: shop');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: uri('namespaces.yaml') }, position: p }), null);
  });

  it('CodeLenses over policies and workloads, with the locations a click shows', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('policies.yaml') } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [
        'selects 3 workloads · ingress: deny all · egress: deny all',
        'selects 1 workload · ingress: 3 peers · egress: 2 peers',
        'selects 1 workload · ingress: not restricted · egress: 1 peer',
        'selects no workload · ingress: allow all · egress: not restricted',
      ],
    );
    const dbLens = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('db.yaml') } });
    assert.deepEqual(
      dbLens.map((l) => l.command?.title),
      ['selects 1 workload · ingress: 1 peer · egress: not restricted'],
    );
    const webAllow = lenses[1] as CodeLens;
    assert.equal(webAllow.command?.command, 'netpolLens.showLocations');
    const [lensUri, , locations] = webAllow.command?.arguments as [string, Position, { uri: string; range: { start: Position } }[]];
    assert.equal(lensUri, uri('policies.yaml'));
    assert.deepEqual(
      locations.map((l) => [l.uri, l.range.start.line]),
      [[uri('workloads.yaml'), positionOf('workloads.yaml', 'name: web', 0, 6).line]],
    );
    const workloadLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('workloads.yaml') } });
    assert.deepEqual(
      workloadLenses.map((l) => l.command?.title),
      ['ingress from 3 workloads · egress to 1 workload + 1 address range', 'ingress: deny all · egress: deny all', 'ingress from 1 workload · egress: deny all', 'not isolated'],
    );
  });

  it('lists workloads and namespaces for the pickers', async () => {
    const r = await client.request<WorkloadsResult>(WORKLOADS_REQUEST, {});
    assert.deepEqual(r.workloads.map((w) => w.id).sort(), ['monitoring/prometheus[Deployment]', 'shop/db[StatefulSet]', 'shop/frontend[Deployment]', 'shop/web[Deployment]']);
    assert.deepEqual(r.namespaces, ['monitoring', 'shop']);
    const web = r.workloads.find((w) => w.name === 'web');
    assert.equal(web?.location?.uri, uri('workloads.yaml'));
  });

  it('the connectivity matrix: connected pairs with ports, a namespace filter, and the CLI listing', async () => {
    const all = await client.request<ConnectivityMatrixResult>(CONNECTIVITY_MATRIX_REQUEST, {});
    const name = (i: number): string => all.workloads[i]?.id ?? '?';
    const cells = all.cells.map((c) => `${name(c.src)} => ${name(c.dst)} : ${c.ports}`).sort();
    assert.deepEqual(cells, ['monitoring/prometheus[Deployment] => shop/web[Deployment] : TCP 9090', 'shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432'].sort());
    assert.ok(all.listing.includes('shop/web[Deployment] => shop/db[StatefulSet] : TCP 5432'), all.listing.join('\n'));
    assert.ok(all.listing.includes('shop/web[Deployment] => 10.1.0.0-10.1.255.255[External] : TCP 443'), all.listing.join('\n'));
    const shop = await client.request<ConnectivityMatrixResult>(CONNECTIVITY_MATRIX_REQUEST, { namespaces: ['shop'] });
    assert.deepEqual(shop.workloads.map((w) => w.namespace), ['shop', 'shop', 'shop']);
    assert.equal(shop.cells.length, 1);
    assert.ok(!shop.listing.some((l) => l.includes('prometheus')));
    // The graph tab draws the same connections: each connected pair an edge with its ports.
    assert.match(all.graph, /<g class="edge allowed" [^>]*data-src="shop\/web\[Deployment\]" data-dst="shop\/db\[StatefulSet\]" [^>]*>\n<title>shop\/web\[Deployment\] → shop\/db\[StatefulSet\]: TCP 5432<\/title>/);
    assert.match(all.graph, /data-src="monitoring\/prometheus\[Deployment\]" data-dst="shop\/web\[Deployment\]"/);
    assert.doesNotMatch(shop.graph, /prometheus/);
  });

  it('explains traffic: allowed with the rules on both sides, denied with the reason', async () => {
    const ok = await client.request<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, {
      source: { workload: 'shop/web' },
      destination: { workload: 'shop/db[StatefulSet]' },
      protocol: 'TCP',
      port: 5432,
    });
    assert.equal(ok.verdict, 'allowed');
    assert.equal(ok.summary, 'Allowed: shop/web → shop/db on TCP 5432');
    assert.deepEqual(
      ok.steps.map((s) => s.side),
      ['egress', 'ingress'],
    );
    assert.equal(ok.steps[0]?.text, 'shop/web egress: isolated by 3 policies (shop/default-deny, shop/web-allow, shop/web-extra); shop/web-allow egress[1].to[0] allows TCP 5432');
    assert.equal(ok.steps[1]?.text, 'shop/db ingress: isolated by 2 policies (shop/db-allow, shop/default-deny); shop/db-allow ingress[0].from[0] allows TCP 5432');
    assert.equal(ok.steps[1]?.location?.uri, uri('db.yaml'));
    const denied = await client.request<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, {
      source: { workload: 'shop/frontend' },
      destination: { workload: 'shop/web' },
      protocol: 'TCP',
      port: 8080,
    });
    assert.equal(denied.verdict, 'denied');
    assert.match(denied.summary, /the source's egress does not allow it/);
    assert.match(denied.steps[0]?.text ?? '', /shop\/frontend egress: isolated by 1 policy \(shop\/default-deny\); no rule matches shop\/web/);
    assert.match(denied.steps[1]?.text ?? '', /web-allow ingress\[0\]\.from\[0\] allows TCP 8080/);
    const external = await client.request<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, { source: { workload: 'shop/web' }, destination: { address: '10.1.2.3' }, protocol: 'TCP', port: 443 });
    assert.equal(external.verdict, 'allowed');
    assert.match(external.markdown, /\[shop\/web-extra\]/);
    const bad = await client.request<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, { source: { workload: 'shop/nope' }, destination: { address: '10.0.0.1' } });
    assert.equal(bad.verdict, 'invalid');
  });

  it('generates a default-deny policy for a namespace', async () => {
    const r = await client.request<DefaultDenyResult | null>(DEFAULT_DENY_REQUEST, { namespace: 'shop' });
    assert.equal(r?.fileName, 'default-deny-shop.yaml');
    assert.match(r?.text ?? '', /kind: NetworkPolicy\nmetadata:\n {2}name: default-deny\n {2}namespace: shop\nspec:\n {2}podSelector: \{\}\n {2}policyTypes:\n {2}- Ingress\n {2}- Egress\n$/);
    assert.equal(await client.request(DEFAULT_DENY_REQUEST, { namespace: 'Not A Name' }), null);
  });
});

describe('feature commands over LSP', () => {
  let dir: string;
  let client: LspTestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-features-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(
      join(dir, 'old.yaml'),
      'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata:\n  name: old\n  namespace: shop\nspec:\n  podSelector: {}\n',
    );
    client = await LspTestClient.start(dir);
    await client.waitForReady();
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('allow DNS egress appends a kube-dns rule to the policy under the cursor', async () => {
    const file = join(dir, 'policies.yaml');
    const text = readFileSync(file, 'utf8');
    const doc = TextDocument.create(uriOf(file), 'yaml', 1, text);
    const position = doc.positionAt(text.indexOf('web-allow'));
    const r = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', {
      command: SERVER_COMMANDS.allowDnsEgress,
      arguments: [uriOf(file), position],
    });
    assert.equal(r.applied, true, r.message);
    const edits = client.appliedEdits.at(-1)?.changes?.[uriOf(file)] as TextEdit[];
    const after = TextDocument.applyEdits(doc, edits);
    const expected = text.replace(
      '    ports:\n    - port: pg\n',
      [
        '    ports:',
        '    - port: pg',
        '  - to:',
        '    - namespaceSelector:',
        '        matchLabels:',
        '          kubernetes.io/metadata.name: kube-system',
        '      podSelector:',
        '        matchLabels:',
        '          k8s-app: kube-dns',
        '    ports:',
        '    - protocol: UDP',
        '      port: 53',
        '    - protocol: TCP',
        '      port: 53',
        '',
      ].join('\n'),
    );
    assert.equal(after, expected);
  });

  it('allow DNS egress refuses a policy that does not govern egress', async () => {
    const file = join(dir, 'policies.yaml');
    const text = readFileSync(file, 'utf8');
    const position = TextDocument.create('x', 'yaml', 1, text).positionAt(text.indexOf('name: ghost'));
    const before = client.appliedEdits.length;
    const r = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', {
      command: SERVER_COMMANDS.allowDnsEgress,
      arguments: [uriOf(file), position],
    });
    assert.equal(r.applied, false);
    assert.match(r.message, /ghost does not restrict egress/);
    assert.equal(client.appliedEdits.length, before);
  });

  it('migrate all deprecated APIs applies the deprecated-api-version fixes of every file in one workspace edit', async () => {
    const before = client.appliedEdits.length;
    const r = await client.request<MigrateResult>('workspace/executeCommand', { command: SERVER_COMMANDS.migrateDeprecatedApis, arguments: [] });
    // old.yaml holds the only deprecated object; without the rule registered there is nothing to fix.
    const ruleExists = ALL_RULES.some((rule) => rule.id === 'deprecated-api-version');
    assert.deepEqual(r, ruleExists ? { files: 1, fixes: 1 } : { files: 0, fixes: 0 });
    assert.equal(client.appliedEdits.length, before + (ruleExists ? 1 : 0));
    if (ruleExists) {
      const old = join(dir, 'old.yaml');
      const edits = client.appliedEdits.at(-1)?.changes?.[uriOf(old)] as TextEdit[];
      const after = TextDocument.applyEdits(TextDocument.create(uriOf(old), 'yaml', 1, readFileSync(old, 'utf8')), edits);
      assert.match(after, /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\n/);
    }
  });
});

describe('CodeLens setting over LSP', () => {
  it('netpolLens.codeLens.enabled: false turns the lenses off', async () => {
    const client = await LspTestClient.start(FIXTURE, { settings: { codeLens: { enabled: false } } });
    try {
      await client.waitForReady();
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(join(FIXTURE, 'policies.yaml')) } });
      assert.deepEqual(lenses, []);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(join(FIXTURE, 'workloads.yaml')) }, position: positionOf('workloads.yaml', 'name: web') });
      assert.ok(hover, 'hovers stay on');
    } finally {
      await client.stop();
    }
  });
});
