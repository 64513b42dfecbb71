/** Settings of the analysis, as the server receives them (per resource) and the CLI builds them. */
import { DEFAULT_INGRESS_CONTROLLERS, normalizeIngressControllers, type IngressControllerSetting } from './ingressControllers';
import type { SeveritySetting } from './ruleCatalogue';

export interface NetpolLensSettings {
  /** Kubernetes version the manifests target, `major.minor` (deprecations are judged against it). */
  readonly targetKubernetesVersion: string;
  /** Namespace of objects without `metadata.namespace`. */
  readonly defaultNamespace: string;
  /** Namespaces that exist in the cluster though the workspace does not declare them. */
  readonly externalNamespaces: readonly string[];
  /** Strict selector rules: the workspace is the whole cluster. */
  readonly workspaceIsWholeCluster: boolean;
  /** Cluster pod and service CIDRs (for `ipblock-cluster-range`). */
  readonly clusterCidrs: readonly string[];
  /** Treat cluster DNS (`k8s-app: kube-dns` in kube-system) as present when the workspace lacks it. */
  readonly assumeClusterDns: boolean;
  /** Severity per rule id; `default` keeps the catalogue's. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Globs (relative to a workspace folder) of files to index; empty = every YAML/JSON file. */
  readonly include: readonly string[];
  /** Globs of files and folders to skip. */
  readonly exclude: readonly string[];
  /** Files larger than this (KiB) are skipped with a message. */
  readonly maxFileSizeKb: number;
  /** Show CodeLenses over policies and workloads. */
  readonly codeLensEnabled: boolean;
  /** While a manifest has uncommitted changes, a CodeLens at its top says what they open and close against HEAD. */
  readonly codeLensCompareWithHead: boolean;
  /**
   * Cluster views declared by name → globs (`{"dev": ["envs/dev/**"]}`): the files of one view are
   * applied together, and no rule combines objects of two views. Files in none are read as today.
   */
  readonly clusters: Readonly<Record<string, readonly string[]>>;
  /** Where the cluster's ingress controllers run and which routes they serve (`ingress-controller-blocked`). */
  readonly ingressControllers: readonly IngressControllerSetting[];
}

export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/node_modules/**',
  '**/.git/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/.terraform/**',
  '**/dist/**',
  '**/.vscode-test/**',
];

export const DEFAULT_SETTINGS: NetpolLensSettings = {
  targetKubernetesVersion: '1.34',
  defaultNamespace: 'default',
  externalNamespaces: [],
  workspaceIsWholeCluster: false,
  clusterCidrs: [],
  assumeClusterDns: true,
  rules: {},
  include: [],
  exclude: DEFAULT_EXCLUDES,
  maxFileSizeKb: 2048,
  codeLensEnabled: true,
  codeLensCompareWithHead: true,
  clusters: {},
  ingressControllers: DEFAULT_INGRESS_CONTROLLERS,
};

/** Settings from an untrusted source (the client, a config file), merged over the defaults. */
export function normalizeSettings(raw: unknown): NetpolLensSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string): string => (typeof v === 'string' && v.trim() !== '' ? v.trim() : d);
  const strs = (v: unknown, d: readonly string[]): readonly string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : d;
  const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);
  const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);
  const rules: Record<string, SeveritySetting> = {};
  if (typeof r.rules === 'object' && r.rules !== null) {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off' || v === 'default') rules[k] = v;
    }
  }
  const codeLens = typeof r.codeLens === 'object' && r.codeLens !== null ? (r.codeLens as Record<string, unknown>) : {};
  return {
    targetKubernetesVersion: str(r.targetKubernetesVersion, DEFAULT_SETTINGS.targetKubernetesVersion),
    defaultNamespace: str(r.defaultNamespace, DEFAULT_SETTINGS.defaultNamespace),
    externalNamespaces: strs(r.externalNamespaces, DEFAULT_SETTINGS.externalNamespaces),
    workspaceIsWholeCluster: bool(r.workspaceIsWholeCluster, DEFAULT_SETTINGS.workspaceIsWholeCluster),
    clusterCidrs: strs(r.clusterCidrs, DEFAULT_SETTINGS.clusterCidrs),
    assumeClusterDns: bool(r.assumeClusterDns, DEFAULT_SETTINGS.assumeClusterDns),
    rules,
    include: strs(r.include, DEFAULT_SETTINGS.include),
    exclude: strs(r.exclude, DEFAULT_SETTINGS.exclude),
    maxFileSizeKb: num(r.maxFileSizeKb, DEFAULT_SETTINGS.maxFileSizeKb),
    codeLensEnabled: bool(codeLens.enabled ?? r.codeLensEnabled, DEFAULT_SETTINGS.codeLensEnabled),
    codeLensCompareWithHead: bool(codeLens.compareWithHead ?? r.codeLensCompareWithHead, DEFAULT_SETTINGS.codeLensCompareWithHead),
    clusters: clusterGlobs(r.clusters),
    ingressControllers: normalizeIngressControllers(r.ingressControllers),
  };
}

/** `{"name": ["glob", …]}`; a single glob string is taken as a list of one. Other entries are dropped. */
function clusterGlobs(v: unknown): Readonly<Record<string, readonly string[]>> {
  const out: Record<string, readonly string[]> = {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  for (const [name, globs] of Object.entries(v as Record<string, unknown>)) {
    const list = typeof globs === 'string' ? [globs] : Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g !== '') : [];
    if (name !== '' && list.length > 0) out[name] = list;
  }
  return out;
}
