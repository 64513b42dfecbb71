/**
 * CloudNativePG (postgresql.cnpg.io). Labels as its source builds them
 * (github.com/cloudnative-pg/cloudnative-pg, read at a95a534, 2026-08):
 *
 * - Cluster `<c>`: one pod per instance, `<c>-1` … `<c>-<spec.instances>` (pkg/specs/pods.go
 *   `buildInstance`, `GetInstanceName`), labelled `cnpg.io/cluster: <c>`,
 *   `cnpg.io/instanceName: <pod>`, `cnpg.io/podRole: instance`, `app.kubernetes.io/name:
 *   postgresql`, `app.kubernetes.io/instance: <c>`, `app.kubernetes.io/component: database`,
 *   `app.kubernetes.io/managed-by: cloudnative-pg`, `app.kubernetes.io/version` (the PostgreSQL
 *   major version, known here from an `imageName` tag), then `spec.inheritedMetadata.labels`,
 *   which win (internal/controller/cluster_create.go, pkg/utils `InheritLabels`). The instance
 *   manager adds `role` and `cnpg.io/instanceRole`, `primary` or `replica`
 *   (pkg/reconciler/instance/metadata.go): the first instance is taken as the primary, as after
 *   bootstrap; a failover swaps them. Ports `postgresql` 5432, `metrics` 9187, `status` 8000.
 * - Pooler `<p>`: Deployment `<p>` whose pods have `spec.template.metadata.labels`, then
 *   `cnpg.io/poolerName: <p>`, `cnpg.io/cluster` (`spec.cluster.name`), `cnpg.io/podRole:
 *   pooler`, `app.kubernetes.io/name: postgresql`, `app.kubernetes.io/instance` (the cluster),
 *   `app.kubernetes.io/component: pooler`, managed-by (pkg/specs/pgbouncer/deployments.go). Ports
 *   `pgbouncer` 5432 and `metrics` 9127.
 */
import type { CatalogueEntry, CustomResource, OperatorPods } from './catalogueTypes';
import { podless } from './catalogueTypes';
import { containerPortsAt, integerAt, labelsAt, merged, port, stringAt } from './resourceFields';

const GROUP = 'postgresql.cnpg.io';
const OPERATOR = 'CloudNativePG';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'cloudnative-pg' };
/** More instances than this are read as this many (each is a workload of its own). */
const MAX_INSTANCES = 16;

/** The major version from an image tag such as `ghcr.io/cloudnative-pg/postgresql:16.4`. */
function majorVersion(cr: CustomResource): Record<string, string> {
  const image = stringAt(cr.node, ['spec', 'imageName']);
  const m = image === undefined ? null : /:(\d+)(?:[.-][^/:]*)?$/.exec(image);
  return m?.[1] ? { 'app.kubernetes.io/version': m[1] } : {};
}

function clusterPods(cr: CustomResource): OperatorPods[] {
  const instances = Math.max(1, Math.min(integerAt(cr.node, ['spec', 'instances']) ?? 1, MAX_INSTANCES));
  const inherited = labelsAt(cr.node, ['spec', 'inheritedMetadata', 'labels']);
  return Array.from({ length: instances }, (_, i) => {
    const name = `${cr.name}-${i + 1}`;
    const role = i === 0 ? 'primary' : 'replica';
    return {
      name,
      labels: merged(
        {
          'cnpg.io/cluster': cr.name,
          'cnpg.io/instanceName': name,
          'cnpg.io/podRole': 'instance',
          'app.kubernetes.io/name': 'postgresql',
          'app.kubernetes.io/instance': cr.name,
          'app.kubernetes.io/component': 'database',
          ...MANAGED_BY,
          ...majorVersion(cr),
        },
        inherited,
        { role, 'cnpg.io/instanceRole': role },
      ),
      namedPorts: [port('postgresql', 5432), port('metrics', 9187), port('status', 8000)],
    };
  });
}

function poolerPods(cr: CustomResource): OperatorPods[] {
  const cluster = stringAt(cr.node, ['spec', 'cluster', 'name']) ?? '';
  return [
    {
      name: cr.name,
      labels: merged(labelsAt(cr.node, ['spec', 'template', 'metadata', 'labels']), {
        'cnpg.io/poolerName': cr.name,
        'cnpg.io/cluster': cluster,
        'cnpg.io/podRole': 'pooler',
        'app.kubernetes.io/name': 'postgresql',
        'app.kubernetes.io/instance': cluster,
        'app.kubernetes.io/component': 'pooler',
        ...MANAGED_BY,
      }),
      namedPorts: [port('pgbouncer', 5432), port('metrics', 9127), ...containerPortsAt(cr.node, ['spec', 'template', 'spec'])],
    },
  ];
}

export const CLOUDNATIVE_PG: readonly CatalogueEntry[] = [
  { group: GROUP, kind: 'Cluster', operator: OPERATOR, makesPods: true, pods: clusterPods },
  { group: GROUP, kind: 'Pooler', operator: OPERATOR, makesPods: true, pods: poolerPods },
  // Backups run in the instance pods (or as volume snapshots); the others configure PostgreSQL.
  ...podless(GROUP, OPERATOR, ['Backup', 'ScheduledBackup', 'Database', 'Publication', 'Subscription', 'ImageCatalog', 'ClusterImageCatalog']),
];
