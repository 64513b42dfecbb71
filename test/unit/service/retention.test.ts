/**
 * A long-lived service keeps no chain of old versions: each analysis hands what the next one
 * reuses over as values (analysisCarry.ts), so once later edits are checked, the analyses and
 * trees of earlier versions are garbage. A closure kept in a carried value that shares its scope
 * with one reading the previous value keeps every earlier state alive, one per edit (a per-policy
 * rule's deferred inputs did: the large bench workspace's server grew by ~130 MB over 100 edits).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import { FindingsService } from '../../../server/src/service/findingsService';
import { EditorTexts } from '../../../server/src/workspace/editorTexts';
import type { PieceText } from '../../../server/src/model/pieceText';
import { TextDocument } from 'vscode-languageserver-textdocument';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const policies = (port: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: api}}
    ports:
    - port: ${port}
`;

function workload(replicas: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{name: http, containerPort: 8080}]
`;
}

function remember(refs: WeakRef<object>[], ...objects: (object | undefined)[]): void {
  for (const o of objects) if (o) refs.push(new WeakRef(o));
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The policy file's texts: strings, or typed through the editor's store (the port replaced by a
 * ranged change: the text in pieces, recording the change from the text before).
 */
function policyTexts(typing: 'string' | 'editor', uri: string): (port: string) => string | PieceText {
  if (typing === 'string') return policies;
  const store = new EditorTexts(64);
  let text = policies('http');
  store.didOpen(uri, 'yaml', 1, text);
  return (port) => {
    const at = text.lastIndexOf('port: ') + 'port: '.length;
    const lines = TextDocument.create(uri, 'yaml', 1, text);
    const range = { start: lines.positionAt(at), end: lines.positionAt(text.length - 1) };
    text = policies(port);
    return (store.didChange(uri, 2, [{ range, text: port }]) as { text: PieceText }).text;
  };
}

describe('a long-lived service', () => {
  for (const typing of ['string', 'editor'] as const) {
    it(`lets the trees and analyses of earlier versions go once later edits are checked (${typing === 'string' ? 'texts as strings' : "the editor's texts in pieces"})`, async () => {
      await earlierVersionsGo(typing);
    });
  }
});

async function earlierVersionsGo(typing: 'string' | 'editor'): Promise<void> {
  {
    const settings = DEFAULT_SETTINGS;
    const service = new FindingsService();
    const policyUri = 'file:///ws/policies.yaml';
    const workloadUri = 'file:///ws/web.yaml';
    const policyText = policyTexts(typing, policyUri);
    let manifests = new ManifestSet([buildFileModel(policyUri, policies('http'), 1), buildFileModel(workloadUri, workload('1'), 1)], 1);
    let mark = service.settle(manifests, settings, undefined).mark;
    const early: WeakRef<object>[] = [];
    // Edits of the policy file (each a new tree of the edited policy) and of the workload, some
    // taking the full pass (a document that stops parsing), the others the derived one.
    const edits: [string, string][] = [
      [policyUri, '80'], [workloadUri, '['], [policyUri, 'http'], [workloadUri, '2'], [policyUri, '8080'],
      // Then enough edits for the overlay maps to fold their layers (a removed key stays in a
      // layer until then: bounded, not a chain).
      ...Array.from({ length: 20 }, (_, k): [string, string] => (k % 3 === 2 ? [workloadUri, String(k)] : [policyUri, String(90 + k)])),
    ];
    for (const [i, [uri, value]] of edits.entries()) {
      const previous = manifests.getFile(uri);
      const text = uri === policyUri ? policyText(value) : workload(value);
      manifests = manifests.with(buildFileModel(uri, text, i + 2, { previous }));
      if (i < 5 && typeof text !== 'string') remember(early, text);
      mark = service.settle(manifests, settings, mark).mark;
      for (const u of [policyUri, workloadUri]) service.findings(u, manifests, settings);
      service.prepareForEdits(mark);
      // (In a function of its own: a local of this suspended async function would keep the last one.)
      if (i < 5) remember(early, service.analysisFor(manifests, settings), manifests.getFile(policyUri)?.documents[1]?.root);
      await nextTurn();
    }
    gc();
    await nextTurn();
    gc();
    assert.ok(early.length >= 8);
    const alive = early.filter((ref) => ref.deref() !== undefined).length;
    assert.equal(alive, 0, `${alive} of ${early.length} analyses, policy trees and texts of the first five versions are still reachable twenty edits later`);
  }
}
