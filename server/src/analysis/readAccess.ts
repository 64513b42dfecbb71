/**
 * RBAC objects as far as they say who may create pods: a Role or ClusterRole that lets its
 * subjects create pods or the controllers that make them, and a RoleBinding or ClusterRoleBinding
 * with its ServiceAccount subjects. A workload running as such a service account is a controller:
 * the pods it makes are written in no manifest (`analysis/podMakers.ts`). Every Role and ClusterRole
 * is kept, granting or not: a ClusterRole the workspace defines replaces a built-in one of its name.
 *
 * A rule grants creation when one of its verbs is `create` or `*`, and one of its API groups with
 * one of its resources names pods, ReplicationControllers, Deployments, ReplicaSets, StatefulSets,
 * DaemonSets, Jobs or CronJobs (or `*`). A rule with `resourceNames` grants no `create`: the API
 * server cannot restrict creation by name. A ClusterRole's `aggregationRule` is not followed: only
 * its own rules count, so a binding to it proves nothing (the finding it would soften stays).
 */
import { apiGroupOf } from '../model/apiGroups';
import { ACCESS_KINDS, type K8sObject } from '../model/k8sObject';
import { getMap, getSeq, getString, type YNode } from '../model/yamlTree';
import { stringListAt } from './operators/resourceFields';

/** A Role or ClusterRole, and whether its rules let its subjects create pods or pod controllers. */
export interface AccessRole {
  readonly type: 'role';
  readonly kind: 'Role' | 'ClusterRole';
  readonly name: string;
  /** A Role's namespace; undefined for a ClusterRole. */
  readonly namespace: string | undefined;
  readonly createsPods: boolean;
}

export interface ServiceAccountRef {
  readonly namespace: string;
  readonly name: string;
}

/** A RoleBinding or ClusterRoleBinding with at least one ServiceAccount subject. */
export interface ServiceAccountBinding {
  readonly type: 'binding';
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  readonly name: string;
  /** A RoleBinding's namespace (where it grants); undefined for a ClusterRoleBinding. */
  readonly namespace: string | undefined;
  readonly roleKind: string;
  readonly roleName: string;
  readonly serviceAccounts: readonly ServiceAccountRef[];
}

export type Access = AccessRole | ServiceAccountBinding;

/** Resources whose creation makes pods, by API group. */
const POD_MAKING: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['', new Set(['pods', 'replicationcontrollers'])],
  ['apps', new Set(['deployments', 'replicasets', 'statefulsets', 'daemonsets'])],
  ['batch', new Set(['jobs', 'cronjobs'])],
]);

const ANY_GROUP: ReadonlySet<string> = new Set([...POD_MAKING.values()].flatMap((set) => [...set]));

/** The object's RBAC meaning, or undefined (another kind, a binding of no service account). */
export function readAccess(obj: K8sObject, namespace: string): Access | undefined {
  if (!obj.node || !obj.name || !ACCESS_KINDS.has(`${apiGroupOf(obj.apiVersion) ?? ''}/${obj.kind}`)) return undefined;
  if (obj.kind === 'Role' || obj.kind === 'ClusterRole') {
    const createsPods = grantsPodCreation(getSeq(obj.node, 'rules')?.items ?? []);
    return { type: 'role', kind: obj.kind, name: obj.name, namespace: obj.kind === 'Role' ? namespace : undefined, createsPods };
  }
  // A RoleBinding or ClusterRoleBinding (ACCESS_KINDS holds nothing else).
  const roleRef = getMap(obj.node, 'roleRef');
  const roleKind = getString(roleRef, 'kind');
  const roleName = getString(roleRef, 'name');
  if (!roleKind || !roleName) return undefined;
  const serviceAccounts: ServiceAccountRef[] = [];
  for (const s of getSeq(obj.node, 'subjects')?.items ?? []) {
    const name = getString(s, 'name');
    if (getString(s, 'kind') !== 'ServiceAccount' || !name) continue;
    serviceAccounts.push({ namespace: getString(s, 'namespace') ?? namespace, name });
  }
  if (serviceAccounts.length === 0) return undefined;
  const kind = obj.kind === 'RoleBinding' ? 'RoleBinding' : 'ClusterRoleBinding';
  return { type: 'binding', kind, name: obj.name, namespace: kind === 'RoleBinding' ? namespace : undefined, roleKind, roleName, serviceAccounts };
}

function grantsPodCreation(rules: readonly YNode[]): boolean {
  const strings = (rule: YNode, key: string): string[] => stringListAt(rule, [key]) ?? [];
  return rules.some((rule) => {
    if ((getSeq(rule, 'resourceNames')?.items.length ?? 0) > 0) return false;
    const verbs = strings(rule, 'verbs');
    if (!verbs.includes('create') && !verbs.includes('*')) return false;
    const resources = strings(rule, 'resources');
    return strings(rule, 'apiGroups').some((group) => {
      const making = group === '*' ? ANY_GROUP : POD_MAKING.get(group);
      return making !== undefined && resources.some((resource) => resource === '*' || making.has(resource));
    });
  });
}

/** ClusterRoles every cluster has that let their subjects create pods (when the workspace defines none of that name). */
export const BUILT_IN_POD_CREATING_ROLES: ReadonlySet<string> = new Set(['cluster-admin', 'admin', 'edit']);
