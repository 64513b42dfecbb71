/**
 * The benchmark's workspaces, generated deterministically from a seed: a platform monorepo
 * (`platform/namespaces/<ns>.yaml` with the namespace, its quota, default-deny and DNS egress;
 * `platform/crds/`; `apps/<team>/<app>/<app>.yaml` with the workload and everything around it,
 * a quarter of the apps keeping their policies in a `networkpolicy.yaml` of their own), and a
 * single rendered bundle of the same documents for the huge size. Names are unique per kind and
 * namespace, so the workspace is one cluster (no alternative bundles). A few mistakes are made on
 * purpose, at the rates a real repository has them, so the rules have something to say.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as m from './manifests';
import { random, type Random } from './prng';
import type { SizeSpec } from './sizes';

export interface Monorepo {
  readonly dir: string;
  readonly files: number;
  readonly documents: number;
  readonly bytes: number;
  /** Server settings for this workspace (the bundle needs a larger file-size cap). */
  readonly settings: Record<string, unknown>;
  /** A file with a Deployment (`replicas: `), opened and edited. */
  readonly editFile: string;
  /** A workload whose only policy is in another file: relabelling it makes that policy select nothing. */
  readonly labelEdit: { readonly workloadFile: string; readonly policyFile: string; readonly label: string };
  /** Files with an ipBlock `cidr: a.b.0.0/16` (restored with unsaved edits in the session figure). */
  readonly restoreFiles: readonly string[];
  /** The huge size's single file. */
  readonly bundleFile: string | undefined;
}

const WORDS = ['checkout', 'catalog', 'billing', 'search', 'ledger', 'profile', 'gateway', 'notify', 'orders', 'pricing', 'reports', 'session', 'media', 'audit', 'ranker', 'inbox'];
const TIERS = ['web', 'api', 'api', 'worker', 'db', 'cache'] as const;
const EDIT_TARGET = 'edit-target';

/** What the generator reads of a size: files (the repository), documents (the single file). */
type Shape = Pick<SizeSpec, 'files' | 'documents' | 'singleFile'>;

interface Output {
  readonly write: (path: string, docs: readonly string[]) => void;
}

const LIGHT: m.Weight = { envMin: 6, envSpread: 8, configLines: 125, sidecar: 0.3, dashboard: 0.03 };
const FULL: m.Weight = { envMin: 12, envSpread: 16, configLines: 165, sidecar: 0.5, dashboard: 0.06 };

function newApp(rnd: Random, i: number, team: string, name?: string): m.App {
  const tier = rnd.pick(TIERS);
  const r = rnd.next();
  const kind = name !== undefined || r < 0.88 ? 'Deployment' : tier === 'db' || r < 0.97 ? 'StatefulSet' : 'DaemonSet';
  return { ns: team, team, name: name ?? `${rnd.pick(WORDS)}-${i}`, tier, kind, port: rnd.pick([8080, 8080, 8443, 3000, 5000, 9000]) };
}

/** Every document of one app, in the order teams write them; the policies separately when split. */
function appDocs(rnd: Random, app: m.App, apps: readonly m.App[], weight: m.Weight, cidr: boolean): { main: string[]; policies: string[] } {
  const main: string[] = [];
  if (rnd.chance(0.7)) main.push(m.serviceAccount(app));
  if (rnd.chance(0.6)) main.push(m.configMap(rnd, app, weight));
  if (rnd.chance(weight.dashboard)) main.push(m.dashboard(rnd, app));
  main.push(m.workload(rnd, app, weight));
  if (rnd.chance(0.9)) main.push(m.service(app));
  if (app.kind === 'Deployment' && rnd.chance(0.4)) main.push(m.hpa(rnd, app));
  if (rnd.chance(0.35)) main.push(m.pdb(app));
  if (rnd.chance(0.3)) main.push(m.serviceMonitor(app));
  // About 1 policy in 100 selects a label nobody has (a rename the policy missed).
  const policies = [m.ingressPolicy(rnd, app, rnd.chance(0.01) ? `${app.name}-v2` : app.name)];
  const sameTeam = apps.filter((a) => a.ns === app.ns && a !== app);
  const to = sameTeam.length > 0 && rnd.chance(0.6) ? rnd.pick(sameTeam) : apps.length > 0 ? rnd.pick(apps) : undefined;
  if (to && (cidr || rnd.chance(0.6))) policies.push(m.egressPolicy(rnd, app, to, cidr ? `10.${rnd.int(250)}.0.0/16` : undefined));
  if (rnd.chance(0.15)) main.push(m.ingress(app));
  if (rnd.chance(0.2)) main.push(m.sealedSecret(rnd, app));
  if (rnd.chance(0.05)) main.push(m.cronJob(rnd, app, weight));
  return { main, policies };
}

