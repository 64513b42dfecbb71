/**
 * Hover wording that read wrong to a new user: "isolated by 1 policy … the union of their rules",
 * "(none in this workspace): no workload in this workspace", and "minus 1 except" for an except
 * that removes nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { hoverAt } from '../../../server/src/features/hover';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';

const WORKLOAD = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: app}
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: c
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: app}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress:
  - from:
    - namespaceSelector:
        matchLabels: {name: shop}
    - ipBlock:
        cidr: 10.0.0.0/24
        except: [192.168.0.0/16]
    - ipBlock:
        cidr: 172.16.0.0/12
        except: [172.16.0.0/16, 10.1.0.0/16]
`;

const workloads = buildFileModel('file:///workloads.yaml', WORKLOAD, 1);
const policies = buildFileModel('file:///policies.yaml', POLICY, 1);
const analysis = new WorkspaceAnalysis(new ManifestSet([workloads, policies], 1), DEFAULT_SETTINGS);
const hover = (file: typeof policies, needle: string, shift = 1): string => hoverAt(analysis, file, file.text.indexOf(needle) + shift)?.markdown ?? '';

describe('hover wording', () => {
  it('one isolating policy: "its rules", not "the union of their rules"', () => {
    const md = hover(workloads, 'name: api');
    assert.match(md, /Ingress\*\* — isolated by 1 policy\. Allowed by its rules, everything else denied:/);
    assert.doesNotMatch(md, /union of their rules/);
  });

  it('a namespaceSelector matching no namespace is said once', () => {
    const md = hover(workloads, 'name: api');
    assert.match(md, /- from all pods in namespaces `name=shop`: no such namespace in this workspace on /);
    assert.doesNotMatch(md, /none in this workspace\): no workload/);
  });

  it('an except outside the cidr is not counted as removing anything', () => {
    const md = hover(policies, 'cidr: 10.0.0.0/24', 2);
    assert.match(md, /^\*\*`10\.0\.0\.0\/24`\*\* = 1 range, 256 addresses/m);
    assert.match(md, /1 except lies outside `10\.0\.0\.0\/24` and removes nothing\./);
  });

  it('only the excepts inside the cidr are counted', () => {
    const md = hover(policies, 'cidr: 172.16.0.0/12', 2);
    assert.match(md, /^\*\*`172\.16\.0\.0\/12` minus 1 except\*\* = /m);
  });
});

describe('the hover on a podSelector selecting nothing says what the finding says', () => {
  const controller = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: manager, namespace: storage}
spec:
  template:
    metadata:
      labels: {app: manager}
    spec:
      serviceAccountName: manager
      containers: [{name: manager, image: m}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: manager, namespace: storage}
rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: manager, namespace: storage}
roleRef: {kind: Role, name: manager}
subjects: [{kind: ServiceAccount, name: manager}]
`;
  const policy = (ns: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: im, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: instance-manager}}
`;

  it('where a controller may make the pods: that it may, and who', () => {
    const files = [buildFileModel('file:///c.yaml', controller, 1), buildFileModel('file:///p.yaml', policy('storage'), 1)];
    const a = new WorkspaceAnalysis(new ManifestSet(files, 1), DEFAULT_SETTINGS);
    const md = hoverAt(a, files[1] as (typeof files)[number], policy('storage').indexOf('podSelector') + 1)?.markdown ?? '';
    assert.match(md, /^\*\*Selects none in this workspace\*\*/);
    assert.match(md, /but its pods may be created by storage\/manager\[DaemonSet\] \(service account storage\/manager, which Role storage\/manager lets create pods\): if they are not, this policy has no effect\./);
  });

  it('elsewhere: no effect', () => {
    const files = [buildFileModel('file:///c.yaml', controller, 1), buildFileModel('file:///p.yaml', policy('other'), 1)];
    const a = new WorkspaceAnalysis(new ManifestSet(files, 1), DEFAULT_SETTINGS);
    const md = hoverAt(a, files[1] as (typeof files)[number], policy('other').indexOf('podSelector') + 1)?.markdown ?? '';
    assert.match(md, /this policy has no effect here\.$/);
  });
});
