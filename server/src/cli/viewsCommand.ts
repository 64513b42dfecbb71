/**
 * `netpol-lens views [paths…]`: the cluster views the tool reads a folder as — each kustomize
 * build, declared view and loose group, and its objects after the transforms — so users can see
 * what the tool thinks, and tests can compare the reader with the real kustomize.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { normalizeSettings, type NetpolLensSettings } from '../../../shared/src/settings';
import type { K8sObject } from '../model/k8sObject';
import { getMap, toStringMap } from '../model/yamlTree';
import { FindingsService } from '../service/findingsService';
import type { ClusterView } from '../views/clusterViews';
import { familyRole } from '../views/namespaceFamilies';
import { loadFolder, uriToPath } from '../workspace/loadFolder';
import { UsageError, type CliIo } from './io';
import { parseArgs } from './parseArgs';
import { readConfigOption } from './configOption';

export const VIEWS_HELP = `Usage: netpol-lens views [options] [paths…]

Prints the cluster views the manifests under the paths (default: .) are read as: each kustomize
build (a kustomization no other includes), each view declared in the "clusters" setting, and the
loose files (split where files define the same object: alternative bundles). Rules and the
connectivity analysis work inside one view, never across two. Each object is listed as the view
applies it (namespace, name and labels after kustomize's transforms) with the file and line it
was written at. Where loose files without a namespace lie in unrelated families of folders, each
family is also read apart (a finding there must hold both ways): the families are listed last.

Options:
  --format text|json         output format (default text)
  --config FILE              settings file (as for check); its "clusters" declares views
  --default-namespace NAME   namespace of objects without one (default "default")
Exit codes: 0 listed, 2 usage error.
`;

export interface ViewObjectJson {
  readonly apiVersion: string | null;
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly labels: Record<string, string>;
  /** The labels of the pods a workload makes; null for objects that make none. */
  readonly podLabels: Record<string, string> | null;
  readonly source: { readonly file: string; readonly line: number };
}

/** A family view: a family of folders whose namespace-less objects are also read apart. */
export interface FamilyJson {
  readonly id: string;
  readonly name: string;
  /** The family's files holding namespace-less objects (the view also reads the shared files). */
  readonly files: readonly string[];
}

export interface ViewJson {
  readonly id: string;
  readonly kind: ClusterView['kind'];
  readonly name: string;
  readonly root: string;
  readonly partial: readonly string[];
  readonly objects: readonly ViewObjectJson[];
}

function settingsFrom(values: Map<string, string[]>, cwd: string): NetpolLensSettings {
  const raw = readConfigOption(values, cwd);
  const ns = values.get('default-namespace')?.[0];
  if (ns !== undefined) raw.defaultNamespace = ns;
  return normalizeSettings(raw);
}

/** The views of loaded folders as plain data; paths relative to `base`. */
export function describeViews(paths: readonly string[], settings: NetpolLensSettings, base: string): { views: ViewJson[]; unused: string[]; families: FamilyJson[] } {
  const { manifests } = loadFolder(paths, settings);
  const service = new FindingsService();
  const rel = (p: string): string => relative(base, p).split('\\').join('/');
  const all = service.views(manifests, settings);
  const unused = [...all.unused].map((u) => rel(uriToPath(u))).sort();
  const views = all.views.map((view): ViewJson => {
    const analysis = service.analysisOfView(view, settings);
    const objects: ViewObjectJson[] = [];
    const files = [...view.manifests.files()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
    for (const file of files) {
      if (file.skipped) continue;
      for (const obj of file.objects) {
        const workload = analysis.workloadOf(obj);
        objects.push({
          apiVersion: obj.apiVersion ?? null,
          kind: obj.kind,
          namespace: obj.namespace ?? null,
          name: obj.name ?? null,
          labels: labelsOf(obj),
          podLabels: workload ? { ...workload.workload.labels } : null,
          source: { file: rel(uriToPath(file.uri)), line: file.lineIndex.positionAt(obj.start).line + 1 },
        });
      }
    }
    return { id: view.id, kind: view.kind, name: view.name, root: view.rootPath === '' ? '' : rel(view.rootPath), partial: view.partial, objects };
  });
  const families = all.families.views.map((view): FamilyJson => {
    const own = [...view.manifests.files()].filter((f) => familyRole(f) === 'own');
    return { id: view.id, name: view.name, files: own.map((f) => rel(uriToPath(f.uri))).sort() };
  });
  return { views, unused, families };
}

function labelsOf(obj: K8sObject): Record<string, string> {
  return toStringMap(getMap(getMap(obj.node, 'metadata'), 'labels'));
}

function textOf(views: readonly ViewJson[], unused: readonly string[], families: readonly FamilyJson[]): string {
  const lines: string[] = [];
  for (const v of views) {
    const where = v.kind === 'kustomize' ? `kustomize build of ${v.root || '.'}` : v.kind === 'declared' ? `declared view ${v.name}` : `loose files${v.name === 'loose files' ? '' : `: ${v.name}`}`;
    lines.push(`${where} (${v.objects.length} object${v.objects.length === 1 ? '' : 's'})`);
    for (const reason of v.partial) lines.push(`  partial: ${reason}`);
    for (const o of v.objects) {
      const id = `${o.namespace ? `${o.namespace}/` : ''}${o.name ?? '(unnamed)'}`;
      const labels = Object.entries(o.labels).map(([k, x]) => `${k}=${x}`).join(',');
      const pods = o.podLabels ? ` pods{${Object.entries(o.podLabels).map(([k, x]) => `${k}=${x}`).join(',')}}` : '';
      lines.push(`  ${o.kind} ${id}${labels ? ` {${labels}}` : ''}${pods}  ${o.source.file}:${o.source.line}`);
    }
    lines.push('');
  }
  if (unused.length > 0) lines.push(`not used by the kustomization in their folder (only their syntax is checked): ${unused.join(', ')}`, '');
  if (families.length > 0) {
    lines.push(`families of folders whose namespace-less objects are also read apart (${families.length}):`);
    for (const f of families) lines.push(`  ${f.name.replace(/ \(.*\)$/, '')}: ${f.files.join(', ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

export async function viewsCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, [
    { name: 'format', takesValue: true, choices: ['text', 'json'] },
    { name: 'config', takesValue: true },
    { name: 'default-namespace', takesValue: true },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    await io.out(VIEWS_HELP);
    return 0;
  }
  const settings = settingsFrom(values, io.cwd);
  const paths = (positionals.length > 0 ? positionals : ['.']).map((p) => resolve(io.cwd, p));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const only = paths.length === 1 ? (paths[0] as string) : undefined;
  const base = only === undefined ? io.cwd : statSync(only).isFile() ? dirname(only) : only;
  const { views, unused, families } = describeViews(paths, settings, base);
  if (values.get('format')?.[0] === 'json') await io.out(JSON.stringify({ views, unused, families }, null, 2) + '\n');
  else await io.out(textOf(views, unused, families));
  return 0;
}
