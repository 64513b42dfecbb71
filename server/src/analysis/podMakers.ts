/**
 * Controllers among the workloads: a workload whose service account a RoleBinding or
 * ClusterRoleBinding lets create pods (or the controllers that make them) may make pods no
 * manifest shows. Longhorn's manager starts its instance managers, Argo Workflows' controller a
 * pod per step, an operator its operands: a policy selecting only such pods "selects nothing" in
 * the files, not in the cluster.
 *
 * Where such a controller may make pods: in a RoleBinding's namespace; a ClusterRoleBinding reaches
 * every namespace, but is read as the controller's own namespace only (operators with cluster-wide
 * rights make pods elsewhere from custom resources, which `UnknownResource` covers; reading it as
 * every namespace would soften every finding of a repository that installs Argo CD or Flux).
 * A binding names a Role of its own namespace or a ClusterRole; a ClusterRole the workspace does
 * not define counts when it is one every cluster has that grants creation (`cluster-admin`,
 * `admin`, `edit`). A pod spec without `serviceAccountName` runs as `default`.
 */
import type { Sourced } from './fileExtraction';
import { BUILT_IN_POD_CREATING_ROLES, type Access, type ServiceAccountRef } from './readAccess';

/** A service account a binding lets create pods. */
export interface PodCreatorGrant {
  readonly serviceAccount: ServiceAccountRef;
  /** Where: the RoleBinding's namespace; the service account's own for a ClusterRoleBinding. */
  readonly namespace: string;
  /** `Role ns/name` or `ClusterRole name`, as messages name it. */
  readonly role: string;
}

/** The grants of pod creation the workspace's bindings make, in workspace order. */
export function podCreatorGrants(access: readonly Sourced<Access>[]): readonly PodCreatorGrant[] {
  const roles = new Map<string, boolean>();
  for (const { value } of access) {
    if (value.type !== 'role') continue;
    const key = roleKey(value.kind, value.namespace, value.name);
    roles.set(key, (roles.get(key) ?? false) || value.createsPods);
  }
  const out: PodCreatorGrant[] = [];
  for (const { value: b } of access) {
    if (b.type !== 'binding') continue;
    // A ClusterRoleBinding may name only a ClusterRole; a RoleBinding a Role of its own namespace or a ClusterRole.
    const role = b.roleKind === 'ClusterRole' ? roleKey('ClusterRole', undefined, b.roleName) : b.roleKind === 'Role' && b.namespace !== undefined ? roleKey('Role', b.namespace, b.roleName) : undefined;
    if (role === undefined) continue;
    const creates = roles.get(role) ?? (b.roleKind === 'ClusterRole' && BUILT_IN_POD_CREATING_ROLES.has(b.roleName));
    if (!creates) continue;
    for (const sa of b.serviceAccounts) out.push({ serviceAccount: sa, namespace: b.namespace ?? sa.namespace, role });
  }
  return out;
}

function roleKey(kind: 'Role' | 'ClusterRole', namespace: string | undefined, name: string): string {
  return kind === 'Role' ? `Role ${namespace ?? ''}/${name}` : `ClusterRole ${name}`;
}

/** A workload that may make pods in a namespace, and the grant that lets it. */
export interface PodMaker<W> {
  readonly workload: W;
  readonly grant: PodCreatorGrant;
}

/**
 * The workloads that may make pods in `namespace`: those running as a service account a grant
 * there names (`workloadsIn` gives a namespace's workloads and their service accounts).
 */
export function podMakersIn<W>(
  grants: readonly PodCreatorGrant[],
  namespace: string,
  workloadsIn: (namespace: string) => readonly W[],
  serviceAccountOf: (workload: W) => string,
): PodMaker<W>[] {
  const out: PodMaker<W>[] = [];
  const seen = new Set<W>();
  for (const grant of grants) {
    if (grant.namespace !== namespace) continue;
    for (const workload of workloadsIn(grant.serviceAccount.namespace)) {
      if (seen.has(workload) || serviceAccountOf(workload) !== grant.serviceAccount.name) continue;
      seen.add(workload);
      out.push({ workload, grant });
    }
  }
  return out;
}
