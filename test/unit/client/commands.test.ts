/**
 * The palette commands as the user runs them: the bundled client (`dist/client.js`) with a fake
 * `vscode` module answering the quick picks and input boxes, and the real `dist/server.js` over
 * IPC on a copy of the multi-file fixture `test/fixtures/features/shop` (plus a deprecated policy
 * and a policy with a fixable protocol). Each test says what the user picks and what they see.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFakeVscode, requireWithVscode, waitFor, type FakeEditor, type FakeUi, type FakeVscodeRecord, type FakeWorkspaceEdit, type PickItem } from './fakeVscode';

const root = join(__dirname, '..', '..', '..');
const FIXTURE = join(root, 'test', 'fixtures', 'features', 'shop');

const OLD_POLICY = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata:\n  name: old\n  namespace: shop\nspec:\n  podSelector: {}\n';
/** `protocol: tcp` is a fixable mistake; the policy adds nothing (frontend's ingress is denied anyway). */
const LOWERCASE_PROTOCOL = [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: lab',
  '  namespace: shop',
  'spec:',
  '  podSelector:',
  '    matchLabels:',
  '      app: frontend',
  '  policyTypes: [Ingress]',
  '  ingress:',
  '  - ports:',
  '    - protocol: tcp',
  '      port: 80',
  '',
].join('\n');

interface ClientModule {
  activate(context: unknown): void;
}

const label = (item: PickItem): string => (typeof item === 'string' ? item : item.label);

/** A `pick` answer: the item with this label (failing the test when it is not offered). */
function pickLabel(wanted: string): (title: string, items: readonly PickItem[]) => PickItem {
  return (title, items) => {
    const item = items.find((i) => label(i) === wanted);
    assert.ok(item, `"${wanted}" is not offered in "${title}": ${items.map(label).join(', ')}`);
    return item;
  };
}

