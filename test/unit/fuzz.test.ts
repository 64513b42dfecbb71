/**
 * Fuzzing the promise "bad input gets a clear message or silence, never a crash, a hang or a false
 * squiggle". The real fixtures (rule fixtures, fix fixtures, workspaces, the e2e workspace) are
 * mutated the way a person typing does — truncated mid-word, lines deleted, duplicated, swapped
 * or re-indented, a value replaced by another type, tabs, CRLF, a BOM, a stray `---` or `- ` —
 * and every mutated workspace goes through what the server does with it: file models (fresh and
 * reusing the previous model's parse), the workspace analysis, every rule, every offered fix,
 * hovers at many offsets, CodeLenses, "allow DNS egress", the connectivity matrix and explain.
 * Nothing may throw or take seconds; finding, hover, lens and edit ranges must lie in the file; a
 * fix's edits must not overlap; a model reusing the previous parse equals a fresh one; a templated
 * document (template syntax where structure stands, or in a name, label or port) gets no finding. Files that are not Kubernetes objects (a workflow, a compose file)
 * must stay calm: no finding at all, however they are mangled. And changes that mean nothing (CRLF, a BOM,
 * a leading `---`, a trailing comment) change no finding of the unmutated fixtures.
 *
 * Minimal cases of what it found are in fuzzRegressions.test.ts.
 *
 * Deterministic: a fixed seed and a bounded number of runs (a failure prints the seed and path
 * to replay it with `fc.assert(…, { seed, path })`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeSettings, type NetpolLensSettings } from '../../shared/src/settings';
import { WorkspaceAnalysis } from '../../server/src/analysis/workspaceAnalysis';
import { allowDnsEgressEdit } from '../../server/src/features/allowDnsEgress';
import { codeLenses } from '../../server/src/features/codeLenses';
import { connectivityMatrixData, workloadsData } from '../../server/src/features/connectivityMatrixData';
import { explainTraffic } from '../../server/src/features/explainTraffic';
import { hoverAt } from '../../server/src/features/hover';
import { locate } from '../../server/src/features/locate';
import { toLocation } from '../../server/src/features/locations';
import { buildFileModel, type FileModel } from '../../server/src/model/fileModel';
import { ManifestSet } from '../../server/src/model/manifestSet';
import { toPlain, type YNode } from '../../server/src/model/yamlTree';
import { applyEdits } from '../../server/src/rules/applyEdits';
import { ALL_RULES } from '../../server/src/rules/registry';
import { runRules, type ResolvedFinding } from '../../server/src/rules/runRules';
import type { TextEditData } from '../../server/src/rules/types';
import { fileUri, kustomizePatchUris } from '../../server/src/workspace/loadFolder';
import { MAX_MESSAGE_LENGTH } from '../../server/src/text/displayText';
import { parseAnnotations } from '../support/annotations';

// FUZZ_SEED / FUZZ_RUNS explore further (say FUZZ_RUNS=5000) without changing what `npm test` runs.
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const SCALE = Number(process.env.FUZZ_RUNS ?? 0) / 200 || 1;
const repo = join(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// Corpus

interface SourceFile {
  readonly uri: string;
  readonly text: string;
}

interface Unit {
  readonly name: string;
  readonly files: readonly SourceFile[];
  readonly settings: NetpolLensSettings;
}

const isManifest = (name: string): boolean =>
  /\.(ya?ml|json)$/.test(name) && name !== 'settings.json' && name !== 'after.yaml' && !name.endsWith('.settings.json') && name !== 'fix.json';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : isManifest(e.name) ? [join(dir, e.name)] : []))
    .sort();
}

function readSource(path: string): SourceFile {
  return { uri: fileUri(path), text: parseAnnotations(readFileSync(path, 'utf8')).text };
}

function settingsAt(path: string): NetpolLensSettings {
  return normalizeSettings(existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {});
}

/** Each case of a fixture folder (`<rule>/<case>.yaml` or `<rule>/<case>/`) as one workspace. */
function unitsUnder(root: string): Unit[] {
  if (!existsSync(root)) return [];
  const out: Unit[] = [];
  const visit = (dir: string, depth: number): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (depth === 0) visit(p, 1);
        else out.push({ name: p.slice(repo.length + 1), files: listFiles(p).map(readSource), settings: settingsAt(join(p, 'settings.json')) });
      } else if (isManifest(name)) {
        out.push({ name: p.slice(repo.length + 1), files: [readSource(p)], settings: settingsAt(p.replace(/\.(ya?ml|json)$/, '.settings.json')) });
      }
    }
  };
  visit(root, 0);
  return out.filter((u) => u.files.length > 0);
}