function platformNamespaces(out: Output, teams: readonly string[], at: (ns: string) => string): void {
  for (const [ns, team, tier] of [
    ['ingress-nginx', 'platform', 'edge'],
    ['monitoring', 'platform', 'ops'],
  ] as const) {
    out.write(at(ns), [m.namespace(ns, team, tier), m.quota(ns)]);
  }
  for (const [i, ns] of teams.entries()) out.write(at(ns), [m.namespace(ns, ns, i % 3 === 0 ? 'frontend' : 'backend'), m.quota(ns), m.defaultDeny(ns), m.allowDns(ns)]);
}

function writer(dir: string, totals: { files: number; documents: number; bytes: number }): Output {
  return {
    write(path, docs) {
      const text = docs.join('---\n');
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      totals.files++;
      totals.documents += docs.length;
      totals.bytes += Buffer.byteLength(text);
    },
  };
}

/** The repository layout: exactly `spec.files` files. */
function generateRepo(dir: string, spec: Shape, seed: number): Monorepo {
  const rnd = random(seed);
  const totals = { files: 0, documents: 0, bytes: 0 };
  const out = writer(dir, totals);
  const teams = Array.from({ length: Math.max(4, Math.round(spec.files / 25)) }, (_, i) => `team-${String(i).padStart(3, '0')}`);
  platformNamespaces(out, teams, (ns) => `platform/namespaces/${ns}.yaml`);
  const crds = Math.round(spec.files / 125);
  for (let i = 0; i < crds; i++) out.write(`platform/crds/crd-${i}.yaml`, [m.crd(rnd, `team${i}.example.com`, `Widget${i}`)]);

  const apps: m.App[] = [];
  const restoreFiles: string[] = [];
  let editFile = '';
  let labelEdit: Monorepo['labelEdit'] | undefined;
  for (let i = 0; totals.files < spec.files; i++) {
    const team = teams[i % teams.length] as string;
    const isLabelTarget = i === 0;
    const app = newApp(rnd, i, team, isLabelTarget ? EDIT_TARGET : i === 1 ? `${rnd.pick(WORDS)}-edited` : undefined);
    const base = `apps/${team}/${app.name}`;
    const split = isLabelTarget || (totals.files + 2 <= spec.files && rnd.chance(0.25));
    const cidr = !isLabelTarget && rnd.chance(0.3);
    const { main, policies } = appDocs(rnd, app, apps, FULL, cidr);
    apps.push(app);
    if (split) {
      out.write(`${base}/${app.name}.yaml`, main);
      out.write(`${base}/networkpolicy.yaml`, policies);
    } else {
      out.write(`${base}/${app.name}.yaml`, [...main, ...policies]);
    }
    const file = join(dir, base, `${app.name}.yaml`);
    if (isLabelTarget) labelEdit = { workloadFile: file, policyFile: join(dir, base, 'networkpolicy.yaml'), label: app.name };
    else if (i === 1) editFile = file;
    else if (cidr && restoreFiles.length < 30) restoreFiles.push(split ? join(dir, base, 'networkpolicy.yaml') : file);
  }
  if (!labelEdit) throw new Error('the workspace is too small for the label edit');
  return { dir, ...totals, settings: {}, editFile, labelEdit, restoreFiles, bundleFile: undefined };
}

/** One rendered file of `spec.documents` documents (namespaces first, then the apps'). */
function generateBundle(dir: string, spec: Shape, seed: number): Monorepo {
  const rnd = random(seed);
  const docs: string[] = [];
  const teams = Array.from({ length: 40 }, (_, i) => `team-${String(i).padStart(3, '0')}`);
  platformNamespaces({ write: (_path, d) => docs.push(...d) }, teams, (ns) => ns);
  const apps: m.App[] = [];
  for (let i = 0; docs.length < spec.documents; i++) {
    const app = newApp(rnd, i, teams[i % teams.length] as string);
    const { main, policies } = appDocs(rnd, app, apps, LIGHT, rnd.chance(0.3));
    apps.push(app);
    docs.push(...main, ...policies);
  }
  docs.length = spec.documents;
  const totals = { files: 0, documents: 0, bytes: 0 };
  const bundleFile = join(dir, 'rendered', 'platform.yaml');
  writer(dir, totals).write('rendered/platform.yaml', docs);
  const sizeKb = Math.ceil(totals.bytes / 1024) * 2;
  const none = { workloadFile: '', policyFile: '', label: '' };
  return { dir, ...totals, settings: { maxFileSizeKb: sizeKb }, editFile: bundleFile, labelEdit: none, restoreFiles: [], bundleFile };
}

export function generateMonorepo(dir: string, spec: Shape, seed = 42): Monorepo {
  return spec.singleFile ? generateBundle(dir, spec, seed) : generateRepo(dir, spec, seed);
}
