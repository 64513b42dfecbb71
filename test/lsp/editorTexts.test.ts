/**
 * The server keeps the texts of open documents itself (`EditorTexts`, in pieces). Through the
 * bundled server: each notification's ranges are applied in order, in UTF-16 positions of lines
 * broken by CRLF, a range past the end lands at the end, and the diagnostics and the fix-all of
 * each version are those of the text the client holds (the library's `TextDocument`, change by
 * change). Closing forgets the text; a reopened document is read as sent.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, applyWorkspaceEdit as apply, uriOf } from '../support/lspClient';

const policy = (protocols: readonly string[]): string =>
  [
    '# r\u00e9seau \u{1F600} policy',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    'spec:',
    '  podSelector: {}',
    '  policyTypes: [Ingress]',
    '  ingress:',
    '  - ports:',
    ...protocols.flatMap((p, i) => [`    - protocol: ${p}`, `      port: ${80 + i}`]),
    '',
  ].join('\r\n');

const protocolDiagnostics = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'protocol-invalid');

/** The range of the first `word` in `text`, as the client's document places it. */
function rangeOf(text: string, word: string): Range {
  const at = text.indexOf(word);
  assert.ok(at >= 0, `no ${word}`);
  const doc = TextDocument.create('file:///x', 'yaml', 1, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + word.length) };
}

/** `text` after `changes`, each applied as the library applies it to the text the previous one made. */
function applied(text: string, changes: readonly { range: Range; text: string }[]): string {
  return changes.reduce((t, c) => TextDocument.update(TextDocument.create('file:///x', 'yaml', 1, t), [c], 2).getText(), text);
}

describe("the server's own editor texts", () => {
  let dir: string;
  let client: LspTestClient;
  let uri: string;
  /** The text the client holds (one document, edited from test to test). */
  let text = policy(['Tcp', 'TCP']);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-editor-texts-'));
    client = await LspTestClient.start(dir);
    await client.waitForReady();
    uri = uriOf(join(dir, 'policy.yaml'));
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const fixAll = (): Promise<CodeAction[]> => client.fixAllActions(uri);

  const diagnosticsOfVersion = async (version: number, count: number): Promise<Diagnostic[]> => {
    await client.waitFor(`version ${version} with ${count} protocol finding(s)`, () => {
      const p = client.diagnostics.get(uri);
      return p?.version === version && protocolDiagnostics(p.diagnostics).length === count;
    });
    return protocolDiagnostics(client.diagnostics.get(uri)?.diagnostics ?? []);
  };

  it('applies the ranges of one notification in order, in UTF-16 positions of CRLF lines, and one past the end at the end', async () => {
    client.open(uri, text);
    await diagnosticsOfVersion(1, 1);
    const emoji = rangeOf(text, '\u{1F600}');
    const changes = [
      { range: rangeOf(text, 'TCP'), text: 'udp' },
      // After the first change: a word typed just after the emoji (two UTF-16 units on line 0).
      { range: { start: emoji.end, end: emoji.end }, text: ' caf\u00e9' },
      // A range past the end of the text, given end first.
      { range: { start: { line: 99, character: 0 }, end: { line: 40, character: 3 } }, text: '# end\r\n' },
    ];
    const version = client.changeRanges(uri, changes);
    text = applied(text, changes);
    assert.ok(text.startsWith('# r\u00e9seau \u{1F600} caf\u00e9 policy\r\n') && text.endsWith('port: 81\r\n# end\r\n'), 'the expected text');
    const findings = await diagnosticsOfVersion(version, 2);
    assert.deepEqual(
      findings.map((d) => d.range),
      [rangeOf(text, 'Tcp'), rangeOf(text, 'udp')],
    );
    const action = (await fixAll()).find((a) => a.kind === 'source.fixAll.netpolLens');
    assert.ok(action, 'no fix-all action');
    assert.equal(apply(text, action.edit, uri), text.replace('Tcp', 'TCP').replace('udp', 'UDP'));
  });

  it('takes a keystroke that joins and one that splits a CRLF line break as the text has them', async () => {
    const udp = rangeOf(text, 'udp');
    const changes = [
      // The line of `udp` joined to the next (its CRLF removed), then split again before `port`.
      { range: { start: udp.end, end: { line: udp.end.line + 1, character: 0 } }, text: ' ' },
      { range: { start: { line: udp.end.line, character: udp.end.character + 1 }, end: { line: udp.end.line, character: udp.end.character + 1 } }, text: '\r\n' },
    ];
    const version = client.changeRanges(uri, changes);
    text = applied(text, changes);
    const findings = await diagnosticsOfVersion(version, 2);
    assert.deepEqual(findings[1]?.range, rangeOf(text, 'udp'));
  });

  it('forgets a closed document and reads a reopened one as sent', async () => {
    client.close(uri);
    await client.diagnosticsOf(uri, (d) => d.length === 0, 'no diagnostics once closed (no file on disk)');
    text = policy(['sctp', 'Udp', 'TCP']);
    client.open(uri, text);
    const findings = await diagnosticsOfVersion(1, 2);
    assert.deepEqual(
      findings.map((d) => d.range),
      [rangeOf(text, 'sctp'), rangeOf(text, 'Udp')],
    );
  });
});
