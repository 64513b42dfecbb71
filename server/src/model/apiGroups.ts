/**
 * Which API group an `apiVersion` belongs to, and whether that group is served by Kubernetes
 * itself or by a CustomResourceDefinition (a custom resource, usually an operator's).
 *
 * Built-in groups: the core group (`v1`), the groups without a dot (`apps`, `batch`, `policy`,
 * `autoscaling`, `extensions`) and the `*.k8s.io` groups the API server serves (the list of
 * `kubectl api-resources` on a plain cluster). Some `*.k8s.io` groups are CRDs
 * (`gateway.networking.k8s.io`, `snapshot.storage.k8s.io`, `autoscaling.k8s.io`): those are custom.
 * Configuration files that look like objects but are never applied to a cluster (kustomize,
 * kind, kubeadm, component configs) are neither.
 */

/** `apps/v1` → `apps`; `v1` → `` (the core group); undefined → undefined. */
export function apiGroupOf(apiVersion: string | undefined): string | undefined {
  if (apiVersion === undefined) return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

const BUILT_IN_K8S_IO_GROUPS: ReadonlySet<string> = new Set([
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apiserverinternal.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'metrics.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

/** Files shaped like objects that configure tools, never applied to a cluster. */
const TOOL_CONFIG_GROUP = /(^|\.)config\.k8s\.io$|^config\.kubernetes\.io$/;

/**
 * Groups of such files by tool: cluster set-up (kind, k3d, kubeadm, ctlptl, clusterctl), the API
 * server's audit and admission files, test runners (Chainsaw, KUTTL, the Kyverno CLI's tests),
 * kpt and krew. A test runner's `Test` at the root of a repository of test cases is no object of
 * any namespace: read as one, it joined every case into one family of namespace-less folders.
 */
const TOOL_GROUPS: ReadonlySet<string> = new Set([
  'kind.x-k8s.io',
  'k3d.io',
  'kubeadm.k8s.io',
  'ctlptl.dev',
  'clusterctl.cluster.x-k8s.io',
  'audit.k8s.io',
  'apiserver.k8s.io',
  'chainsaw.kyverno.io',
  'cli.kyverno.io',
  'kuttl.dev',
  'kpt.dev',
  'fn.kpt.dev',
  'krew.googlecontainertools.github.com',
]);

/** Whether objects of this apiVersion are custom resources (served through a CRD). */
export function isCustomApiVersion(apiVersion: string | undefined): boolean {
  const group = apiGroupOf(apiVersion);
  if (group === undefined || !group.includes('.')) return false;
  return !BUILT_IN_K8S_IO_GROUPS.has(group) && !TOOL_GROUPS.has(group) && !TOOL_CONFIG_GROUP.test(group);
}
