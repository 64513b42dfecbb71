/**
 * A kustomization file read as data: what it includes and the transforms the analysis depends
 * on. Everything else kustomize can do (images, replicas, generators of ConfigMaps and Secrets)
 * changes nothing a NetworkPolicy reads and is ignored; what could change it but is not read
 * (a remote resource, a Helm chart, replacements of labels) is listed in `unread`, which makes
 * the build partial. Reading never throws and never touches the file system.
 */
import { toPlain } from '../model/yamlTree';
import { parseYamlDocument } from '../yaml/parseYamlDocument';

export interface LabelSpec {
  readonly pairs: Readonly<Record<string, string>>;
  /** Also selectors (`commonLabels`, `includeSelectors: true`): Deployment selectors, Service selectors, NetworkPolicy pod selectors. */
  readonly selectors: boolean;
  /** Also pod templates (`includeTemplates: true`, or implied by selectors). */
  readonly templates: boolean;
}

export interface PatchTarget {
  readonly group?: string | undefined;
  readonly version?: string | undefined;
  readonly kind?: string | undefined;
  /** A regular expression, as kustomize reads it (anchored). */
  readonly name?: string | undefined;
  readonly namespace?: string | undefined;
  readonly labelSelector?: string | undefined;
}

export interface PatchSpec {
  /** `strategic` (a partial object) or `json6902` (a list of operations). */
  readonly type: 'strategic' | 'json6902';
  /** The patch body as plain data; for strategic, one entry per document of a patch file. */
  readonly bodies: readonly unknown[];
  /** Without a target a strategic patch names its object itself (kind, metadata.name). */
  readonly target: PatchTarget | undefined;
  /** Relative path of the patch file, or undefined when written inline. */
  readonly file: string | undefined;
}

export interface KustomizationSpec {
  readonly kind: 'Kustomization' | 'Component';
  /** Relative paths and URLs, as written. */
  readonly resources: readonly string[];
  readonly components: readonly string[];
  readonly namespace: string | undefined;
  readonly namePrefix: string;
  readonly nameSuffix: string;
  readonly labels: readonly LabelSpec[];
  /** Strategic merge patches and `patches`, in kustomize's order; JSON 6902 patches after the labels. */
  readonly patches: readonly PatchReference[];
  readonly jsonPatches: readonly PatchReference[];
  /** What could change the analysis but is not read: each makes a build partial. */
  readonly unread: readonly string[];
}

/** A patch as written: inline (body known) or in a file (read later from the workspace). */
export interface PatchReference {
  readonly inline: string | undefined;
  readonly path: string | undefined;
  readonly target: PatchTarget | undefined;
  /** `patchesJson6902` entries are JSON patches whatever their shape. */
  readonly forceJson: boolean;
}

type Rec = Record<string, unknown>;

function rec(v: unknown): Rec | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(rec(v) ?? {})) {
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
  }
  return out;
}

function target(v: unknown): PatchTarget | undefined {
  const r = rec(v);
  if (!r) return undefined;
  const s = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  return { group: s(r.group), version: s(r.version), kind: s(r.kind), name: s(r.name), namespace: s(r.namespace), labelSelector: s(r.labelSelector) };
}

/** Undefined when the text is not a kustomization (not a map). */
export function readKustomization(text: string): KustomizationSpec | undefined {
  const plain = rec(toPlain(parseYamlDocument(text, 0).root));
  if (!plain) return undefined;
  const unread: string[] = [];
  const labels: LabelSpec[] = [];
  const common = stringMap(plain.commonLabels);
  if (Object.keys(common).length > 0) labels.push({ pairs: common, selectors: true, templates: true });
  for (const entry of Array.isArray(plain.labels) ? plain.labels : []) {
    const r = rec(entry);
    if (!r) continue;
    const selectors = r.includeSelectors === true;
    labels.push({ pairs: stringMap(r.pairs), selectors, templates: selectors || r.includeTemplates === true });
  }
  const patches: PatchReference[] = [];
  for (const p of Array.isArray(plain.patchesStrategicMerge) ? plain.patchesStrategicMerge : []) {
    if (typeof p !== 'string') continue;
    // An entry is a file path, or (older kustomize) the patch itself inline.
    if (p.includes('\n')) patches.push({ inline: p, path: undefined, target: undefined, forceJson: false });
    else patches.push({ inline: undefined, path: p, target: undefined, forceJson: false });
  }
  for (const p of Array.isArray(plain.patches) ? plain.patches : []) {
    const r = rec(p);
    if (typeof p === 'string') patches.push({ inline: undefined, path: p, target: undefined, forceJson: false });
    else if (r) patches.push({ inline: typeof r.patch === 'string' ? r.patch : undefined, path: typeof r.path === 'string' ? r.path : undefined, target: target(r.target), forceJson: false });
  }
  const jsonPatches: PatchReference[] = [];
  for (const p of Array.isArray(plain.patchesJson6902) ? plain.patchesJson6902 : []) {
    const r = rec(p);
    if (r) jsonPatches.push({ inline: typeof r.patch === 'string' ? r.patch : undefined, path: typeof r.path === 'string' ? r.path : undefined, target: target(r.target), forceJson: true });
  }
  if (Array.isArray(plain.helmCharts) && plain.helmCharts.length > 0) unread.push('a helmCharts generator (charts are never rendered here)');
  for (const key of ['transformers', 'generators', 'validators']) {
    if (Array.isArray(plain[key]) && plain[key].length > 0) unread.push(`${key} plugins (never run here)`);
  }
  if (Array.isArray(plain.replacements) && plain.replacements.some(touchesAnalysis)) unread.push('replacements that write labels, namespaces or selectors');
  const prefix = typeof plain.namePrefix === 'string' ? plain.namePrefix : '';
  const suffix = typeof plain.nameSuffix === 'string' ? plain.nameSuffix : '';
  return {
    kind: plain.kind === 'Component' ? 'Component' : 'Kustomization',
    resources: [...strings(plain.resources), ...strings(plain.bases)],
    components: strings(plain.components),
    namespace: typeof plain.namespace === 'string' && plain.namespace !== '' ? plain.namespace : undefined,
    namePrefix: prefix,
    nameSuffix: suffix,
    labels,
    patches,
    jsonPatches,
    unread,
  };
}

/** A replacement whose targets write a field the analysis reads (by its field path). */
function touchesAnalysis(replacement: unknown): boolean {
  const text = JSON.stringify(replacement) ?? '';
  return /labels|namespace|selector|podSelector|ports|NetworkPolicy|ingress|egress/i.test(text);
}

/** A resource that lives elsewhere: never fetched. */
export function isRemoteResource(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(ref) || /[?&]ref=/.test(ref) || /\.git(\/\/|$)/.test(ref);
}
