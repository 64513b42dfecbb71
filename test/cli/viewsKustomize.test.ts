/**
 * `dist/cli.js views <folder> --format json` against the real kustomize (issue 13).
 *
 * For every case under test/fixtures/views/<case>/ (a tiny workspace in ws/, the kubectl builds of its
 * kustomization roots next to it as expected-<root>.yaml, see the README there) the kustomize views
 * must hold the objects kubectl builds: same kinds, namespaces, names, labels and pod template labels,
 * compared as multisets. When kubectl is on PATH the roots are also built live and compared; the
 * summary printed at the end says whether that ran.
 *
 * kubectl's output is read with the `yaml` package directly, not through server/src/yaml, so the
 * oracle shares no code with the reader under test.
 *
 * Contract of the command (JSON on stdout): { views: [ { id, kind: 'kustomize' | 'declared' | 'loose',
 * root (folder-relative kustomization dir, '' for loose), partial: string[] (reasons, empty when
 * complete), objects: [ { apiVersion, kind, namespace: string | null, name, labels, podLabels: {..} |
 * null, source: { file (relative to the folder), line (1-based) } } ] } ] }.
 * Normalisation: a namespaced object without a namespace compares equal to one in `default` (kubectl
 * prints none; the analysis may say default); a cluster-scoped object must have none.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
const fixtures = join(__dirname, '..', 'fixtures', 'views');

type Labels = Record<string, string>;
interface ViewObject {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  labels: Labels;
  podLabels: Labels | null;
  source: { file: string; line: number };
}
interface View {
  id: string;
  kind: 'kustomize' | 'declared' | 'loose';
  root: string;
  partial: string[];
  objects: ViewObject[];
}
/** What is compared: the identity and labels of an object after the transforms. */
interface Shape {
  kind: string;
  namespace: string | null;
  name: string;
  labels: Labels;
  podLabels: Labels | null;
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
]);
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);

// ---- the fixture cases -------------------------------------------------------------------------

interface Root {
  root: string;
  partial: boolean;
  expectedFile: string;
}
interface Case {
  name: string;
  ws: string;
  roots: Root[];
}

function cases(): Case[] {
  if (!existsSync(fixtures)) return [];
  return readdirSync(fixtures)
    .filter((n) => existsSync(join(fixtures, n, 'ws')))
    .sort()
    .map((name) => ({
      name,
      ws: join(fixtures, name, 'ws'),
      roots: readdirSync(join(fixtures, name))
        .flatMap((f) => {
          const m = /^expected-(.+?)(\.partial)?\.yaml$/.exec(f);
          return m ? [{ root: m[1]!.replaceAll('__', '/'), partial: m[2] !== undefined, expectedFile: join(fixtures, name, f) }] : [];
        })
        .sort((a, b) => a.root.localeCompare(b.root)),
    }));
}

/**
 * Objects of the workspace in no build and in no kustomization's folder: they form the loose
 * view(s). The unused component's Deployment sits in that component's folder: not deployed by any
 * build, it is in no view (`unused`, only its syntax is judged), never read as a loose cluster.
 */
const LOOSE: Record<string, string[]> = {
  overlays: [],
  components: [],
  partial: [],
};

// ---- reading kubectl's output and the views ----------------------------------------------------

function str(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
function labelsOf(v: unknown): Labels {
  const out: Labels = {};
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = str(x);
  return out;
}

/** A manifest as the yaml package reads it: only the fields compared here are typed. */
interface Manifest {
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; labels?: unknown };
  spec?: { template?: PodTemplate; jobTemplate?: { spec?: { template?: PodTemplate } } };
}
interface PodTemplate {
  metadata?: { labels?: unknown };
}

/** The objects of a kustomize build, as kubectl printed them. */
function shapesOfBuild(text: string): Shape[] {
  return YAML.parseAllDocuments(text)
    .map((d) => d.toJS() as Manifest | null)
    .filter((o): o is Manifest & { kind: string } => !!o && typeof o === 'object' && typeof o.kind === 'string')
    .map((o) => {
      const kind = o.kind;
      const hasTemplate = kind === 'CronJob' || POD_TEMPLATE_KINDS.has(kind);
      const template = kind === 'CronJob' ? o.spec?.jobTemplate?.spec?.template : o.spec?.template;
      return {
        kind,
        namespace: typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : null,
        name: str(o.metadata?.name),
        labels: labelsOf(o.metadata?.labels),
        podLabels: hasTemplate ? labelsOf(template?.metadata?.labels) : null,
      };
    });
}

function shapeOf(o: ViewObject): Shape {
  return { kind: o.kind, namespace: o.namespace ?? null, name: o.name, labels: labelsOf(o.labels), podLabels: o.podLabels ? labelsOf(o.podLabels) : null };
}

function sortedLabels(l: Labels): string {
  return `{${Object.keys(l)
    .sort()
    .map((k) => `${k}=${l[k]}`)
    .join(',')}}`;
}
function ident(s: { kind: string; namespace: string | null; name: string }): string {
  const ns = CLUSTER_SCOPED.has(s.kind) ? (s.namespace ?? '') : (s.namespace ?? 'default');
  return `${s.kind} ${ns ? `${ns}/` : ''}${s.name}`;
}
function line(s: Shape): string {
  return `${ident(s)} labels=${sortedLabels(s.labels)}${s.podLabels ? ` podLabels=${sortedLabels(s.podLabels)}` : ''}`;
}

