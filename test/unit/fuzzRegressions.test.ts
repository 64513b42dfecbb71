/**
 * Minimal cases of what test/unit/fuzz.test.ts found, kept as plain tests so they say what broke
 * even if the fuzzer's corpus or seed changes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSettings } from '../../shared/src/settings';
import { WorkspaceAnalysis } from '../../server/src/analysis/workspaceAnalysis';
import { buildFileModel } from '../../server/src/model/fileModel';
import { ManifestSet } from '../../server/src/model/manifestSet';
import { ALL_RULES } from '../../server/src/rules/registry';
import { runRules } from '../../server/src/rules/runRules';
import { scanHeader } from '../../server/src/model/splitDocuments';
import { applyEdits } from '../../server/src/rules/applyEdits';
import { removeSeqItems } from '../../server/src/rules/edit/removeEntry';
import { getMap, getSeq, isMap, type YNode, type YScalar } from '../../server/src/model/yamlTree';
import { replaceScalar } from '../../server/src/rules/edit/replaceScalar';
import { parseYamlDocument } from '../../server/src/yaml/parseYamlDocument';

const header = (text: string) => scanHeader({ index: 0, start: 10, end: 10 + text.length, text });

describe('fuzz regressions: reading', () => {
  it('a syntax problem at the end of the input stays inside the file (unclosed quote in JSON)', () => {
    // The yaml parser places "Missing closing quote" one past the last character.
    for (const text of ['{\n  "kind": "NetworkPolicy', 'apiVersion: v1\nkind: Service\nmetadata: {name: "x']) {
      const model = buildFileModel(text.startsWith('{') ? 'file:///p.json' : 'file:///p.yaml', text, 1);
      const problems = model.documents.flatMap((d) => d.problems);
      assert.ok(problems.length > 0, 'the unclosed quote is reported');
      for (const p of problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${p.message}: ${p.start}-${p.end} of ${text.length}`);
    }
  });

  it('a long header line of blanks is read in linear time (it backtracked: 20,000 spaces took 25 s)', () => {
    const line = 'kind: a' + ' '.repeat(200_000) + 'b';
    const started = performance.now();
    buildFileModel('file:///long.yaml', `apiVersion: v1\n${line}\n`, 1);
    header(line + '\t'.repeat(100_000) + 'c');
    assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
  });

  it('a byte order mark before a flow-style document: still parsed (it was read as block style, found no header and was skipped)', () => {
    const text = '\uFEFF{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "p"}, "spec": {"podSelector": {}}}\n';
    const model = buildFileModel('file:///p.yaml', text, 1);
    assert.equal(model.objects.length, 1);
    assert.equal(model.objects[0]?.kind, 'NetworkPolicy');
    assert.ok(model.objects[0]?.node, 'the policy is parsed in full');
  });

  // The reader's tree of a half-typed document (the model keeps only the syntax error of such a
  // document, but the reader must still give ranges that stay in the text).
  it('a half-typed quoted key or value is read as plain: its range ends on content, not on a closing quote', () => {
    for (const text of [
      '{"spec": {"egress": [{"to": "',
      '{"spec": {"egress": [{"to": "ab',
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n  x: 'it''",
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n  x: "a\\"',
    ]) {
      const last = parseYamlDocument(text, 0).root;
      assert.ok(isMap(last));
      const scalars: YScalar[] = [];
      const walk = (n: YNode | undefined): void => {
        if (n?.type === 'scalar') scalars.push(n);
        else if (n?.type === 'map') for (const p of n.pairs) [p.key, p.value].forEach(walk);
        else if (n?.type === 'seq') n.items.forEach(walk);
      };
      walk(last);
      const key = scalars.filter((x) => x.end > x.start && `'"`.includes(text[x.start] ?? '')).pop();
      assert.ok(key, JSON.stringify(text));
      assert.equal(key.style, 'plain', JSON.stringify(text));
      const edit = replaceScalar(key, 'to');
      assert.ok(edit.start <= edit.end && edit.end <= text.length, `${JSON.stringify(text)}: edit ${edit.start}-${edit.end}`);
    }
    const closed = buildFileModel('file:///q.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: "a\\"b", x: \'it\'\'s\'}\n', 1).documents[0]?.root;
    const metadata = getMap(closed, 'metadata');
    assert.deepEqual(metadata?.pairs.map((p) => p.value?.type === 'scalar' && p.value.style), ['double', 'single']);
  });

  it('header values: quoted, commented, with blanks; offsets point at the value', () => {
    const cases: [string, string | undefined][] = [
      ['kind: NetworkPolicy', 'NetworkPolicy'],
      ['kind:   Service   # a comment', 'Service'],
      ['kind: "Deployment" # c', 'Deployment'],
      ["kind: 'Pod'", 'Pod'],
      ['kind: "unclosed', undefined],
      ['kind: "a" b', undefined],
      ['kind: # only a comment', undefined],
      ['kind:', undefined],
      ['kind: i', 'i'],
      ['kind: Service\r', 'Service'],
      ['\uFEFFkind: Namespace', 'Namespace'],
    ];
    for (const [text, value] of cases) {
      const kind = header(text).kind;
      assert.equal(kind?.value, value, JSON.stringify(text));
      // `kind: i` used to point at the `i` of `kind`.
      if (kind) assert.equal(text.slice(kind.start - 10, kind.end - 10), value, `offsets of ${JSON.stringify(text)}`);
    }
  });
});

describe('fuzz regressions: rules', () => {
  const findingsOf = (text: string) => {
    const file = buildFileModel('file:///p.yaml', text, 1);
    const manifests = new ManifestSet([file], 1);
    const settings = normalizeSettings({});
    return runRules({ file, manifests, settings, analysis: new WorkspaceAnalysis(manifests, settings) }, ALL_RULES, (rule, error) => {
      throw new Error(`${rule.id} threw: ${String(error)}`);
    });
  };

  it('a half-typed anchor or explicit key on the last line is a syntax error, not an unknown field ``', () => {
    for (const tail of ['&a ', '&a', '? ', '!!str ']) {
      const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n${tail}`;
      const found = findingsOf(text);
      assert.deepEqual(found.filter((f) => f.ruleId === 'unknown-field').map((f) => f.message), [], JSON.stringify(tail));
      for (const f of found) assert.ok(f.start <= f.end && f.end <= text.length, `${f.ruleId} ${f.start}-${f.end} of ${text.length}`);
    }
    // A key typed after the anchor is still a key (the reader's tree); the document, broken, gets
    // its syntax error only.
    const typed = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspex: {}\n&a x';
    assert.ok(getMap(parseYamlDocument(typed, 0).root, 'spex'));
    assert.deepEqual(
      findingsOf(typed).map((f) => f.ruleId),
      ['yaml-syntax'],
    );
  });

  it('an empty value on the last line: the finding, widened to one character so it shows, stays inside the file', () => {
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  egress:\n  - to:\n    - ipBlock:\n        cidr: 10.0.0.0/8\n        except:\n        - ';
    for (const text of [policy, policy.replace(/ $/, ''), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - port:']) {
      const found = findingsOf(text);
      assert.ok(found.length > 0, JSON.stringify(text));
      for (const f of found) assert.ok(f.start <= f.end && f.end <= text.length, `${f.ruleId} ${f.start}-${f.end} of ${text.length}`);
    }
    assert.ok(findingsOf(policy).some((f) => f.ruleId === 'ipblock-invalid-cidr' && f.end === policy.length), 'still reported, up to the end');
  });
});

describe('fuzz regressions: fixes', () => {
  const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n';
  const seqOf = (text: string) => {
    const model = buildFileModel('file:///p.yaml', text, 1);
    const root = model.documents[0]?.root;
    assert.ok(isMap(root));
    const seq = getSeq(getMap(root, 'spec'), 'policyTypes');
    assert.ok(seq);
    return seq;
  };

  it('removing several flow entries: one edit per run of neighbours, none overlapping', () => {
    const text = POLICY + 'spec:\n  policyTypes: [Ingress, a, 1, {b: c}]\n';
    const seq = seqOf(text);
    const cases: [number[], string][] = [
      [[1, 2, 3], '[Ingress]'],
      [[0, 1, 2, 3], '[]'],
      [[0, 2], '[a, {b: c}]'],
      [[1, 3], '[Ingress, 1]'],
      [[3, 1, 3], '[Ingress, 1]'],
    ];
    for (const [indexes, expected] of cases) {
      const edits = removeSeqItems(text, seq, indexes);
      const { text: after, applied } = applyEdits(text, edits);
      assert.equal(applied, edits.length, `edits of ${indexes.join(',')} overlap`);
      assert.equal(after, `${POLICY}spec:\n  policyTypes: ${expected}\n`, `removing ${indexes.join(',')}`);
    }
  });

  it('removing several block entries', () => {
    const text = POLICY + 'spec:\n  policyTypes:\n  - Ingress\n  - a\n  - 1 # c\n  - Egress\n';
    const edits = removeSeqItems(text, seqOf(text), [1, 2]);
    const { text: after, applied } = applyEdits(text, edits);
    assert.equal(applied, edits.length);
    assert.equal(after, POLICY + 'spec:\n  policyTypes:\n  - Ingress\n  - Egress\n');
  });
});