function workspaceUnits(root: string): Unit[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .sort()
    .map((name) => join(root, name))
    .map((p) =>
      statSync(p).isDirectory()
        ? { name: p.slice(repo.length + 1), files: listFiles(p).map(readSource), settings: settingsAt(join(p, 'settings.json')) }
        : { name: p.slice(repo.length + 1), files: [readSource(p)], settings: settingsAt(p.replace(/\.(ya?ml|json)$/, '.settings.json')) },
    )
    .filter((u) => u.files.length > 0);
}

const fixtures = join(repo, 'test', 'fixtures');
const e2eWorkspace = join(repo, 'test', 'e2e', 'workspace');
const UNITS: readonly Unit[] = [
  ...unitsUnder(join(fixtures, 'rules')),
  ...unitsUnder(join(fixtures, 'fixes')),
  ...workspaceUnits(join(fixtures, 'workspaces')),
  ...workspaceUnits(join(fixtures, 'features')),
  ...(existsSync(e2eWorkspace) ? [{ name: 'test/e2e/workspace', files: listFiles(e2eWorkspace).map(readSource), settings: settingsAt('') }] : []),
];

/** Files that are not Kubernetes objects: whatever is done to them, they get no finding. */
const CALM: readonly SourceFile[] = [
  readSource(join(fixtures, 'lsp', 'basic', 'workflow.yml')),
  readSource(join(fixtures, 'lsp', 'basic', 'compose.yaml')),
  {
    uri: 'file:///calm/.github/workflows/ci.yml',
    text: `name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [20, 22]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: \${{ matrix.node }}
      - run: npm ci
      - name: Test
        run: |
          npm test
        env:
          CI: true
`,
  },
  {
    uri: 'file:///calm/docker-compose.yml',
    text: `version: "3.9"
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
    ports:
      - "5432:5432"
    volumes:
      - db:/var/lib/postgresql/data
  web:
    build: .
    depends_on: [db]
    ports: ["8080:80"]
    networks:
      - front
networks:
  front: {}
volumes:
  db:
`,
  },
  {
    uri: 'file:///calm/.gitlab-ci.yml',
    text: `stages: [build, test]
variables:
  GIT_DEPTH: 10
build:
  stage: build
  script:
    - make
  artifacts:
    paths: [out/]
test:
  stage: test
  needs: [build]
  script: ["make test"]
  rules:
    - if: $CI_COMMIT_BRANCH == "main"
`,
  },
  {
    uri: 'file:///calm/playbook.yaml',
    text: `- hosts: all
  become: true
  tasks:
    - name: install
      apt:
        name: nginx
        state: present
    - name: ports
      ufw: {rule: allow, port: "80"}
`,
  },
  {
    uri: 'file:///calm/openapi.yaml',
    text: `openapi: 3.0.0
info:
  title: API
  version: 1.0.0
paths:
  /pods:
    get:
      parameters:
        - name: namespace
          in: query
          schema: {type: string}
      responses:
        "200":
          description: ok
`,
  },
  { uri: 'file:///calm/tsconfig.json', text: '{\n  "compilerOptions": {\n    "strict": true,\n    "target": "ES2022"\n  },\n  "include": ["src"]\n}\n' },
];

// ---------------------------------------------------------------------------------------------
// Mutations: what typing does to a file

