/** The model: document splitting, header scan, lists, reuse of unchanged documents, spans. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFileModel } from '../../server/src/model/fileModel';
import { LineIndex } from '../../server/src/model/lineIndex';
import { kustomizePatchPaths } from '../../server/src/model/kustomize';
import { splitDocuments } from '../../server/src/model/splitDocuments';
import { splitJsonStream } from '../../server/src/model/jsonStream';
import { getString } from '../../server/src/model/yamlTree';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

describe('splitDocuments', () => {
  it('splits on --- and ... lines, drops comment-only documents, keeps offsets', () => {
    const text = '# header\n---\na: 1\n---\n# only a comment\n---\nb: 2\n...\n';
    const docs = splitDocuments(text);
    assert.deepEqual(
      docs.map((d) => d.text),
      ['a: 1\n', 'b: 2\n'],
    );
    for (const d of docs) assert.equal(text.slice(d.start, d.end), d.text);
  });

  it('does not split on --- inside a line or indented', () => {
    const docs = splitDocuments('a: |\n  ---\n  x\nb: "---"\n');
    assert.equal(docs.length, 1);
  });
});

describe('buildFileModel', () => {
  const text = [
    'apiVersion: v1',
    'kind: PodList',
    'items:',
    '- metadata: {name: a, namespace: x}',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'data: {k: v}',
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: np',
    'spec: {podSelector: {}}',
    '',
  ].join('\n');

  it('unwraps typed lists, keeps headers of unanalysed kinds, parses analysed kinds', () => {
    const m = buildFileModel('file:///a.yaml', text, 1);
    assert.deepEqual(
      m.objects.map((o) => [o.kind, o.name, o.namespace, o.itemIndex, o.node !== undefined]),
      [
        ['Pod', 'a', 'x', 0, true],
        ['ConfigMap', undefined, undefined, undefined, false],
        ['NetworkPolicy', 'np', undefined, undefined, true],
      ],
    );
    const cm = m.objects[1];
    assert.ok(cm?.kindNode);
    assert.equal(text.slice(cm.kindNode.start, cm.kindNode.end), 'ConfigMap');
  });

  it('re-parses only the edited document and shifts the others', () => {
    const first = buildFileModel('file:///a.yaml', text, 1);
    const edited = text.replace('- metadata: {name: a, namespace: x}', '- metadata: {name: abc, namespace: x}');
    const second = buildFileModel('file:///a.yaml', edited, 2, { previous: first });
    assert.equal(second.parsedDocuments, 1);
    const np = second.objects[2];
    assert.ok(np?.node);
    const name = np.node.pairs.find((p) => p.key.source === 'metadata')?.value;
    assert.equal(getString(name, 'name'), 'np');
    // The reused tree's offsets point at the same text in the new file.
    assert.ok(np.kindNode);
    assert.equal(edited.slice(np.kindNode.start, np.kindNode.end), 'NetworkPolicy');
  });

  it('moves a document several keystrokes moved, read in any order, to where each version has it', () => {
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n';
    const versions = ['a: 1\n---\n', 'a: 12\n---\n', 'a: 123\n---\n', 'a: 1234\n---\n'].map((head) => `${head}${policy}`);
    const models = [buildFileModel('file:///m.yaml', versions[0] ?? '', 1)];
    versions.slice(1).forEach((v, i) => models.push(buildFileModel('file:///m.yaml', v, i + 2, { previous: models[i] })));
    // The last version first (its copy comes from the first tree), then the ones typed between.
    for (const i of [3, 1, 2, 0]) {
      const np = models[i]?.objects[0];
      assert.ok(np?.kindNode, `version ${i + 1}`);
      assert.equal(versions[i]?.slice(np.start, np.end), policy, `version ${i + 1}`);
      assert.equal(versions[i]?.slice(np.kindNode.start, np.kindNode.end), 'NetworkPolicy', `version ${i + 1}`);
    }
    assert.deepEqual(models.slice(1).map((m) => m.parsedDocuments), [0, 0, 0]);
  });

  it('reads TAB-indented documents the way kubectl does, keeping offsets', () => {
    const tabbed = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\nspec:\n  containers: [\n\t    {name: c}]\n';
    const m = buildFileModel('file:///t.yaml', tabbed, 1);
    assert.deepEqual(m.problems, []);
    assert.equal(m.objects[0]?.name, 't');
  });

  it('reads a document indented as a whole, as kubectl does (bank-of-anthos writes its ledger-db Service so)', () => {
    const text = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n---\n  apiVersion: v1\n  kind: Service\n  metadata:\n    name: db\n  spec:\n    selector: {app: db}\n';
    const m = buildFileModel('file:///db.yaml', text, 1);
    assert.deepEqual(m.problems, []);
    assert.deepEqual(
      m.objects.map((o) => `${o.kind}/${o.name ?? ''}`),
      ['StatefulSet/db', 'Service/db'],
    );
    assert.equal(m.objects[1]?.kindNode?.start, text.indexOf('Service'));
  });

  it('skips Helm templates and binary content without throwing', () => {
    assert.equal(buildFileModel('file:///h.yaml', '{{- if .Values.np }}\nkind: NetworkPolicy\n{{- end }}\n', 1).skipped, 'helm-template');
    assert.equal(buildFileModel('file:///chart/templates/np.yaml', 'kind: {{ .Values.kind }}\n', 1).skipped, 'helm-template');
    assert.equal(buildFileModel('file:///b.yaml', 'a\u0000b', 1).skipped, 'binary');
  });

  it('leaves out only the documents with a templated value, so the other objects of the file are still read', () => {
    // The PrometheusRule's `{{ $labels.pod }}` is text inside a string: that document is read too.
    const text = [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'metadata: {name: alerts}',
      'spec:',
      '  groups:',
      '  - rules:',
      '    - alert: Down',
      '      annotations: {summary: "{{ $labels.pod }} is down"}',
      '---',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: {{ .Values.name }}}',
      'spec: {podSelector: {}}',
      '---',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: web}',
      'spec: {podSelector: {}}',
      '',
    ].join('\n');
    const m = buildFileModel('file:///monitoring.yaml', text, 1);
    assert.equal(m.skipped, undefined);
    assert.deepEqual(m.problems, []);
    assert.deepEqual(m.objects.map((o) => `${o.kind}/${o.name ?? ''}`), ['PrometheusRule/', 'NetworkPolicy/web']);
    assert.deepEqual(m.documents.map((d) => d.templated), [false, true, false]);
  });

  it('reads name and namespace of header-only documents with a line scan', () => {
    const text = [
      'apiVersion: example.com/v1',
      'kind: Widget',
      'metadata:',
      '  # a comment',
      '  annotations:',
      '    note: |',
      '      name: not-this',
      '  name: "w1"  # trailing',
      '  namespace: shop',
      'spec: {size: 3}',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: flow, namespace: x}',
      '',
    ].join('\n');
    const m = buildFileModel('file:///w.yaml', text, 1);
    assert.deepEqual(
      m.objects.map((o) => [o.kind, o.name, o.namespace, o.node !== undefined]),
      [
        ['Widget', 'w1', 'shop', false],
        ['ConfigMap', undefined, undefined, false],
      ],
    );
  });

  it('parses in full the custom resources that may hold pods: catalogued kinds and those saying template:', () => {
    const doc = (apiVersion: string, kind: string, spec: string): string => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\nspec:\n${spec}\n`;
    const text = [
      doc('monitoring.coreos.com/v1', 'Prometheus', '  replicas: 1'),
      doc('argoproj.io/v1alpha1', 'Rollout', '  template:\n    metadata: {labels: {app: x}}'),
      doc('example.com/v1', 'Widget', '  size: 1'),
      doc('apiextensions.k8s.io/v1', 'CustomResourceDefinition', '  versions:\n  - schema:\n      template: {}'),
    ].join('---\n');
    const m = buildFileModel('file:///crs.yaml', text, 1);
    assert.deepEqual(
      m.objects.map((o) => [o.kind, o.node !== undefined]),
      [
        ['Prometheus', true],
        ['Rollout', true],
        ['Widget', false],
        ['CustomResourceDefinition', false],
      ],
    );
  });

  it('survives hostile input', () => {
    for (const t of ['', '---', '{{{', ': : :', '- - -', '&a [*a, *a]', 'a: ' + '['.repeat(5000), '\ufeffkind: X\napiVersion: v1\n']) {
      assert.doesNotThrow(() => buildFileModel('file:///x.yaml', t, 1), t.slice(0, 20));
    }
  });
});

describe('LineIndex', () => {
  it('maps offsets and positions both ways across \\n and \\r\\n', () => {
    const idx = new LineIndex('ab\r\ncd\nef');
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(8), { line: 2, character: 1 });
    assert.equal(idx.offsetAt({ line: 2, character: 1 }), 8);
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), 9);
  });

  it('answers the same once compacted (the index of a text let go), for every offset and line', () => {
    const lines = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => 'x'.repeat((i * 7 + seed) % 23) + ['\n', '\r\n', '\r'][(i + seed) % 3]).join('');
    const texts = ['', 'a', '\n', 'a\n', 'ab\r\ncd\nef', lines(63, 1), lines(64, 2), lines(65, 3) + 'tail', lines(300, 4), lines(129, 5) + 'y'.repeat(70_000) + '\nz'];
    for (const text of texts) {
      const full = new LineIndex(text);
      const compact = new LineIndex(text);
      compact.compact();
      assert.equal(compact.lineCount, full.lineCount, JSON.stringify(text.slice(0, 20)));
      for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(compact.positionAt(o), full.positionAt(o), `offset ${o}`);
      for (let line = -1; line <= full.lineCount + 1; line++) {
        assert.equal(compact.lineStart(line), full.lineStart(line), `line ${line}`);
        for (const character of [-1, 0, 3, 40]) assert.equal(compact.offsetAt({ line, character }), full.offsetAt({ line, character }));
      }
    }
  });

  it('builds the index after an edit from a compacted one as from a fresh scan', () => {
    const before = Array.from({ length: 200 }, (_, i) => `line ${i}\n`).join('');
    const start = before.indexOf('line 100');
    const after = before.slice(0, start) + 'new\nlines\r\n' + before.slice(start + 4);
    const previous = new LineIndex(before);
    previous.compact();
    const edited = new LineIndex(after, { previous, change: { start, oldEnd: start + 4, newEnd: start + 'new\nlines\r\n'.length } });
    const fresh = new LineIndex(after);
    assert.equal(edited.lineCount, fresh.lineCount);
    for (let o = 0; o <= after.length; o++) assert.deepEqual(edited.positionAt(o), fresh.positionAt(o));
  });
});

describe('kustomize', () => {
  it('lists patch files of every patch style', () => {
    const k = 'resources: [a.yaml]\npatchesStrategicMerge:\n- p1.yaml\npatches:\n- path: p2.yaml\n- patch: |-\n    - op: add\npatchesJson6902:\n- path: p3.yaml\n';
    assert.deepEqual(kustomizePatchPaths(k), ['p1.yaml', 'p2.yaml', 'p3.yaml']);
  });
});

describe('size cap', () => {
  const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}\n';

  it('skips a file over the cap, counting UTF-8 bytes, before reading anything', () => {
    assert.equal(buildFileModel('file:///a.yaml', policy, 1, { maxBytes: policy.length }).skipped, undefined);
    const over = buildFileModel('file:///a.yaml', policy, 1, { maxBytes: policy.length - 1 });
    assert.equal(over.skipped, 'too-large');
    assert.deepEqual([over.documents, over.objects], [[], []]);
    // 40 characters of é are 80 bytes.
    const accents = `${policy}# ${'é'.repeat(40)}\n`;
    assert.equal(buildFileModel('file:///a.yaml', accents, 1, { maxBytes: accents.length + 10 }).skipped, 'too-large');
  });

  it('applies to open documents as to disk files, and again when the cap changes', () => {
    let cap = 1024;
    const index = new WorkspaceIndex(() => cap);
    const big = policy + `# ${'x'.repeat(2000)}\n`;
    assert.equal(index.openDocument('file:///open.yaml', big, 1).skipped, 'too-large');
    assert.equal(index.setDiskText('file:///disk.yaml', big).skipped, 'too-large');
    assert.equal(index.manifests.objects().length, 0);
    cap = 4096;
    assert.deepEqual(
      index.recheckSizes().map((m) => [m.uri, m.skipped]),
      [['file:///open.yaml', undefined]],
    );
    assert.equal(index.manifests.objects().length, 1);
  });
});

describe('documents with a syntax error', () => {
  it('hold no object and no tree (kubectl applies none of it); the other documents are read', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {matchLabels: {app: web}}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';
    const m = buildFileModel('file:///a.yaml', text, 1);
    assert.deepEqual(
      m.documents.map((d) => [d.isKubernetes, d.root !== undefined, d.problems.length > 0]),
      [
        [true, false, true],
        [true, true, false],
      ],
    );
    assert.deepEqual(
      m.objects.map((o) => o.kind),
      ['Namespace'],
    );
  });

  it('truncated JSON is one syntax problem, not a half policy', () => {
    const m = buildFileModel('file:///p.json', '{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p"}, "spec": {"ingress": [{"from": [', 1);
    assert.deepEqual(m.objects, []);
    assert.ok(m.problems.length > 0);
    assert.equal(m.documents[0]?.isKubernetes, true);
  });
});

describe('JSON streams', () => {
  it('concatenated objects are one document each, as kubectl decodes them; strings may hold braces', () => {
    const text = ' {"a": "}{", "b": [1, {"c": "\\"}"}]}\n{"d": 2}{"e": 3}\n';
    assert.deepEqual(
      splitJsonStream(text)?.map((s) => [s.text, text.slice(s.start, s.end) === s.text]),
      [
        ['{"a": "}{", "b": [1, {"c": "\\"}"}]}', true],
        ['{"d": 2}', true],
        ['{"e": 3}', true],
      ],
    );
  });

  it('one object, YAML, or something after the objects is not a stream', () => {
    for (const text of ['{"a": 1}\n', 'a: 1\n---\nb: 2\n', '{"a": 1}\n---\n{"b": 2}\n', '{"a": 1}{"b": ', '[1]\n[2]\n']) assert.equal(splitJsonStream(text), undefined, text);
  });

  it('every object of a .json or .yaml stream is an object of the file', () => {
    const np = (name: string): string => `{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "${name}"}, "spec": {"podSelector": {}}}`;
    for (const uri of ['file:///s.json', 'file:///s.yaml']) {
      const m = buildFileModel(uri, `${np('a')}\n${np('b')}${np('c')}\n`, 1);
      assert.deepEqual(m.problems, []);
      assert.deepEqual(
        m.objects.map((o) => o.name),
        ['a', 'b', 'c'],
      );
    }
  });
});
