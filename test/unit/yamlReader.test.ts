/**
 * The YAML reader against kubectl: aliases and merge keys expanded as go-yaml expands them, the
 * errors kubectl reports for broken ones, and the reader's own limits (nesting, alias expansion)
 * reported as limits of this tool, at a bounded cost.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeSettings } from '../../shared/src/settings';
import { WorkspaceAnalysis } from '../../server/src/analysis/workspaceAnalysis';
import type { CliIo } from '../../server/src/cli/io';
import { main } from '../../server/src/cli/main';
import { buildFileModel } from '../../server/src/model/fileModel';
import { ManifestSet } from '../../server/src/model/manifestSet';
import { at, getMap, getPair, isMap, isSeq, MAX_TREE_DEPTH, toPlain, type YNode } from '../../server/src/model/yamlTree';
import { codeLenses } from '../../server/src/features/codeLenses';
import { hoverAt } from '../../server/src/features/hover';
import { applyEdits } from '../../server/src/rules/applyEdits';
import { ALL_RULES } from '../../server/src/rules/registry';
import { runRules } from '../../server/src/rules/runRules';
import { parseYamlDocument } from '../../server/src/yaml/parseYamlDocument';

const read = (text: string): { root: YNode | undefined; problems: readonly { code: string; kind: string; message: string; start: number; end: number }[] } =>
  parseYamlDocument(text, 0);

describe('aliases', () => {
  it('an alias is the anchored value, with the offsets of the text written at the anchor', () => {
    const text = 'a: &peers\n- x\n- y\nb: *peers\n';
    const { root, problems } = read(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(toPlain(root), { a: ['x', 'y'], b: ['x', 'y'] });
    const b = at(root, ['b']);
    assert.ok(isSeq(b));
    assert.equal(b, at(root, ['a']), 'the alias shares the anchored node');
    assert.equal(text.slice(b.start, b.end).trim(), '- x\n- y');
  });

  it('an alias as a key, and an anchor redefined later (the nearest one before the alias wins)', () => {
    assert.deepEqual(toPlain(read('k: &k name\n*k : v\n').root), { k: 'name', name: 'v' });
    assert.deepEqual(toPlain(read('a: &x 1\nb: &x 2\nc: *x\n').root), { a: 1, b: 2, c: 2 });
  });

  it('an alias to no anchor, or inside its own anchor, is the error kubectl reports', () => {
    const unknown = read('a: *nope\n');
    assert.deepEqual(
      unknown.problems.map((p) => [p.code, p.kind, p.start, p.end]),
      [['UNKNOWN_ANCHOR', 'syntax', 3, 8]],
    );
    assert.match(unknown.problems[0]?.message ?? '', /Unknown anchor "nope"/);
    const recursive = read('a: &r [x, *r]\n');
    assert.deepEqual(
      recursive.problems.map((p) => p.code),
      ['RECURSIVE_ALIAS'],
    );
  });

  it('an alias bomb is one limit problem, read at the cost of its text', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(97 + i - 1);
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const started = performance.now();
    const { root, problems } = read(lines.join('\n') + '\n');
    assert.ok(performance.now() - started < 500, `took ${Math.round(performance.now() - started)} ms`);
    assert.equal(root, undefined);
    assert.deepEqual(
      problems.map((p) => [p.code, p.kind]),
      [['TOO_MANY_NODES', 'limit']],
    );
    assert.match(problems[0]?.message ?? '', /limit of this tool/);
  });

  it('many aliases cost their number, not their number times the document (found by the fuzz test: 9,000 aliases took 12 s, 27,000 minutes)', () => {
    const lines = ['a: &x [1]', ...Array.from({ length: 1000 }, (_, i) => `k${i}: &y${i % 7} [*x, *x, *x, *x, *x, *x, *x, *x, *x]`)];
    const started = performance.now();
    const { root, problems } = read(lines.join('\n') + '\n');
    assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
    assert.deepEqual(problems, []);
    assert.deepEqual(toPlain(at(root, ['k999'])), Array(9).fill([1]));
  });

  it('keeps aliased documents within the depth bound (an alias of a deep value deeper down)', () => {
    const deep = `${'['.repeat(60)}x${']'.repeat(60)}`;
    const { root, problems } = read(`a: &d ${deep}\nb: ${'['.repeat(60)}*d${']'.repeat(60)}\n`);
    assert.equal(root, undefined);
    assert.deepEqual(
      problems.map((p) => p.code),
      ['TOO_DEEP'],
    );
  });
});

describe('merge keys', () => {
  it('adds the merged pairs; keys written after << win, as in go-yaml', () => {
    const { root, problems } = read('base: &base {a: 1, b: 2}\nm:\n  <<: *base\n  b: 3\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(toPlain(getMap(root, 'm')), { a: 1, b: 3 });
    assert.equal(getMap(root, 'm')?.overridden, undefined, 'overriding a merged key is what merge keys are for');
  });

  it('from a list of maps, the first one wins; an inline map merges too', () => {
    const { root } = read('x: &x {a: 1, c: 1}\ny: &y {a: 2, b: 2}\nm: {<<: [*x, *y]}\nn: {<<: {a: 5}, b: 6}\n');
    assert.deepEqual(toPlain(getMap(root, 'm')), { a: 1, c: 1, b: 2 });
    assert.deepEqual(toPlain(getMap(root, 'n')), { a: 5, b: 6 });
  });

  it('a key written before << is replaced by the merged value (go-yaml applies keys in order), and listed as overridden', () => {
    const { root } = read('base: &base {a: 1}\nm:\n  a: 0\n  <<: *base\n');
    const m = getMap(root, 'm');
    assert.deepEqual(toPlain(m), { a: 1 });
    assert.deepEqual(
      m?.overridden?.map((o) => [o.pair.key.source, toPlain(o.pair.value), toPlain(o.winner.value), o.merged]),
      [['a', 0, 1, true]],
    );
  });

  it('a quoted "<<" is an ordinary key; a merge of a scalar is the error kubectl reports', () => {
    assert.deepEqual(toPlain(read('"<<": {a: 1}\n').root), { '<<': { a: 1 } });
    assert.deepEqual(
      read('a: &s text\nm: {<<: *s}\n').problems.map((p) => [p.code, p.kind]),
      [['BAD_MERGE', 'syntax']],
    );
  });
});

describe('values kubectl sends', () => {
  it('!!binary is the decoded text, never a Buffer as JSON', () => {
    assert.deepEqual(toPlain(read('a: !!binary aGVsbG8=\nb: !!timestamp 2001-12-14\n').root), { a: 'hello', b: '2001-12-14' });
  });
});

describe('nesting', () => {
  for (const [name, text] of [
    ['flow lists', `kind: X\napiVersion: v1\nspec: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['an unclosed flow list', `kind: X\napiVersion: v1\nspec: ${'['.repeat(20000)}\n`],
    ['block lists', `kind: X\napiVersion: v1\nspec:\n${'- '.repeat(5000)}x\n`],
    ['block maps', `kind: X\napiVersion: v1\nspec:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`],
    ['past the tree limit, within what the parser takes', `kind: X\napiVersion: v1\nspec: ${'['.repeat(150)}${']'.repeat(150)}\n`],
  ] as const) {
    it(`${name}: one problem saying it is a limit of this tool, not a stack overflow`, () => {
      const started = performance.now();
      const { root, problems } = read(text);
      assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
      assert.equal(root, undefined);
      assert.deepEqual(
        problems.map((p) => [p.code, p.kind]),
        [['TOO_DEEP', 'limit']],
      );
      const message = problems[0]?.message ?? '';
      assert.match(message, /limit of this tool/);
      assert.doesNotMatch(message, /call stack/i);
      assert.ok((problems[0]?.end ?? 0) - (problems[0]?.start ?? 0) <= 200, 'the range is the line where it happened, not the document');
    });
  }

  it('is reported once per document by document-not-analysed, never as a YAML syntax error', () => {
    const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  podSelector: ${'['.repeat(3000)}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: 12}\n`;
    const file = buildFileModel('file:///deep.yaml', text, 1);
    const manifests = new ManifestSet([file], 1);
    const settings = normalizeSettings({});
    const found = runRules({ file, manifests, settings, analysis: new WorkspaceAnalysis(manifests, settings) }, ALL_RULES);
    assert.deepEqual(
      found.map((f) => f.ruleId),
      ['document-not-analysed'],
    );
    assert.match(found[0]?.message ?? '', /a limit of this tool/);
  });

  it('a policy just within the limit goes through every rule, hover, lens and fix (walks are bounded by the tree depth)', () => {
    const deep = (n: number): string => `${'['.repeat(n)}x${']'.repeat(n)}`;
    const text = [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: deep, namespace: shop, labels: {a: b}}',
      'spec:',
      `  podSelector: {matchLabels: {app: ${deep(MAX_TREE_DEPTH - 5)}}}`,
      '  ingress:',
      `  - from: [{podSelector: {matchExpressions: [{key: k, operator: In, values: ${deep(MAX_TREE_DEPTH - 10)}}]}}]`,
      `    ports: [{port: ${deep(MAX_TREE_DEPTH - 7)}, protocol: tcp}]`,
      `  unknownThing: ${deep(MAX_TREE_DEPTH - 3)}`,
      '',
    ].join('\n');
    const file = buildFileModel('file:///deep.yaml', text, 1);
    assert.deepEqual(file.problems, []);
    const manifests = new ManifestSet([file], 1);
    const settings = normalizeSettings({});
    const analysis = new WorkspaceAnalysis(manifests, settings);
    const errors: string[] = [];
    const found = runRules({ file, manifests, settings, analysis }, ALL_RULES, (rule, error) => errors.push(`${rule.id}: ${String(error)}`));
    assert.deepEqual(errors, []);
    assert.ok(found.some((f) => f.ruleId === 'unknown-field'));
    for (const f of found) for (const fix of f.fixes ?? []) applyEdits(text, fix.edits);
    for (let offset = 0; offset <= text.length; offset += 7) hoverAt(analysis, file, offset);
    codeLenses(analysis, file);
  });

  it('an ordinary manifest is far from the limits', () => {
    const { root, problems } = read('apiVersion: v1\nkind: X\nspec:\n  a:\n    b: [{c: [{d: {e: [1, 2, {f: "x[y"}]}}]}]\n  s: |\n    [[[[[[[[[\n  t: "[[[[[["\n  u: don\'t [[[[\n');
    assert.deepEqual(problems, []);
    assert.ok(isMap(root));
  });
});

describe('aliased policies in the analysis', () => {
  const POLICY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: a, image: x}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: w, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress:
  - from: &webpeers
    - podSelector: {matchLabels: {app: web}}
    ports: [{port: 80}]
  - from: *webpeers
    ports: [{port: 9090, protocol: tcp}]
`;

  it('`from: *webpeers` allows the peers of the anchor, not every source (connectivity listing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-alias-'));
    writeFileSync(join(dir, 'all.yaml'), POLICY.replace('protocol: tcp', 'protocol: TCP'));
    let out = '';
    const io: CliIo = {
      out: (t) => {
        out += t;
        return Promise.resolve();
      },
      err: () => undefined,
      readStdin: () => Promise.resolve(''),
      cwd: dir,
    };
    assert.equal(await main(['connectivity', dir], io), 0);
    const toApi = out.split('\n').filter((l) => l.includes('=> shop/api[Deployment]'));
    assert.deepEqual(toApi, ['shop/web[Deployment] => shop/api[Deployment] : TCP 80,9090']);
  });

  it('findings in a document with aliases carry no fix (an edit there could change every use of the anchor)', () => {
    const file = buildFileModel('file:///a.yaml', POLICY, 1);
    const manifests = new ManifestSet([file], 1);
    const settings = normalizeSettings({});
    const found = runRules({ file, manifests, settings, analysis: new WorkspaceAnalysis(manifests, settings) }, ALL_RULES);
    const protocol = found.find((f) => f.ruleId === 'protocol-invalid');
    assert.ok(protocol, 'protocol-invalid is still reported');
    assert.deepEqual(protocol.fixes, []);
    const plain = buildFileModel('file:///b.yaml', POLICY.replace('&webpeers', '').replace('*webpeers', '[{podSelector: {matchLabels: {app: web}}}]'), 1);
    const plainSet = new ManifestSet([plain], 1);
    const plainFound = runRules({ file: plain, manifests: plainSet, settings, analysis: new WorkspaceAnalysis(plainSet, settings) }, ALL_RULES);
    assert.ok((plainFound.find((f) => f.ruleId === 'protocol-invalid')?.fixes ?? []).length > 0, 'the same finding without aliases has its fix');
    assert.ok(getPair(getMap(file.objects[2]?.node, 'spec'), 'ingress'));
  });
});