const SCALARS = [
  '42',
  '-1',
  '0',
  '65536',
  '1.5',
  '1e400',
  '0x1F',
  'true',
  'false',
  'null',
  '~',
  '',
  '[]',
  '{}',
  '[a, 1, {b: c}]',
  '{a: 1, b: [x]}',
  '- x',
  "'{{ x }}'",
  '{{ .Values.x }}',
  '"unterminated',
  "'also",
  '|',
  '>-',
  '*anchor',
  '&anchor value',
  '*a',
  '&a x',
  '[*a, *a]',
  '{<<: *a, from: []}',
  '"tier\u200b"',
  '!!binary aGVsbG8=',
  '!custom x',
  '? complex',
  '10.0.0.0/8',
  '::/0',
  '2001:db8::/129',
  'TCP',
  'http',
  'kube-system',
  'a'.repeat(5000),
  'x '.repeat(3000) + 'y',
  'a' + ' '.repeat(20000) + 'b',
  '\u00e9\u00e8\u4e2d\u6587 \u{1F600}',
  '\u202e\u200b\u0301',
  '\ud800',
  '"\\u0000"',
  '\t',
  '#',
  ': :',
  '{',
  '[',
];

const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'annotations',
  'spec',
  'podSelector',
  'namespaceSelector',
  'matchLabels',
  'matchExpressions',
  'key',
  'operator',
  'values',
  'policyTypes',
  'ingress',
  'egress',
  'from',
  'to',
  'ports',
  'port',
  'endPort',
  'protocol',
  'ipBlock',
  'cidr',
  'except',
  'items',
  'template',
  'containers',
  'containerPort',
  'selector',
  'targetPort',
  'unknownThing',
  '"quoted key"',
  '? ',
  '<<',
  '- name',
];

const INSERTS = ['\t', '\r\n', '\r', '\n', '\uFEFF', '\n---\n', '---', '...', '- ', ':', ': ', '#', ' ', '  ', '{', '}', '[', ']', ',', '"', "'", '&a ', '*a', '!', '|', '>', '%YAML 1.2\n', '? ', '\u0000', '{{', 'x'];

type Mutation =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'deleteLine'; readonly line: number }
  | { readonly op: 'duplicateLine'; readonly line: number }
  | { readonly op: 'swapLines'; readonly a: number; readonly b: number }
  | { readonly op: 'indent'; readonly line: number; readonly delta: number }
  | { readonly op: 'replaceValue'; readonly line: number; readonly value: string }
  | { readonly op: 'replaceKey'; readonly line: number; readonly key: string }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'insertLine'; readonly line: number; readonly text: string }
  | { readonly op: 'tabs'; readonly line: number }
  | { readonly op: 'crlf' }
  | { readonly op: 'bom' }
  // What a YAML power user writes, and what a hostile file holds.
  | { readonly op: 'alias'; readonly from: number; readonly to: number }
  | { readonly op: 'merge'; readonly line: number; readonly inline: boolean }
  | { readonly op: 'nest'; readonly line: number; readonly depth: number; readonly flow: boolean }
  | { readonly op: 'bomb'; readonly line: number }
  | { readonly op: 'grow'; readonly line: number; readonly times: number };

const mutationArb = (keys: readonly string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), line: fc.nat(), delta: fc.integer({ min: -6, max: 6 }) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('replaceValue' as const), line: fc.nat(), value: fc.constantFrom(...SCALARS) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('replaceKey' as const), line: fc.nat(), key: fc.constantFrom(...keys) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('insertLine' as const),
        line: fc.nat(),
        text: fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom(...keys), fc.constantFrom(...SCALARS)).map(([n, k, v]) => `${' '.repeat(n)}${k}: ${v}`),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('tabs' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('alias' as const), from: fc.nat(), to: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), line: fc.nat(), inline: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), line: fc.nat(), depth: fc.constantFrom(20, 98, 99, 100, 101, 150, 301, 3000), flow: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('bomb' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('grow' as const), line: fc.nat(), times: fc.constantFrom(50, 500, 3000) }) },
  );

