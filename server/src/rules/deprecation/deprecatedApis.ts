/**
 * The upstream deprecation guide (kubernetes.io/docs/reference/using-api/deprecation-guide/) as
 * data: for each kind and old apiVersion, the release that deprecated it, the release that
 * stopped serving it, and what replaces it. `migration` says how much our quick fix can do:
 * `apiVersion` when only the version string changes, `structural` when the kind has a migration
 * in `migrations.ts`, `none` when the new version needs information the old object lacks.
 */

export type KubernetesVersion = readonly [major: number, minor: number];

export type MigrationKind = 'apiVersion' | 'structural' | 'none';

export interface DeprecatedApi {
  readonly kind: string;
  readonly apiVersion: string;
  readonly deprecatedIn: KubernetesVersion;
  readonly removedIn: KubernetesVersion;
  /** The apiVersion to use instead; undefined when the API has no replacement. */
  readonly replacement: string | undefined;
  /** Release from which the replacement is served. */
  readonly replacementSince: KubernetesVersion | undefined;
  readonly migration: MigrationKind;
  /** What changes beyond the version string, for the message and the docs. */
  readonly note?: string;
}

const v = (minor: number): KubernetesVersion => [1, minor];

interface Group {
  readonly kinds: readonly string[];
  readonly apiVersions: readonly string[];
  readonly deprecatedIn: number;
  readonly removedIn: number;
  readonly replacement: string | undefined;
  readonly replacementSince: number | undefined;
  readonly migration: MigrationKind;
  readonly note?: string;
}