/** Multiset difference with a diff a person can read; empty when equal. */
function diff(expected: string[], actual: string[], expectedName: string, actualName: string): string {
  const count = new Map<string, number>();
  for (const e of expected) count.set(e, (count.get(e) ?? 0) + 1);
  for (const a of actual) count.set(a, (count.get(a) ?? 0) - 1);
  const missing = [...count].filter(([, n]) => n > 0).flatMap(([k, n]) => Array<string>(n).fill(k)).sort();
  const extra = [...count].filter(([, n]) => n < 0).flatMap(([k, n]) => Array<string>(-n).fill(k)).sort();
  if (missing.length === 0 && extra.length === 0) return '';
  return [
    `  in ${expectedName}, not in ${actualName}:`,
    ...(missing.length ? missing.map((m) => `    - ${m}`) : ['    (none)']),
    `  in ${actualName}, not in ${expectedName}:`,
    ...(extra.length ? extra.map((m) => `    + ${m}`) : ['    (none)']),
    `  (${expectedName}: ${expected.length} objects, ${actualName}: ${actual.length})`,
  ].join('\n');
}

/** The views of a workspace, run once per workspace (a failure too is remembered and rethrown). */
const viewsCache = new Map<string, View[] | Error>();
function views(ws: string): View[] {
  let got = viewsCache.get(ws);
  if (!got) {
    got = runViews(ws);
    viewsCache.set(ws, got);
  }
  if (got instanceof Error) throw got;
  return got;
}
/** The files `views` reports as in a kustomization's folder but used by no build. */
function unusedOf(ws: string): string[] {
  const r = spawnSync(process.execPath, [cli, 'views', ws, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return ((JSON.parse(r.stdout) as { unused?: string[] }).unused ?? []).slice().sort();
}
function runViews(ws: string): View[] | Error {
  const r = spawnSync(process.execPath, [cli, 'views', ws, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    return new Error(`netpol-lens views ${ws} --format json exited ${String(r.status)}${r.error ? ` (${r.error.message})` : ''}:\n${r.stderr || r.stdout}`);
  }
  try {
    const parsed = JSON.parse(r.stdout) as { views?: unknown };
    if (!Array.isArray(parsed.views)) return new Error(`netpol-lens views printed JSON without a views array:\n${r.stdout.slice(0, 2000)}`);
    return parsed.views as View[];
  } catch {
    return new Error(`netpol-lens views printed no JSON:\n${r.stdout.slice(0, 2000)}`);
  }
}

function kustomizeView(all: View[], root: string): View {
  const found = all.filter((v) => v.kind === 'kustomize' && v.root === root);
  assert.equal(found.length, 1, `one kustomize view with root '${root}'; views: ${all.map((v) => `${v.kind}:${v.root}`).join(', ')}`);
  return found[0]!;
}

// ---- kubectl, when there is one ------------------------------------------------------------------

const kubectl = (() => {
  const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return { version: /Kustomize Version: (\S+)/.exec(r.stdout)?.[1] ?? 'unknown' };
})();
const live = { ran: 0, skipped: 0 };

function kubectlBuild(dir: string): string {
  const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `kubectl kustomize ${dir} failed:\n${r.stderr}`);
  return r.stdout;
}

// ---- the tests ------------------------------------------------------------------------------------

const all = cases();

describe('netpol-lens views agrees with kustomize', () => {
  it('has fixture cases to compare', () => {
    assert.ok(all.length >= 4, `cases under ${fixtures}: ${all.map((c) => c.name).join(', ')}`);
  });

  for (const c of all) {
    describe(c.name, () => {
      it('makes one kustomize view per root, and none for bases, patches or components', () => {
        const roots = views(c.ws)
          .filter((v) => v.kind === 'kustomize')
          .map((v) => v.root)
          .sort();
        assert.deepEqual(roots, c.roots.map((r) => r.root));
      });

      for (const r of c.roots) {
        it(`${r.root}: same objects as kubectl kustomize (committed ${r.partial ? 'partial ' : ''}build)`, () => {
          const view = kustomizeView(views(c.ws), r.root);
          const expected = shapesOfBuild(readFileSync(r.expectedFile, 'utf8')).map(line);
          const actual = view.objects.map((o) => line(shapeOf(o)));
          const d = diff(expected, actual, `kubectl (${r.expectedFile.slice(fixtures.length + 1)})`, `view ${r.root}`);
          assert.ok(d === '', `view ${r.root} differs from kubectl kustomize:\n${d}`);
        });

        if (r.partial) {
          it(`${r.root}: is partial, naming the remote resource and the helm chart`, () => {
            const view = kustomizeView(views(c.ws), r.root);
            assert.ok(view.partial.length > 0, `view ${r.root} should be partial`);
            const reasons = view.partial.join('\n');
            assert.match(reasons, /remote|https:\/\/|github\.com/i, `a reason names the remote resource: ${reasons}`);
            assert.match(reasons, /helm/i, `a reason names the helm chart: ${reasons}`);
          });
        } else {
          it(`${r.root}: is complete`, () => {
            assert.deepEqual(kustomizeView(views(c.ws), r.root).partial, []);
          });

          it(`${r.root}: same objects as a live kubectl kustomize`, (t) => {
            if (!kubectl) {
              live.skipped++;
              t.skip('kubectl not on PATH');
              return;
            }
            const built = shapesOfBuild(kubectlBuild(join(c.ws, r.root))).map(line);
            live.ran++;
            const committed = shapesOfBuild(readFileSync(r.expectedFile, 'utf8')).map(line);
            const drift = diff(built, committed, `live kubectl (kustomize ${kubectl.version})`, 'the committed build');
            assert.ok(drift === '', `the committed build is stale; run node test/fixtures/views/regenerate.mjs\n${drift}`);
            const view = kustomizeView(views(c.ws), r.root);
            const d = diff(built, view.objects.map((o) => line(shapeOf(o))), `live kubectl (kustomize ${kubectl.version})`, `view ${r.root}`);
            assert.ok(d === '', `view ${r.root} differs from a live kubectl kustomize:\n${d}`);
            t.diagnostic(`compared with live kubectl kustomize ${kubectl.version}`);
          });
        }
      }

      it('places every object on a file and line of the workspace, in a document of its kind', () => {
        const problems: string[] = [];
        for (const v of views(c.ws)) {
          for (const o of v.objects) {
            const where = `${v.kind}:${v.root} ${ident(o)} at ${o.source?.file}:${o.source?.line}`;
            const file = join(c.ws, o.source?.file ?? '');
            if (!o.source?.file || !existsSync(file) || !statSync(file).isFile()) {
              problems.push(`${where}: no such file`);
              continue;
            }
            const lines = readFileSync(file, 'utf8').split('\n');
            if (!Number.isInteger(o.source.line) || o.source.line < 1 || o.source.line > lines.length) {
              problems.push(`${where}: line out of range 1..${lines.length}`);
              continue;
            }
            let start = o.source.line - 1;
            if (/^---/.test(lines[start] ?? '')) start++;
            let from = start;
            while (from > 0 && !/^---/.test(lines[from - 1] ?? '')) from--;
            let to = start;
            while (to < lines.length && !/^---/.test(lines[to] ?? '')) to++;
            const doc = lines.slice(from, to);
            if (!doc.some((l) => l.trim() === `kind: ${o.kind}`)) problems.push(`${where}: the document there is not a ${o.kind}`);
          }
        }
        assert.deepEqual(problems, []);
      });

      it('never puts two objects of the same kind, namespace and name in one view', () => {
        const problems: string[] = [];
        for (const v of views(c.ws)) {
          const seen = new Set<string>();
          for (const o of v.objects) {
            const id = ident(o);
            if (seen.has(id)) problems.push(`${v.kind}:${v.root} holds ${id} twice`);
            seen.add(id);
          }
        }
        assert.deepEqual(problems, []);
      });

      if (c.name in LOOSE) {
        it('leaves only files no kustomization uses to the loose view', () => {
          const loose = views(c.ws)
            .filter((v) => v.kind === 'loose')
            .flatMap((v) => v.objects.map((o) => ident(o)))
            .sort();
          assert.deepEqual(loose, LOOSE[c.name]);
          if (c.name === 'components') assert.deepEqual(unusedOf(c.ws), ['components/debug/debug.yaml']);
        });
      }
    });
  }

  describe('alternatives (bundles outside kustomize)', () => {
    const ws = join(fixtures, 'alternatives', 'ws');
    const files = ['install.yaml', 'ha/install.yaml', 'monitoring/allow-scrape.yaml'];

    it('keeps the two install files in different views, and every object in some view', () => {
      const all = views(ws);
      assert.deepEqual(all.filter((v) => v.kind === 'kustomize'), [], 'no kustomization here');
      const problems: string[] = [];
      for (const f of files) {
        for (const s of shapesOfBuild(readFileSync(join(ws, f), 'utf8'))) {
          const holders = all.filter((v) => v.objects.some((o) => o.source?.file === f && ident(o) === ident(s)));
          if (holders.length === 0) problems.push(`${f}: ${ident(s)} is in no view`);
        }
      }
      const both = all.filter((v) => v.objects.some((o) => o.source?.file === 'install.yaml') && v.objects.some((o) => o.source?.file === 'ha/install.yaml'));
      if (both.length > 0) problems.push(`views holding both install files: ${both.map((v) => v.id).join(', ')}`);
      assert.deepEqual(problems, []);
    });
  });
});

after(() => {
  const line = kubectl
    ? `views vs live kubectl kustomize ${kubectl.version}: RAN on ${live.ran} root(s)`
    : `views vs live kubectl kustomize: NOT RUN (kubectl not on PATH, ${live.skipped} root(s) skipped); compared with the committed builds only`;
  console.log(`# ${line}`);
});
