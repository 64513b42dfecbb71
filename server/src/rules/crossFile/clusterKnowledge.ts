/**
 * What the workspace can honestly say about the cluster it is part of. A repository usually holds
 * some of a cluster's workloads and namespaces; the selector rules judge a selector only where
 * the workspace knows the whole answer, and stay silent elsewhere:
 *
 * - a namespace's workloads are known when the workspace holds some of them, except in the
 *   namespaces every cluster has (`kube-system`, `kube-public`, `kube-node-lease`) and those in
 *   `externalNamespaces`, which hold workloads deployed from elsewhere. `default` counts among
 *   them when selected from another namespace; a policy in `default` is judged against the
 *   workspace's `default` workloads (the repository's unnamespaced objects).
 * - a namespace's labels are known when the workspace declares its Namespace manifest, and for
 *   the namespaces every cluster has (they carry only `kubernetes.io/metadata.name` unless
 *   someone labels them, which a repository would do with a Namespace manifest).
 * - the workspace declares its namespaces when it has Namespace manifests and every namespace its
 *   objects live in has a manifest (or is built in, or external): a selector none of them
 *   matches is then likely a mistake, though a namespace created elsewhere may exist (the
 *   selector rules say so as information).
 * - with `workspaceIsWholeCluster`, everything is known: no workload or namespace exists but
 *   those in the workspace.
 */
import type { WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import { NAMESPACE_NAME_LABEL, type LabelSelector } from '../../engine/types';

export const BUILT_IN_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease', 'default'];
const SHARED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export class ClusterKnowledge {
  private readonly strict: boolean;
  private readonly external: ReadonlySet<string>;
  /** The namespaces with a manifest, read on first use (most checks ask only about workloads). */
  private declaredNames: ReadonlySet<string> | undefined;

  constructor(private readonly analysis: WorkspaceAnalysis) {
    this.strict = analysis.settings.workspaceIsWholeCluster;
    this.external = new Set(analysis.settings.externalNamespaces);
  }

  private get declared(): ReadonlySet<string> {
    if (!this.declaredNames) {
      const names = new Set<string>();
      for (const n of this.analysis.namespaces()) if (n.source) names.add(n.namespace.name);
      this.declaredNames = names;
    }
    return this.declaredNames;
  }

  get wholeCluster(): boolean {
    return this.strict;
  }

  /** Whether the workspace holds every workload of `namespace`, as seen from a policy in `from`. */
  workloadsKnown(namespace: string, from: string): boolean {
    if (this.strict) return true;
    if (SHARED_NAMESPACES.has(namespace) || this.external.has(namespace)) return false;
    if (namespace === 'default' && from !== 'default') return false;
    return this.analysis.network.hasWorkloads(namespace);
  }

  /** Whether the labels of `namespace` are all known (its Namespace manifest, or a built-in one). */
  labelsKnown(namespace: string): boolean {
    if (this.strict || this.declared.has(namespace)) return true;
    return BUILT_IN_NAMESPACES.includes(namespace) && !this.external.has(namespace);
  }

  /**
   * Whether the workspace declares its namespaces: it has Namespace manifests, and every
   * namespace its objects live in has known labels (a manifest, or built in); external ones are
   * declared by the setting. Then a selector matching none of them is worth a hint, though not a
   * warning: a namespace created elsewhere may still exist.
   */
  namespacesDeclared(): boolean {
    if (this.declared.size === 0) return false;
    return this.analysis.network.namespaces.every((n) => this.external.has(n.name) || this.labelsKnown(n.name));
  }

  /** Whether `namespace` exists: in the workspace, built in, or listed as external. */
  exists(namespace: string): boolean {
    return (
      BUILT_IN_NAMESPACES.includes(namespace) ||
      this.external.has(namespace) ||
      this.analysis.network.namespaces.some((n) => n.name === namespace)
    );
  }
}

/**
 * The namespace names a selector is limited to through `kubernetes.io/metadata.name` (matchLabels
 * or `In`), or undefined when it may match namespaces of any name.
 */
export function pinnedNamespaceNames(selector: LabelSelector | undefined): string[] | undefined {
  let names: string[] | undefined;
  const label = selector?.matchLabels?.[NAMESPACE_NAME_LABEL];
  if (label !== undefined) names = [label];
  for (const req of selector?.matchExpressions ?? []) {
    if (req.key !== NAMESPACE_NAME_LABEL || req.operator !== 'In') continue;
    const values = [...(req.values ?? [])];
    names = names ? names.filter((n) => values.includes(n)) : values;
  }
  return names;
}

/** True when the selector says nothing but which names the namespaces have. */
export function selectsByNameOnly(selector: LabelSelector | undefined): boolean {
  const labels = Object.keys(selector?.matchLabels ?? {});
  const exprs = selector?.matchExpressions ?? [];
  return labels.every((k) => k === NAMESPACE_NAME_LABEL) && exprs.every((r) => r.key === NAMESPACE_NAME_LABEL && r.operator === 'In');
}

/** A selector the API server accepts (malformed ones are selector-invalid's to report). */
export function isWellFormedSelector(selector: LabelSelector | undefined): boolean {
  return (selector?.matchExpressions ?? []).every((r) => {
    const n = (r.values ?? []).length;
    if (r.operator === 'In' || r.operator === 'NotIn') return n > 0;
    return (r.operator === 'Exists' || r.operator === 'DoesNotExist') && n === 0;
  });
}
