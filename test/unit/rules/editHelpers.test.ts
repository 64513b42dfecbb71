/**
 * The source-preserving edit helpers: rendering in the file's layout, inserting map entries and
 * list items, replacing a pair, and merging a list item into the one before it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { at, isMap, isSeq, toPlain, type YMap, type YSeq } from '../../../server/src/model/yamlTree';
import { applyEdits } from '../../../server/src/rules/applyEdits';
import { appendSeqItem, insertMapEntries, replacePair } from '../../../server/src/rules/edit/insertEntries';
import { mergeIntoPrevious } from '../../../server/src/rules/edit/mergeSeqItems';
import { renderBlockMap, renderFlow, renderScalar } from '../../../server/src/rules/edit/renderYaml';
import { detectLayout } from '../../../server/src/rules/edit/yamlLayout';
import type { TextEditData } from '../../../server/src/rules/types';
import { parseYamlDocument } from '../../../server/src/yaml/parseYamlDocument';

function root(text: string): YMap {
  const node = parseYamlDocument(text, 0).root;
  assert.ok(isMap(node));
  return node;
}

function apply(text: string, edit: TextEditData | undefined): string {
  assert.ok(edit);
  const out = applyEdits(text, [edit]).text;
  assert.deepEqual(parseYamlDocument(out, 0).problems, [], `must parse:\n${out}`);
  return out;
}

describe('edit helpers', () => {
  it('quotes only strings YAML would read otherwise', () => {
    assert.equal(renderScalar('web'), 'web');
    assert.equal(renderScalar('kubernetes.io/metadata.name'), 'kubernetes.io/metadata.name');
    for (const s of ['80', 'true', 'no', 'null', '', '1e3', 'a: b', '-x', '0x1F']) assert.equal(renderScalar(s), JSON.stringify(s));
    assert.equal(renderFlow({ a: [1, 'x'], b: {} }), '{a: [1, x], b: {}}');
  });

  it('reads the layout: indent step and sequence indentation', () => {
    assert.deepEqual(detectLayout('a:\n    b: 1\nl:\n- x\n', root('a:\n    b: 1\nl:\n- x\n')), { indent: 4, seqIndent: 0, newline: '\n' });
    const t = 'a:\n  b:\n    - x\n';
    assert.deepEqual(detectLayout(t, root(t)), { indent: 2, seqIndent: 2, newline: '\n' });
  });

  it('renders nested values in block style that reads back the same', () => {
    const value = { spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }] }] } };
    for (const seqIndent of [0, 2]) {
      const text = renderBlockMap(value, 0, { indent: 2, seqIndent, newline: '\n' });
      assert.deepEqual(toPlain(root(text)), value);
    }
  });

  it('inserts map entries after a pair, at the map column, before trailing comments', () => {
    const text = 'spec:\n  podSelector: {}  # all\n  # rules\n  ingress: []\n';
    const r = root(text);
    const spec = at(r, ['spec']) as YMap;
    const out = apply(text, insertMapEntries(text, spec, { policyTypes: ['Ingress'] }, detectLayout(text, r), spec.pairs[0]));
    assert.equal(out, 'spec:\n  podSelector: {}  # all\n  policyTypes:\n  - Ingress\n  # rules\n  ingress: []\n');
    const flow = 'spec: {podSelector: {}}\n';
    assert.equal(apply(flow, insertMapEntries(flow, at(root(flow), ['spec']) as YMap, { a: 1 }, detectLayout(flow, root(flow)))), 'spec: {podSelector: {}, a: 1}\n');
  });

  it('appends list items in block and flow style, and replaces a pair in place', () => {
    const text = 'l:\n    - a # first\nm: [x]\nk: []\n';
    const r = root(text);
    const layout = detectLayout(text, r);
    assert.equal(apply(text, appendSeqItem(text, at(r, ['l']) as YSeq, 'b', layout)), 'l:\n    - a # first\n    - b\nm: [x]\nk: []\n');
    assert.equal(apply(text, appendSeqItem(text, at(r, ['m']) as YSeq, 'z', layout)), 'l:\n    - a # first\nm: [x, z]\nk: []\n');
    const k = r.pairs[2];
    assert.ok(k);
    assert.equal(apply(text, replacePair(text, k, false, ['Ingress', 'Egress'], layout)), 'l:\n    - a # first\nm: [x]\nk:\n    - Ingress\n    - Egress\n');
  });

  it('merges a list item into the previous one, or declines when the keys would not line up', () => {
    const text = 'from:\n- namespaceSelector: {}\n# comment\n- podSelector: {}\n';
    const seq = at(root(text), ['from']);
    assert.ok(isSeq(seq));
    const out = apply(text, mergeIntoPrevious(text, seq, 1));
    assert.equal(out, 'from:\n- namespaceSelector: {}\n# comment\n  podSelector: {}\n');
    assert.deepEqual(toPlain(root(out)), { from: [{ namespaceSelector: {}, podSelector: {} }] });
    const misaligned = 'from:\n- namespaceSelector: {}\n-   podSelector: {}\n';
    assert.equal(mergeIntoPrevious(misaligned, at(root(misaligned), ['from']) as YSeq, 1), undefined);
    const sameKey = 'from:\n- podSelector: {}\n- podSelector: {}\n';
    assert.equal(mergeIntoPrevious(sameKey, at(root(sameKey), ['from']) as YSeq, 1), undefined);
  });
});