describe('palette commands (fake vscode, real server over IPC)', () => {
  let dir: string;
  let record: FakeVscodeRecord;
  let setActiveEditor: (editor: FakeEditor | undefined) => void;
  const ui: FakeUi = {};
  let subscriptions: { dispose(): unknown }[] = [];
  let restore: () => void = () => undefined;

  const fileUri = (name: string): string => pathToFileURL(join(dir, name)).href;
  const run = (id: string, ...args: unknown[]): Promise<unknown> => {
    const handler = record.commands.get(id);
    assert.ok(handler, `${id} is registered`);
    return Promise.resolve(handler(...args));
  };
  /** An editor on `file` with the cursor on the first occurrence of `needle`. */
  const editorAt = (file: string, needle: string): FakeEditor => {
    const text = readFileSync(join(dir, file), 'utf8');
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, `${needle} in ${file}`);
    const before = text.slice(0, offset).split('\n');
    const uri = { scheme: 'file', fsPath: join(dir, file), path: join(dir, file), toString: () => fileUri(file) };
    return { document: { uri }, selection: { active: { line: before.length - 1, character: (before.at(-1) ?? '').length } } };
  };
  /** The `index`th workspace edit the client applied. */
  const appliedEdit = (index: number): FakeWorkspaceEdit => {
    const edit = record.appliedEdits[index];
    assert.ok(edit, `workspace edit #${index}`);
    return edit;
  };
  /** The file's text on disk with the edit's changes to it applied. */
  const editedText = (edits: FakeWorkspaceEdit, file: string): string => {
    const text = readFileSync(join(dir, file), 'utf8');
    const lines = text.split('\n');
    const offsetOf = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const list = [...(edits.get(fileUri(file)) ?? [])].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
    assert.ok(list.length > 0, `an edit of ${file}`);
    return list.reduce((t, e) => t.slice(0, offsetOf(e.range.start)) + e.newText + t.slice(offsetOf(e.range.end)), text);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netpol-commands-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'old.yaml'), OLD_POLICY);
    writeFileSync(join(dir, 'lab.yaml'), LOWERCASE_PROTOCOL);
    const fake = createFakeVscode(dir, ui);
    record = fake.record;
    setActiveEditor = fake.setActiveEditor;
    const loaded = requireWithVscode(join(root, 'dist', 'client.js'), fake.vscode);
    restore = loaded.restore;
    subscriptions = [];
    (loaded.exports as ClientModule).activate({ subscriptions, extensionPath: root, asAbsolutePath: (p: string) => join(root, p) });
    await waitFor(record, 'the first analysis', () => /^\$\((shield|check)\) Netpol Lens/.test(record.statusTexts.at(-1) ?? ''), 30_000);
  });

  after(async () => {
    await Promise.all(subscriptions.map((s) => s.dispose()));
    restore();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    delete ui.pick;
    delete ui.input;
    delete ui.choose;
    setActiveEditor(undefined);
  });

  it('every palette command of the manifest is registered', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; category: string }[] } };
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Netpol Lens', c.command);
      assert.ok(record.commands.has(c.command), `${c.command} is registered`);
    }
  });

  describe('Show connectivity matrix', () => {
    it('opens a webview with the allowed ports in each connected cell and a namespace filter', async () => {
      const before = record.webviews.length;
      await run('netpolLens.showConnectivityMatrix');
      const view = record.webviews[before];
      assert.ok(view, 'a webview opened');
      assert.equal(view.title, 'Connectivity matrix');
      assert.match(view.html, /<td class="allowed" data-ns="shop" data-src="shop\/web\[Deployment\]" data-dst="shop\/db\[StatefulSet\]" title="[^"]*">TCP 5432<\/td>/);
      assert.match(view.html, /<td class="allowed" data-ns="shop" data-src="monitoring\/prometheus\[Deployment\]" data-dst="shop\/web\[Deployment\]" title="[^"]*">TCP 9090<\/td>/);
      assert.match(view.html, /<td class="denied" data-ns="shop" data-src="shop\/frontend\[Deployment\]" data-dst="shop\/web\[Deployment\]"/);
      assert.match(view.html, /<select id="ns"><option value="">All namespaces<\/option><option value="monitoring">monitoring<\/option><option value="shop">shop<\/option><\/select>/);
    });

    it('a cell explains itself (pointer rest or click): the verdict, then the egress and ingress side with their policies and rules', async () => {
      const before = record.webviews.length;
      await run('netpolLens.showConnectivityMatrix');
      const view = record.webviews[before];
      assert.ok(view);
      await view.fromPage({ type: 'explain', src: 'shop/frontend[Deployment]', dst: 'shop/web[Deployment]' });
      await waitFor(record, 'the explanation posted to the page', () => view.posted.length > 0);
      const reply = view.posted[0] as { type: string; src: string; dst: string; text: string };
      // The page shows an answer only for the cell it asked about last.
      assert.deepEqual([reply.type, reply.src, reply.dst], ['explanation', 'shop/frontend[Deployment]', 'shop/web[Deployment]']);
      const text = reply.text;
      assert.match(text, /^Denied: shop\/frontend → shop\/web — the source's egress does not allow it/);
      assert.match(text, /• shop\/frontend egress: isolated by 1 policy \(shop\/default-deny\); no rule matches shop\/web/);
      assert.match(text, /• shop\/web ingress: isolated by 3 policies \(shop\/old, shop\/default-deny, shop\/web-allow\); shop\/web-allow ingress\[0\]\.from\[0\] allows TCP 8080/);
    });

    it('exports exactly what the CLI lists for the folder, and only a namespace’s lines when filtered', async () => {
      const before = record.webviews.length;
      await run('netpolLens.showConnectivityMatrix');
      const view = record.webviews[before];
      assert.ok(view);
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'connectivity', dir], { encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);

      const docs = record.openedDocuments.length;
      await view.fromPage({ type: 'export', namespace: '' });
      await waitFor(record, 'the exported listing', () => record.openedDocuments.length > docs);
      const all = record.openedDocuments[docs];
      assert.equal(all?.language, 'plaintext');
      assert.equal(all?.content, cli.stdout);
      assert.ok(record.shownDocuments.includes(all.uri), 'the listing is shown');

      await view.fromPage({ type: 'export', namespace: 'shop' });
      await waitFor(record, 'the filtered listing', () => record.openedDocuments.length > docs + 1);
      const shop = (record.openedDocuments[docs + 1]?.content ?? '').trimEnd().split('\n');
      assert.deepEqual(
        shop,
        cli.stdout
          .trimEnd()
          .split('\n')
          .filter((l) => !l.includes('monitoring/')),
      );
    });
  });

  describe('Explain traffic…', () => {
    it('workload to a typed address on a port: allowed, with the chain of reasons on demand', async () => {
      ui.pick = (title, items) => pickLabel(title.endsWith('source') ? 'shop/web' : 'Type an address…')(title, items);
      ui.input = (title, validate) => {
        if (title.endsWith('port')) {
          assert.equal(validate('TCP 99999'), 'A port between 1 and 65535, optionally with TCP, UDP or SCTP');
          return 'TCP 443';
        }
        assert.equal(validate('shop/web'), 'An address such as 10.0.0.1 or 2001:db8::1');
        return '10.1.2.3';
      };
      ui.choose = (_message, actions) => (actions.includes('Show reasons') ? 'Show reasons' : undefined);
      const docs = record.openedDocuments.length;
      await run('netpolLens.explainTraffic');
      assert.equal(record.infoMessages.at(-1), 'Netpol Lens: Allowed: shop/web → 10.1.2.3 on TCP 443');
      const reasons = record.openedDocuments[docs];
      assert.equal(reasons?.language, 'markdown');
      assert.match(reasons.content, /^\*\*Allowed\*\*: shop\/web → 10\.1\.2\.3 on TCP 443/);
      assert.match(reasons.content, /- shop\/web egress: isolated by 3 policies [^\n]*\[shop\/web-extra\]\([^)]*policies\.yaml#L\d+\) `egress\[0\]\.to\[0\]` allows TCP 443/);
      assert.deepEqual(
        record.executedCommands.filter((c) => c.id === 'markdown.showPreview').map((c) => String(c.args[0])),
        [String(reasons.uri)],
      );
      const offered = record.prompts.find((p) => p.title === 'Explain traffic: source')?.items ?? [];
      assert.deepEqual([...offered].sort(), ['Type an address…', 'monitoring/prometheus', 'shop/db', 'shop/frontend', 'shop/web'].sort());
      assert.equal(offered.at(-1), 'Type an address…');
    });

    it('between two workloads on every port: denied, as a warning naming the side that denies', async () => {
      ui.pick = (title, items) => pickLabel(title.endsWith('source') ? 'shop/db' : 'shop/web')(title, items);
      ui.input = () => '';
      await run('netpolLens.explainTraffic');
      // db's egress is denied outright; web's ingress would allow db (the namespace peer, TCP 9090).
      assert.equal(record.warningMessages.at(-1), "Netpol Lens: Denied: shop/db → shop/web — the source's egress does not allow it");
    });

    it('dismissing a picker asks nothing more and shows nothing', async () => {
      const prompts = record.prompts.length;
      const messages = record.infoMessages.length + record.warningMessages.length;
      await run('netpolLens.explainTraffic');
      assert.deepEqual(
        record.prompts.slice(prompts).map((p) => p.title),
        ['Explain traffic: source'],
      );
      assert.equal(record.infoMessages.length + record.warningMessages.length, messages);
    });
  });

  describe('Compare connectivity with…', () => {
    it('without the git extension says so, asks nothing and opens nothing', async () => {
      const views = record.webviews.length;
      const errors = record.errorMessages.length;
      await run('netpolLens.compareConnectivity');
      assert.equal(record.webviews.length, views);
      assert.match(record.errorMessages[errors] ?? '', /needs the Git extension/);
    });
  });

  describe('Generate default-deny policy for namespace…', () => {
    it('offers the workspace’s namespaces; the policy opens as a new YAML document', async () => {
      ui.pick = (title, items) => (title.startsWith('Deny which') ? pickLabel('Ingress only')(title, items) : pickLabel('monitoring')(title, items));
      const docs = record.openedDocuments.length;
      await run('netpolLens.generateDefaultDeny');
      assert.deepEqual(record.prompts.find((p) => p.title === 'Default-deny policy for namespace')?.items, ['monitoring', 'shop', 'Another namespace…']);
      const doc = record.openedDocuments[docs];
      assert.equal(doc?.language, 'yaml');
      assert.equal(
        doc.content,
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: monitoring\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n',
      );
      assert.ok(record.shownDocuments.includes(doc.uri));
    });

    it('takes a namespace the workspace does not hold yet, typed and checked', async () => {
      ui.pick = (title, items) => (title.startsWith('Deny which') ? pickLabel('Ingress and egress')(title, items) : pickLabel('Another namespace…')(title, items));
      ui.input = (_title, validate) => {
        assert.match(validate('Payments') ?? '', /lower-case letters/);
        assert.equal(validate('payments'), undefined);
        return 'payments';
      };
      const docs = record.openedDocuments.length;
      await run('netpolLens.generateDefaultDeny');
      const text = record.openedDocuments[docs]?.content ?? '';
      assert.match(text, /^# Denies all egress too, DNS included/);
      assert.match(text, /\n {2}namespace: payments\nspec:\n {2}podSelector: \{\}\n {2}policyTypes:\n {2}- Ingress\n {2}- Egress\n$/);
    });
  });

  describe('Allow DNS egress for this policy', () => {
    it('adds the kube-dns rule on UDP and TCP 53 to the policy under the cursor', async () => {
      setActiveEditor(editorAt('policies.yaml', 'name: web-allow'));
      const edits = record.appliedEdits.length;
      await run('netpolLens.allowDnsEgress');
      await waitFor(record, 'the workspace edit', () => record.appliedEdits.length > edits);
      const after = editedText(appliedEdit(edits), 'policies.yaml');
      assert.ok(
        after.includes(
          '    - port: pg\n  - to:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: kube-system\n      podSelector:\n        matchLabels:\n          k8s-app: kube-dns\n    ports:\n    - protocol: UDP\n      port: 53\n    - protocol: TCP\n      port: 53\n',
        ),
        after,
      );
    });

    it('says why when the policy does not restrict egress, and changes nothing', async () => {
      setActiveEditor(editorAt('policies.yaml', 'name: ghost'));
      const edits = record.appliedEdits.length;
      await run('netpolLens.allowDnsEgress');
      assert.match(record.infoMessages.at(-1) ?? '', /^Netpol Lens: ghost does not restrict egress/);
      assert.equal(record.appliedEdits.length, edits);
    });

    it('without an editor, asks for one', async () => {
      await run('netpolLens.allowDnsEgress');
      assert.equal(record.infoMessages.at(-1), 'Netpol Lens: open a NetworkPolicy and put the cursor in it.');
    });
  });

  describe('Migrate all deprecated APIs', () => {
    it('applies every deprecated-api-version fix of the workspace in one edit and says how many', async () => {
      const edits = record.appliedEdits.length;
      await run('netpolLens.migrateDeprecatedApis');
      assert.equal(record.infoMessages.at(-1), 'Netpol Lens: migrated 1 object(s) in 1 file(s); review and save them.');
      assert.equal(record.appliedEdits.length, edits + 1);
      const edit = appliedEdit(edits);
      assert.deepEqual([...edit.keys()], [fileUri('old.yaml')]);
      assert.match(editedText(edit, 'old.yaml'), /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\n/);
    });
  });

  describe('Fix all', () => {
    it('applies every safe fix of the active file', async () => {
      setActiveEditor(editorAt('lab.yaml', 'kind'));
      const edits = record.appliedEdits.length;
      await run('netpolLens.fixAll');
      await waitFor(record, 'the fix-all edit', () => record.appliedEdits.length > edits);
      const after = editedText(appliedEdit(edits), 'lab.yaml');
      assert.equal(after, LOWERCASE_PROTOCOL.replace('protocol: tcp', 'protocol: TCP'));
    });
  });

  describe('a CodeLens click (Show locations)', () => {
    it('peeks the locations the lens carries under it', async () => {
      const uri = fileUri('policies.yaml');
      const target = { uri: fileUri('workloads.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } };
      await run('netpolLens.showLocations', uri, { line: 9, character: 0 }, [target]);
      const peek = record.executedCommands.at(-1);
      assert.equal(peek?.id, 'editor.action.showReferences');
      const [at, position, locations] = peek.args as [{ toString(): string }, { line: number }, { uri: { toString(): string }; range: { start: { line: number } } }[]];
      assert.equal(String(at), uri);
      assert.equal(position.line, 9);
      assert.deepEqual(
        locations.map((l) => [String(l.uri), l.range.start.line]),
        [[fileUri('workloads.yaml'), 3]],
      );
    });

    it('says so when there is nothing to show', async () => {
      await run('netpolLens.showLocations', fileUri('policies.yaml'), { line: 0, character: 0 }, []);
      assert.equal(record.infoMessages.at(-1), 'Netpol Lens: nothing to show in this workspace.');
    });
  });
});
