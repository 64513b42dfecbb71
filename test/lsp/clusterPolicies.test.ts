/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy through the bundled server, on the fixture
 * `test/fixtures/features/tiers`: the workload hover says which tier decided and how, the
 * explanation and the matrix agree with it, the new kinds get CodeLenses and hovers of their own,
 * and a mistyped action gets its diagnostic and quick fix.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { CONNECTIVITY_MATRIX_REQUEST, EXPLAIN_TRAFFIC_REQUEST, type ConnectivityMatrixResult, type ExplainTrafficResult } from '../../shared/src/protocol';
import { LspTestClient, uriOf } from '../support/lspClient';

const FIXTURE = join(__dirname, '..', 'fixtures', 'features', 'tiers');

function positionOf(file: string, needle: string, shift = 1): Position {
  const text = readFileSync(join(FIXTURE, file), 'utf8');
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not found in ${file}`);
  return TextDocument.create('x', 'yaml', 1, text).positionAt(offset + shift);
}

/** Markdown as read: link targets and code fences dropped. */
function plain(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '').replace(/\*\*/g, '');
}

describe('cluster-wide policies over LSP', () => {
  let client: LspTestClient;
  const uri = (file: string): string => uriOf(join(FIXTURE, file));
  const hover = async (file: string, needle: string): Promise<string> => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(file) }, position: positionOf(file, needle) });
    assert.ok(h, `no hover on ${needle} in ${file}`);
    return (h.contents as MarkupContent).value;
  };

  before(async () => {
    client = await LspTestClient.start(FIXTURE);
    await client.waitForReady();
  });

  after(async () => {
    await client.stop();
  });

  it('the workload hover says the AdminNetworkPolicy denies before any NetworkPolicy is consulted, with a link to the rule', async () => {
    const md = await hover('workloads.yaml', 'name: api');
    assert.equal(md.split('\n')[0]?.trimEnd(), '**Deployment prod/api** — ingress: isolated + cluster-wide policies · egress: not isolated by NetworkPolicy + cluster-wide policies');
    const text = plain(md);
    assert.match(text, /from every pod of namespace mon on TCP 9090 \(named metrics\): denied by AdminNetworkPolicy deny-mon \(priority 10, ingress\[0\] "deny-from-mon"\) before any NetworkPolicy is consulted/);
    assert.ok(md.includes(`[AdminNetworkPolicy deny-mon](${uri('admin.yaml')}#L4)`), md);
    assert.match(text, /_NetworkPolicy:_ isolated by 1 policy; of what the Admin tier leaves, allowed/);
    // Egress: no NetworkPolicy isolates it, so the baseline decides.
    assert.match(text, /_Baseline tier, consulted as no NetworkPolicy isolates this direction:_\n- to 0\.0\.0\.0\/0 on all ports: denied by BaselineAdminNetworkPolicy default \(egress\[0\] "no-internet"\)/);
  });

  it('explains mon/prom → prod/api: 9090 denied by the AdminNetworkPolicy, 8080 allowed by the NetworkPolicy', async () => {
    const denied = await client.request<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, { source: { workload: 'mon/prom' }, destination: { workload: 'prod/api' }, protocol: 'TCP', port: 9090 });
    assert.equal(denied.verdict, 'denied');
    assert.equal(denied.steps[1]?.text, 'prod/api ingress: TCP 9090 denied by AdminNetworkPolicy deny-mon (priority 10) ingress[0] "deny-from-mon"');
    assert.equal(denied.steps[1]?.location?.uri, uri('admin.yaml'));
    assert.match(plain(denied.markdown), /denied by AdminNetworkPolicy deny-mon \(priority 10, ingress\[0\] "deny-from-mon"\) before any NetworkPolicy is consulted/);
    const allowed = await client.request<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, { source: { workload: 'mon/prom' }, destination: { workload: 'prod/api' }, protocol: 'TCP', port: 8080 });
    assert.equal(allowed.verdict, 'allowed');
    assert.match(allowed.steps[1]?.text ?? '', /TCP 8080 allowed by NetworkPolicy prod\/allow-all-in spec\.ingress\[0\]/);
    const out = await client.request<ExplainTrafficResult>(EXPLAIN_TRAFFIC_REQUEST, { source: { workload: 'prod/api' }, destination: { address: '1.1.1.1' }, protocol: 'TCP', port: 443 });
    assert.equal(out.verdict, 'denied');
    assert.match(out.steps[0]?.text ?? '', /TCP 443 denied by BaselineAdminNetworkPolicy default egress\[0\] "no-internet"/);
  });

  it('the matrix leaves 9090 out of mon/prom → prod/api', async () => {
    const m = await client.request<ConnectivityMatrixResult>(CONNECTIVITY_MATRIX_REQUEST, {});
    const name = (i: number): string => m.workloads[i]?.id ?? '?';
    const cell = m.cells.find((c) => name(c.src) === 'mon/prom[Deployment]' && name(c.dst) === 'prod/api[Deployment]');
    assert.equal(cell?.ports, 'all SCTP · TCP 1-9089, 9091-65535 · all UDP');
    assert.ok(!m.listing.some((l) => l.startsWith('prod/api[Deployment] => ') && l.includes('[External]')), 'the baseline denies prod/api egress to addresses');
  });

  it('CodeLenses over the new kinds, and hovers on the policy and its rule', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('admin.yaml') } });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['Admin tier, priority 10 · applies to 1 workload · ingress: 1 deny · egress: no rules', 'Baseline tier · applies to 2 workloads · ingress: no rules · egress: 1 deny'],
    );
    const policy = plain(await hover('admin.yaml', 'name: deny-mon'));
    assert.match(policy, /^AdminNetworkPolicy deny-mon — Admin tier, priority 10: consulted before any NetworkPolicy/);
    assert.match(policy, /Applies to 1 workload: prod\/api/);
    const rule = plain(await hover('admin.yaml', 'action: Deny'));
    assert.match(rule, /Rule ingress\[0\] "deny-from-mon" of AdminNetworkPolicy deny-mon/);
    assert.match(rule, /Deny from \(any of\):\n- every pod of namespace mon/);
  });

  it('a mistyped action is an error with the fix to the enum value', async () => {
    const file = uri('admin.yaml');
    const text = readFileSync(join(FIXTURE, 'admin.yaml'), 'utf8').replace('action: Deny', 'action: Dney');
    client.open(file, text);
    const diagnostics = await client.diagnosticsOf(file, (d) => d.some((x) => x.code === 'cluster-policy-action-invalid'), 'action diagnostic');
    const d = diagnostics.find((x) => x.code === 'cluster-policy-action-invalid');
    assert.equal(d?.severity, 1);
    assert.match(d?.message ?? "", /"Dney" is not an action: did you mean Deny\?/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: file }, range: d?.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === 'Change to Deny');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    client.close(file);
  });
});