const GROUPS: readonly Group[] = [
  // Removed in 1.16.
  { kinds: ['NetworkPolicy'], apiVersions: ['extensions/v1beta1'], deprecatedIn: 9, removedIn: 16, replacement: 'networking.k8s.io/v1', replacementSince: 8, migration: 'apiVersion' },
  {
    kinds: ['Deployment', 'ReplicaSet'], apiVersions: ['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'], deprecatedIn: 9, removedIn: 16,
    replacement: 'apps/v1', replacementSince: 9, migration: 'structural', note: 'apps/v1 requires spec.selector, which must match the pod template labels',
  },
  {
    kinds: ['DaemonSet'], apiVersions: ['extensions/v1beta1', 'apps/v1beta2'], deprecatedIn: 9, removedIn: 16,
    replacement: 'apps/v1', replacementSince: 9, migration: 'structural', note: 'apps/v1 requires spec.selector, which must match the pod template labels',
  },
  {
    kinds: ['StatefulSet'], apiVersions: ['apps/v1beta1', 'apps/v1beta2'], deprecatedIn: 9, removedIn: 16,
    replacement: 'apps/v1', replacementSince: 9, migration: 'structural', note: 'apps/v1 requires spec.selector, which must match the pod template labels',
  },
  { kinds: ['ControllerRevision'], apiVersions: ['apps/v1beta1', 'apps/v1beta2'], deprecatedIn: 9, removedIn: 16, replacement: 'apps/v1', replacementSince: 9, migration: 'apiVersion' },
  { kinds: ['PodSecurityPolicy'], apiVersions: ['extensions/v1beta1'], deprecatedIn: 11, removedIn: 16, replacement: 'policy/v1beta1', replacementSince: 10, migration: 'none', note: 'policy/v1beta1 was itself removed in 1.25: use Pod Security Admission' },
  // Removed in 1.22.
  {
    kinds: ['Ingress'], apiVersions: ['extensions/v1beta1'], deprecatedIn: 14, removedIn: 22, replacement: 'networking.k8s.io/v1', replacementSince: 19, migration: 'structural',
    note: 'backends become service.name and service.port.number/name, each path needs a pathType, spec.backend becomes spec.defaultBackend',
  },
  {
    kinds: ['Ingress'], apiVersions: ['networking.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'networking.k8s.io/v1', replacementSince: 19, migration: 'structural',
    note: 'backends become service.name and service.port.number/name, each path needs a pathType, spec.backend becomes spec.defaultBackend',
  },
  { kinds: ['IngressClass'], apiVersions: ['networking.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'networking.k8s.io/v1', replacementSince: 19, migration: 'apiVersion' },
  {
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], apiVersions: ['admissionregistration.k8s.io/v1beta1'], deprecatedIn: 16, removedIn: 22,
    replacement: 'admissionregistration.k8s.io/v1', replacementSince: 16, migration: 'none',
    note: 'v1 requires sideEffects and admissionReviewVersions, and defaults failurePolicy to Fail, matchPolicy to Equivalent and timeoutSeconds to 10',
  },
  {
    kinds: ['CustomResourceDefinition'], apiVersions: ['apiextensions.k8s.io/v1beta1'], deprecatedIn: 16, removedIn: 22, replacement: 'apiextensions.k8s.io/v1', replacementSince: 16, migration: 'none',
    note: 'v1 requires a structural schema per version and moves validation, subresources and printer columns under each version',
  },
  { kinds: ['APIService'], apiVersions: ['apiregistration.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'apiregistration.k8s.io/v1', replacementSince: 10, migration: 'apiVersion' },
  { kinds: ['TokenReview'], apiVersions: ['authentication.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'authentication.k8s.io/v1', replacementSince: 6, migration: 'apiVersion' },
  {
    kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], apiVersions: ['authorization.k8s.io/v1beta1'],
    deprecatedIn: 19, removedIn: 22, replacement: 'authorization.k8s.io/v1', replacementSince: 6, migration: 'none', note: 'spec.group is renamed spec.groups',
  },
  {
    kinds: ['CertificateSigningRequest'], apiVersions: ['certificates.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'certificates.k8s.io/v1', replacementSince: 19, migration: 'none',
    note: 'v1 requires spec.signerName and spec.usages',
  },
  { kinds: ['Lease'], apiVersions: ['coordination.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'coordination.k8s.io/v1', replacementSince: 14, migration: 'apiVersion' },
  {
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], apiVersions: ['rbac.authorization.k8s.io/v1beta1'], deprecatedIn: 17, removedIn: 22,
    replacement: 'rbac.authorization.k8s.io/v1', replacementSince: 8, migration: 'apiVersion',
  },
  { kinds: ['PriorityClass'], apiVersions: ['scheduling.k8s.io/v1beta1'], deprecatedIn: 14, removedIn: 22, replacement: 'scheduling.k8s.io/v1', replacementSince: 14, migration: 'apiVersion' },
  { kinds: ['CSIDriver'], apiVersions: ['storage.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'storage.k8s.io/v1', replacementSince: 19, migration: 'apiVersion' },
  { kinds: ['CSINode'], apiVersions: ['storage.k8s.io/v1beta1'], deprecatedIn: 17, removedIn: 22, replacement: 'storage.k8s.io/v1', replacementSince: 17, migration: 'apiVersion' },
  { kinds: ['StorageClass'], apiVersions: ['storage.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'storage.k8s.io/v1', replacementSince: 6, migration: 'apiVersion' },
  { kinds: ['VolumeAttachment'], apiVersions: ['storage.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 22, replacement: 'storage.k8s.io/v1', replacementSince: 13, migration: 'apiVersion' },
  // Removed in 1.25.
  { kinds: ['CronJob'], apiVersions: ['batch/v1beta1'], deprecatedIn: 21, removedIn: 25, replacement: 'batch/v1', replacementSince: 21, migration: 'apiVersion' },
  {
    kinds: ['EndpointSlice'], apiVersions: ['discovery.k8s.io/v1beta1'], deprecatedIn: 21, removedIn: 25, replacement: 'discovery.k8s.io/v1', replacementSince: 21, migration: 'none',
    note: 'endpoints[].topology becomes deprecatedTopology (with nodeName and zone as fields)',
  },
  {
    kinds: ['Event'], apiVersions: ['events.k8s.io/v1beta1'], deprecatedIn: 19, removedIn: 25, replacement: 'events.k8s.io/v1', replacementSince: 19, migration: 'none',
    note: 'deprecated* fields are renamed and series.state is gone',
  },
  {
    kinds: ['HorizontalPodAutoscaler'], apiVersions: ['autoscaling/v2beta1'], deprecatedIn: 22, removedIn: 25, replacement: 'autoscaling/v2', replacementSince: 23, migration: 'none',
    note: 'metric targets move under target (targetAverageUtilization becomes target.averageUtilization)',
  },
  {
    kinds: ['PodDisruptionBudget'], apiVersions: ['policy/v1beta1'], deprecatedIn: 21, removedIn: 25, replacement: 'policy/v1', replacementSince: 21, migration: 'apiVersion',
    note: 'in policy/v1 an empty spec.selector selects every pod of the namespace (it selected none in v1beta1)',
  },
  { kinds: ['PodSecurityPolicy'], apiVersions: ['policy/v1beta1'], deprecatedIn: 21, removedIn: 25, replacement: undefined, replacementSince: undefined, migration: 'none', note: 'use Pod Security Admission (namespace labels)' },
  { kinds: ['RuntimeClass'], apiVersions: ['node.k8s.io/v1beta1'], deprecatedIn: 22, removedIn: 25, replacement: 'node.k8s.io/v1', replacementSince: 20, migration: 'apiVersion' },
  // Removed in 1.26, 1.27, 1.29, 1.32.
  { kinds: ['FlowSchema', 'PriorityLevelConfiguration'], apiVersions: ['flowcontrol.apiserver.k8s.io/v1beta1'], deprecatedIn: 23, removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1', replacementSince: 29, migration: 'none', note: 'PriorityLevelConfiguration renames assuredConcurrencyShares to nominalConcurrencyShares' },
  { kinds: ['HorizontalPodAutoscaler'], apiVersions: ['autoscaling/v2beta2'], deprecatedIn: 23, removedIn: 26, replacement: 'autoscaling/v2', replacementSince: 23, migration: 'apiVersion' },
  { kinds: ['CSIStorageCapacity'], apiVersions: ['storage.k8s.io/v1beta1'], deprecatedIn: 24, removedIn: 27, replacement: 'storage.k8s.io/v1', replacementSince: 24, migration: 'apiVersion' },
  { kinds: ['FlowSchema', 'PriorityLevelConfiguration'], apiVersions: ['flowcontrol.apiserver.k8s.io/v1beta2'], deprecatedIn: 26, removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1', replacementSince: 29, migration: 'none', note: 'PriorityLevelConfiguration renames assuredConcurrencyShares to nominalConcurrencyShares' },
  { kinds: ['FlowSchema', 'PriorityLevelConfiguration'], apiVersions: ['flowcontrol.apiserver.k8s.io/v1beta3'], deprecatedIn: 29, removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1', replacementSince: 29, migration: 'apiVersion' },
];

/** Every (kind, old apiVersion) of the guide. */
export const DEPRECATED_APIS: readonly DeprecatedApi[] = GROUPS.flatMap((g) =>
  g.kinds.flatMap((kind) =>
    g.apiVersions.map((apiVersion) => ({
      kind,
      apiVersion,
      deprecatedIn: v(g.deprecatedIn),
      removedIn: v(g.removedIn),
      replacement: g.replacement,
      replacementSince: g.replacementSince === undefined ? undefined : v(g.replacementSince),
      migration: g.migration,
      ...(g.note === undefined ? {} : { note: g.note }),
    })),
  ),
);

const BY_KEY: ReadonlyMap<string, DeprecatedApi> = new Map(DEPRECATED_APIS.map((d) => [`${d.apiVersion}\u0000${d.kind}`, d]));

export function deprecatedApi(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return BY_KEY.get(`${apiVersion}\u0000${kind}`);
}

/** `1.34`, `v1.34`, `1.34.2` → [1, 34]; undefined when unreadable. */
export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2])];
}

export function compareVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function formatVersion(version: KubernetesVersion): string {
  return `${version[0]}.${version[1]}`;
}

export type DeprecationStatus = 'removed' | 'deprecated' | 'current';

export function statusAt(api: DeprecatedApi, target: KubernetesVersion): DeprecationStatus {
  if (compareVersions(target, api.removedIn) >= 0) return 'removed';
  if (compareVersions(target, api.deprecatedIn) >= 0) return 'deprecated';
  return 'current';
}
