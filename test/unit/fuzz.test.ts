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
import { KEYS, mutate, mutationArb } from '../support/yamlMutations';

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
// Mutations: what typing does to a file (test/support/yamlMutations.ts)

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
