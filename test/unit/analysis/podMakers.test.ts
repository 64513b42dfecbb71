/**
 * Which RBAC rules let a service account create pods (analysis/readAccess.ts), and which bindings
 * make that a grant in which namespace (analysis/podMakers.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { readAccess, type Access } from '../../../server/src/analysis/readAccess';
import { podCreatorGrants } from '../../../server/src/analysis/podMakers';
import type { Sourced } from '../../../server/src/analysis/fileExtraction';

function access(text: string): Sourced<Access>[] {
  const file = buildFileModel('file:///ws/rbac.yaml', text, 1);
  return file.objects.flatMap((obj) => {
    const value = readAccess(obj, obj.namespace ?? 'default');
    return value ? [{ value, source: obj }] : [];
  });
}

const clusterRole = (rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules: ${rules}\n`;
const createsPods = (rules: string): boolean => {
  const [role] = access(clusterRole(rules));
  return role?.value.type === 'role' && role.value.createsPods;
};

describe('a role lets its subjects create pods', () => {
  const cases: [string, boolean][] = [
    ['[{apiGroups: [""], resources: [pods], verbs: [create]}]', true],
    ['[{apiGroups: [""], resources: [pods], verbs: ["*"]}]', true],
    ['[{apiGroups: [apps], resources: [statefulsets], verbs: [create]}]', true],
    ['[{apiGroups: [batch], resources: [cronjobs], verbs: [create]}]', true],
    ['[{apiGroups: ["*"], resources: [deployments], verbs: [create]}]', true],
    ['[{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]', true],
    ['[{apiGroups: [""], resources: [replicationcontrollers], verbs: [create]}]', true],
    // Read-only, another group's resource, another resource, create restricted by name.
    ['[{apiGroups: [""], resources: [pods], verbs: [get, list, watch, delete]}]', false],
    ['[{apiGroups: [apps], resources: [pods], verbs: [create]}]', false],
    ['[{apiGroups: [networking.istio.io], resources: ["*"], verbs: [create]}]', false],
    ['[{apiGroups: [""], resources: [configmaps, pods/log], verbs: [create]}]', false],
    ['[{apiGroups: [apps], resources: [deployments], resourceNames: [web], verbs: [create]}]', false],
    ['[]', false],
  ];
  for (const [rules, expected] of cases) it(`${rules} → ${expected}`, () => assert.equal(createsPods(rules), expected));
});

describe('bindings grant pod creation', () => {
  const grants = (text: string): [string, string, string][] =>
    podCreatorGrants(access(text)).map((g) => [`${g.serviceAccount.namespace}/${g.serviceAccount.name}`, g.namespace, g.role]);
  const roleBinding = (ns: string, roleKind: string, roleName: string, subject: string): string =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: ${ns}}\nroleRef: {kind: ${roleKind}, name: ${roleName}}\nsubjects: [${subject}]\n`;
  const role = (ns: string, verb: string): string =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: maker, namespace: ${ns}}\nrules: [{apiGroups: [""], resources: [pods], verbs: [${verb}]}]\n`;

  it('a RoleBinding grants in its namespace, to a subject of any namespace (none written: its own)', () => {
    const text = [role('a', 'create'), roleBinding('a', 'Role', 'maker', '{kind: ServiceAccount, name: ctl, namespace: b}, {kind: ServiceAccount, name: self}, {kind: User, name: alice}')].join('---\n');
    assert.deepEqual(grants(text), [
      ['b/ctl', 'a', 'Role a/maker'],
      ['a/self', 'a', 'Role a/maker'],
    ]);
  });

  it('a RoleBinding names a Role of its own namespace only', () => {
    assert.deepEqual(grants([role('a', 'create'), roleBinding('b', 'Role', 'maker', '{kind: ServiceAccount, name: ctl}')].join('---\n')), []);
  });

  it('a role that grants no creation grants nothing', () => {
    assert.deepEqual(grants([role('a', 'get'), roleBinding('a', 'Role', 'maker', '{kind: ServiceAccount, name: ctl}')].join('---\n')), []);
  });

  it('built-in ClusterRoles that create pods count, unless the workspace defines one of that name', () => {
    assert.deepEqual(grants(roleBinding('a', 'ClusterRole', 'edit', '{kind: ServiceAccount, name: ctl}')), [['a/ctl', 'a', 'ClusterRole edit']]);
    assert.deepEqual(grants(roleBinding('a', 'ClusterRole', 'view', '{kind: ServiceAccount, name: ctl}')), []);
    const ownEdit = `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: edit}\nrules: [{apiGroups: [""], resources: [configmaps], verbs: [create]}]\n`;
    assert.deepEqual(grants([ownEdit, roleBinding('a', 'ClusterRole', 'edit', '{kind: ServiceAccount, name: ctl}')].join('---\n')), []);
  });

  it("a ClusterRoleBinding's grant is read as the service account's own namespace", () => {
    const text = `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: ctl, namespace: ops}]\n`;
    assert.deepEqual(grants(text), [['ops/ctl', 'ops', 'ClusterRole cluster-admin']]);
  });

  it('an aggregated ClusterRole counts by its own rules only', () => {
    const aggregated = `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: agg}\naggregationRule: {clusterRoleSelectors: [{matchLabels: {x: y}}]}\nrules: []\n`;
    const labelled = `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: part, labels: {x: y}}\nrules: [{apiGroups: [""], resources: [pods], verbs: [create]}]\n`;
    assert.deepEqual(grants([aggregated, labelled, roleBinding('a', 'ClusterRole', 'agg', '{kind: ServiceAccount, name: ctl}')].join('---\n')), []);
  });
});