/** The `key: value` lines (or `- value` items) of a text: [line index, prefix up to the value, value]. */
function valueLines(lines: readonly string[]): [number, string, string][] {
  const out: [number, string, string][] = [];
  lines.forEach((line, i) => {
    const m = /^(\s*(?:- )?[^\s:#'"-][^:#]*:)([ \t]*)(.*?)(\r?)$/.exec(line);
    if (m) out.push([i, `${m[1] ?? ''}${m[2] === '' ? ' ' : (m[2] ?? ' ')}`, m[3] ?? '']);
  });
  return out;
}

/** 9 strings, then each level 9 aliases of the one before: 9^levels values once expanded. */
function aliasBomb(indent: string, levels: number): string[] {
  const lines = [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i <= levels; i++) lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return lines;
}

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const li = (n: number): number => n % Math.max(1, lines.length);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'deleteLine':
      lines.splice(li(m.line), 1);
      return lines.join('\n');
    case 'duplicateLine': {
      const i = li(m.line);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'swapLines': {
      const a = li(m.a);
      const b = li(m.b);
      const la = lines[a] ?? '';
      lines[a] = lines[b] ?? '';
      lines[b] = la;
      return lines.join('\n');
    }
    case 'indent': {
      const i = li(m.line);
      const line = lines[i] ?? '';
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + line : line.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      return lines.join('\n');
    }
    case 'replaceValue': {
      // The value of the nearest `key: value` or `- value` line at or after the chosen one.
      for (let k = 0; k < lines.length; k++) {
        const i = li(m.line + k);
        const match = /^(\s*(?:- )?(?:[^\s:#][^:#]*:[ \t]+|- ))(.+?)(\r?)$/.exec(lines[i] ?? '');
        if (match) {
          lines[i] = `${match[1] ?? ''}${m.value}${match[3] ?? ''}`;
          return lines.join('\n');
        }
      }
      return text;
    }
    case 'replaceKey': {
      for (let k = 0; k < lines.length; k++) {
        const i = li(m.line + k);
        const match = /^(\s*(?:- )?)([^\s:#'"-][^:#]*)(:.*)$/.exec(lines[i] ?? '');
        if (match) {
          lines[i] = `${match[1] ?? ''}${m.key}${match[3] ?? ''}`;
          return lines.join('\n');
        }
      }
      return text;
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'insertLine':
      lines.splice(m.line % (lines.length + 1), 0, m.text);
      return lines.join('\n');
    case 'tabs': {
      const i = li(m.line);
      lines[i] = (lines[i] ?? '').replace(/^( +)/, (ws) => '\t'.repeat(Math.max(1, ws.length >> 1)));
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return text.startsWith('\uFEFF') ? text : '\uFEFF' + text;
    case 'alias': {
      // An anchor on one value, an alias of it as a later value (or an earlier one: an unknown anchor).
      // Mostly anchor before alias, as people write them; an alias over block content is left out.
      const values = valueLines(lines);
      const a = values[m.from % Math.max(1, values.length)];
      const targets = values.filter((v) => v[2] !== '' && (m.to % 5 === 0 || v[0] > (a?.[0] ?? 0)));
      const b = targets[m.to % Math.max(1, targets.length)];
      if (!a || !b || a[0] === b[0]) return text;
      lines[a[0]] = `${a[1]}&a ${a[2]}`;
      lines[b[0]] = `${b[1]}*a`;
      return lines.join('\n');
    }
    case 'merge': {
      // A merge key at the indentation of a line's key: of the anchor above, or of an inline map.
      const i = li(m.line);
      const indent = /^(\s*)(?:- )?/.exec(lines[i] ?? '')?.[0].replace('-', ' ') ?? '';
      lines.splice(i + 1, 0, `${indent}<<: ${m.inline ? '{podSelector: {matchLabels: {app: web}}, ports: [{port: 80}], from: []}' : '*a'}`);
      return lines.join('\n');
    }
    case 'nest': {
      const values = valueLines(lines);
      const v = values[m.line % Math.max(1, values.length)];
      if (!v) return text;
      if (m.flow) lines[v[0]] = `${v[1]}${'['.repeat(m.depth)}x${']'.repeat(m.depth)}`;
      else {
        const indent = /^\s*/.exec(lines[v[0]] ?? '')?.[0] ?? '';
        lines[v[0]] = `${v[1]}`.replace(/[ \t]+$/, '');
        lines.splice(v[0] + 1, 0, `${indent}  ${'- '.repeat(m.depth)}x`);
      }
      return lines.join('\n');
    }
    case 'bomb': {
      const i = li(m.line);
      const indent = /^\s*/.exec(lines[i] ?? '')?.[0] ?? '';
      lines.splice(i + 1, 0, ...aliasBomb(indent, 7));
      return lines.join('\n');
    }
    case 'grow': {
      // An oversized document: one line written many times (a key repeated, or a list grown).
      const i = li(m.line);
      lines.splice(i, 0, ...Array<string>(m.times).fill(lines[i] ?? ''));
      return lines.join('\n');
    }
  }
}

/** The file as JSON (a List when it holds several documents), to fuzz the JSON path too. */
function asJson(file: SourceFile): SourceFile {
  const model = buildFileModel(file.uri, file.text, 1);
  const docs = model.documents.map((d) => toPlain(d.root)).filter((x) => x !== undefined);
  const value = docs.length === 1 ? docs[0] : { apiVersion: 'v1', kind: 'List', items: docs };
  return { uri: file.uri.replace(/\.ya?ml$/, '') + '.json', text: JSON.stringify(value, null, 2) + '\n' };
}

// ---------------------------------------------------------------------------------------------
// Checks

interface Workspace {
  readonly models: readonly FileModel[];
  readonly manifests: ManifestSet;
  readonly analysis: WorkspaceAnalysis;
  readonly settings: NetpolLensSettings;
}

function buildWorkspace(files: readonly SourceFile[], settings: NetpolLensSettings, version = 1): Workspace {
  // The size cap the server applies to every file (the overlay lowers it now and then).
  const models = files.map((f) => buildFileModel(f.uri, f.text, version, { maxBytes: settings.maxFileSizeKb * 1024 }));
  const manifests = new ManifestSet(models, version, kustomizePatchUris(models));
  return { models, manifests, analysis: new WorkspaceAnalysis(manifests, settings), settings };
}

function findings(ws: Workspace, file: FileModel): ResolvedFinding[] {
  const errors: string[] = [];
  const out = runRules({ file, manifests: ws.manifests, settings: ws.settings, analysis: ws.analysis }, ALL_RULES, (rule, error) => {
    errors.push(`rule ${rule.id} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  });
  assert.deepEqual(errors, [], `in ${file.uri}`);
  return out;
}

function assertSpan(what: string, start: number, end: number, length: number): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets ${start}-${end} are not integers`);
  assert.ok(0 <= start && start <= end && end <= length, `${what}: range ${start}-${end} outside the file (length ${length}) or reversed`);
}

function assertEditsSound(what: string, edits: readonly TextEditData[], length: number): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let lastEnd = -1;
  for (const e of sorted) {
    assertSpan(`${what} edit`, e.start, e.end, length);
    assert.ok(e.start >= lastEnd, `${what}: edits overlap at ${e.start} (previous one ends at ${lastEnd})`);
    lastEnd = Math.max(lastEnd, e.end);
  }
}

/** A model built reusing `previous` equals one built from scratch. */
function assertIncrementalAgrees(previous: FileModel, fresh: FileModel, maxBytes: number): void {
  const reused = buildFileModel(fresh.uri, fresh.text, fresh.version + 1, { previous, maxBytes });
  const shape = (m: FileModel): unknown => ({
    skipped: m.skipped,
    problems: m.problems,
    documents: m.documents.map((d) => ({ index: d.index, start: d.start, end: d.end, root: d.root, problems: d.problems, isKubernetes: d.isKubernetes, templated: d.templated, expanded: d.expanded })),
    objects: m.objects,
  });
  assert.deepEqual(shape(reused), shape(fresh), `${fresh.uri}: the model reusing the previous parse differs from a fresh one`);
}

/**
 * Offsets to hover at: line starts, indents, the value after each `key: `, either side of each
 * `- `, and the file's ends; thinned to at most `max` spread over the file.
 */
function probeOffsets(text: string, max: number): number[] {
  const candidates = new Set<number>([0, text.length]);
  const line = /^([ \t]*)(- )?([^\n:]*:[ \t]*)?/gm;
  let m: RegExpExecArray | null;
  while ((m = line.exec(text)) !== null) {
    const start = m.index;
    const indent = (m[1] ?? '').length;
    candidates.add(start);
    candidates.add(start + indent);
    if (m[2]) candidates.add(start + indent + 2);
    if (m[3]) candidates.add(start + m[0].length);
    if (m[0].length === 0) line.lastIndex++;
  }
  const sorted = [...candidates].filter((o) => o <= text.length).sort((a, b) => a - b);
  if (sorted.length <= max) return sorted;
  const step = sorted.length / max;
  return Array.from({ length: max }, (_, i) => sorted[Math.floor(i * step)] as number);
}


/** Everything the server does with a workspace; throws (assert) on any broken promise. */
function exercise(ws: Workspace, options: { readonly hoverProbes: number; readonly fixesRebuilt: number }): ResolvedFinding[][] {
  const all: ResolvedFinding[][] = [];
  let rebuilt = 0;
  for (const file of ws.models) {
    const length = file.text.length;
    for (const p of file.problems) assertSpan(`${file.uri}: problem "${p.message}"`, p.start, p.end, length);
    for (const o of file.objects) assertSpan(`${file.uri}: object ${o.kind}`, o.start, o.end, length);
    const found = findings(ws, file);
    all.push(found);
    for (const f of found) {
      const what = `${file.uri}: ${f.ruleId} "${f.message.slice(0, 300)}"`;
      assertSpan(what, f.start, f.end, length);
      // Messages stay short whatever the input, and never blame the user for this tool's limits.
      assert.ok(f.message.length <= MAX_MESSAGE_LENGTH, `${what}: ${f.message.length} characters`);
      assert.doesNotMatch(f.message, /call stack|Buffer|"type":|\[object /, what);
      // A skipped (oversized) file is silent.
      assert.equal(file.skipped, undefined, `${what}: a finding in a skipped file`);
      // A templated document means something only once rendered: nothing is said about it. (`{{`
      // inside a string of a rendered document is text: such documents are checked.)
      const doc = file.documents.find((d) => d.start <= f.start && f.start < d.end);
      assert.ok(!doc?.templated, `${what}: a finding in a templated document`);
      for (const r of f.related ?? []) {
        const target = ws.manifests.getFile(r.uri);
        assert.ok(target, `${what}: related location in a file not in the workspace (${r.uri})`);
        assertSpan(`${what} related`, r.start, r.end, target.text.length);
      }
      for (const fix of f.fixes ?? []) {
        assertEditsSound(`${what} fix "${fix.title}"`, fix.edits, length);
        const { text, applied } = applyEdits(file.text, fix.edits);
        assert.equal(applied, fix.edits.length, `${what} fix "${fix.title}": edits dropped`);
        const fixed = buildFileModel(file.uri, text, file.version + 1, { previous: file });
        if (rebuilt < options.fixesRebuilt) {
          rebuilt++;
          const manifests = ws.manifests.with(fixed);
          const after: Workspace = { ...ws, manifests, analysis: new WorkspaceAnalysis(manifests, ws.settings) };
          findings(after, fixed);
        }
      }
    }

    for (const lens of codeLenses(ws.analysis, file)) {
      assertSpan(`${file.uri}: lens "${lens.title}"`, lens.start, lens.end, length);
      for (const t of lens.targets) {
        const target = ws.manifests.getFile(t.uri);
        assert.ok(target, `${file.uri}: lens target in a file not in the workspace (${t.uri})`);
        assertSpan(`${file.uri}: lens target`, t.start, t.end, target.text.length);
        toLocation(ws.manifests, t);
      }
    }

    const offsets = probeOffsets(file.text, options.hoverProbes);
    for (const offset of offsets) {
      locate(file, offset);
      const hover = hoverAt(ws.analysis, file, offset);
      if (hover) {
        assertSpan(`${file.uri}: hover at ${offset}`, hover.start, hover.end, length);
        assert.ok(hover.markdown.length > 0, `${file.uri}: empty hover at ${offset}`);
      }
    }
    for (const offset of file.objects.flatMap((o) => [o.start, (o.start + o.end) >> 1])) {
      const dns = allowDnsEgressEdit(file, offset, ws.settings);
      if ('edit' in dns) {
        assertEditsSound(`${file.uri}: allow DNS egress at ${offset}`, [dns.edit], length);
        buildFileModel(file.uri, applyEdits(file.text, [dns.edit]).text, file.version + 1, { previous: file });
      }
    }
  }
  const items = workloadsData(ws.analysis);
  connectivityMatrixData(ws.analysis);
  const [a, b] = items.workloads;
  if (a) {
    explainTraffic(ws.analysis, { source: { workload: a.id }, destination: { workload: (b ?? a).id }, protocol: 'TCP', port: 80 });
    explainTraffic(ws.analysis, { source: { address: '10.1.2.3' }, destination: { workload: a.id } });
    explainTraffic(ws.analysis, { source: { workload: a.id }, destination: { address: 'not-an-address' }, protocol: 'UDP', port: 53 });
  }
  return all;
}

// ---------------------------------------------------------------------------------------------
// Properties

const settingsArb = fc.record({ whole: fc.boolean(), cidrs: fc.boolean(), everyRule: fc.boolean(), noDns: fc.boolean(), smallCap: fc.boolean() });

function withOverlay(base: NetpolLensSettings, o: { whole: boolean; cidrs: boolean; everyRule: boolean; noDns: boolean; smallCap: boolean }): NetpolLensSettings {
  return {
    ...base,
    // A cap a grown file crosses: it is skipped, and stays silent.
    maxFileSizeKb: o.smallCap ? 24 : base.maxFileSizeKb,
    workspaceIsWholeCluster: base.workspaceIsWholeCluster || o.whole,
    clusterCidrs: o.cidrs ? ['10.0.0.0/8', 'fd00::/8'] : base.clusterCidrs,
    assumeClusterDns: o.noDns ? false : base.assumeClusterDns,
    // workload-not-isolated is off by default: turn every rule on now and then.
    rules: o.everyRule ? { ...base.rules, 'workload-not-isolated': 'warning' } : base.rules,
  };
}

const editsArb = fc.array(fc.record({ file: fc.nat(), mutations: fc.array(mutationArb(KEYS), { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 });

const HANG_MS = 5000;

/** How many mutated files showed each hostile shape (the test asserts each was reached). */
const shapes = { aliases: 0, duplicateKeys: 0, tooDeep: 0, aliasBomb: 0, badAlias: 0, oversized: 0 };

function countShapes(m: FileModel): void {
  if (m.skipped === 'too-large') shapes.oversized++;
  for (const d of m.documents) {
    if (d.expanded && d.root) shapes.aliases++;
    if (d.problems.some((p) => p.code === 'TOO_DEEP')) shapes.tooDeep++;
    if (d.problems.some((p) => p.code === 'TOO_MANY_NODES')) shapes.aliasBomb++;
    if (d.problems.some((p) => p.code === 'UNKNOWN_ANCHOR' || p.code === 'BAD_MERGE' || p.code === 'RECURSIVE_ALIAS')) shapes.badAlias++;
    const stack: YNode[] = d.root ? [d.root] : [];
    for (let n = stack.pop(), seen = 0; n !== undefined && seen < 10_000; n = stack.pop(), seen++) {
      if (n.type === 'map') {
        if (n.overridden) shapes.duplicateKeys++;
        for (const p of n.pairs) if (p.value) stack.push(p.value);
      } else if (n.type === 'seq') stack.push(...n.items);
    }
  }
}
const RUNS = Math.round(200 * SCALE);
const CALM_RUNS = Math.round(250 * SCALE);

describe('fuzz: mutated manifests', () => {
  it('the unmutated corpus goes through every check', () => {
    assert.ok(UNITS.length > 50, `only ${UNITS.length} fixture workspaces found`);
    for (const unit of UNITS) {
      const ws = buildWorkspace(unit.files, unit.settings);
      exercise(ws, { hoverProbes: 15, fixesRebuilt: 0 });
      for (const m of ws.models) assertIncrementalAgrees(m, m, unit.settings.maxFileSizeKb * 1024);
    }
  });

  it(`${RUNS} mutated workspaces: no throw, ranges in the file, fixes apply`, () => {
    fc.assert(
      fc.property(fc.nat(UNITS.length - 1), editsArb, settingsArb, fc.boolean(), (which, edits, overlay, json) => {
        const started = performance.now();
        const unit = UNITS[which] as Unit;
        let files = [...unit.files];
        if (json) files[0] = asJson(files[0] as SourceFile);
        const original = buildWorkspace(files, unit.settings);
        files = files.map((f, i) => {
          let text = f.text;
          for (const e of edits) if (e.file % files.length === i) for (const m of e.mutations) text = mutate(text, m);
          return text === f.text ? f : { ...f, text };
        });
        const ws = buildWorkspace(files, withOverlay(unit.settings, overlay), 2);
        for (const m of ws.models) countShapes(m);
        ws.models.forEach((m, i) => assertIncrementalAgrees(original.models[i] as FileModel, m, ws.settings.maxFileSizeKb * 1024));
        exercise(ws, { hoverProbes: 60, fixesRebuilt: 2 });
        // A run takes some 30 ms; seconds mean something went quadratic (a hang while typing).
        assert.ok(performance.now() - started < HANG_MS, `took ${Math.round(performance.now() - started)} ms`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The hostile shapes were reached, not only generated.
    for (const [shape, n] of Object.entries(shapes)) assert.ok(n > 0, `no mutated file had ${shape}`);
    if (process.env.FUZZ_SHAPES) console.log(shapes);
  });

  it('CRLF line ends, a BOM, a leading --- or a trailing comment change no finding (no squiggle appears or goes)', () => {
    const variants: [string, (text: string) => string][] = [
      ['CRLF', (t) => t.replace(/\r?\n/g, '\r\n')],
      ['BOM', (t) => '\uFEFF' + t],
      ['a leading --- and a trailing comment', (t) => (t.startsWith('---') ? '' : '---\n') + t + (t.endsWith('\n') || t === '' ? '' : '\n') + '# the end\n'],
    ];
    const summary = (ws: Workspace): string[] =>
      ws.models.flatMap((m) => findings(ws, m).map((f) => `${basename(m.uri)} ${f.severity} ${f.ruleId}: ${f.message}`)).sort();
    const problems: string[] = [];
    for (const unit of UNITS) {
      if (unit.files.some((f) => /\.json$/.test(f.uri))) continue;
      const expected = summary(buildWorkspace(unit.files, unit.settings));
      for (const [name, change] of variants) {
        const actual = summary(buildWorkspace(unit.files.map((f) => ({ ...f, text: change(f.text) })), unit.settings));
        const gone = expected.filter((x) => !actual.includes(x));
        const added = actual.filter((x) => !expected.includes(x));
        if (gone.length + added.length > 0) problems.push(`${unit.name} with ${name}:${gone.map((g) => `\n  - ${g}`).join('')}${added.map((a) => `\n  + ${a}`).join('')}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it(`${CALM_RUNS} mutated non-Kubernetes files stay calm: no finding, nothing thrown`, () => {
    // No apiVersion/kind keys: those would make a file a Kubernetes object.
    const keys = KEYS.filter((k) => k !== 'apiVersion' && k !== 'kind');
    const noHeader = (text: string): boolean => !/^\uFEFF?[ \t]*"?(apiVersion|kind)"?[ \t]*:/m.test(text);
    fc.assert(
      fc.property(fc.nat(CALM.length - 1), fc.array(mutationArb(keys), { minLength: 1, maxLength: 5 }), settingsArb, (which, mutations, overlay) => {
        const file = CALM[which] as SourceFile;
        const text = mutations.reduce(mutate, file.text);
        fc.pre(noHeader(text));
        const ws = buildWorkspace([{ ...file, text }], withOverlay(normalizeSettings({}), overlay));
        const [found = []] = exercise(ws, { hoverProbes: 30, fixesRebuilt: 1 });
        // Silence, not just no error: a file that is not a manifest gets no diagnostic at all.
        assert.deepEqual(
          found.map((f) => `${f.ruleId}: ${f.message}`),
          [],
          `${basename(file.uri)} is not a Kubernetes object:\n${text}`,
        );
      }),
      { seed: SEED, numRuns: CALM_RUNS },
    );
  });
});
