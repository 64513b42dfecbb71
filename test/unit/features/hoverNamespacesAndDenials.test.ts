/**
 * What hovers say about namespaces the workspace does not hold and about the addresses a
 * workload may not reach: `kube-system` exists in every cluster (its workloads are deployed from
 * elsewhere), `namespaceSelector: {}` is every namespace, and the denied line names the denied
 * ranges per IP family when they are few.
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
metadata:
  name: api
  namespace: app
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: c
        ports:
        - {name: http, containerPort: 8080}
`;

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
  namespace: app
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - {protocol: UDP, port: 53}
  - to:
    - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}
    - ipBlock: {cidr: 2001:db8::/32}
    ports:
    - {port: 443}
  - to:
    - namespaceSelector: {}
    ports:
    - {port: http}
`;

const workloads = buildFileModel('file:///workloads.yaml', WORKLOAD, 1);
const policies = buildFileModel('file:///policies.yaml', POLICY, 1);
const analysis = new WorkspaceAnalysis(new ManifestSet([workloads, policies], 1), DEFAULT_SETTINGS);
const hover = (file: typeof policies, needle: string, shift = 1): string => hoverAt(analysis, file, file.text.indexOf(needle) + shift)?.markdown ?? '';

describe('hovers on namespaces outside the workspace and on denied addresses', () => {
  it('a peer naming kube-system says the namespace exists in every cluster, its workloads elsewhere', () => {
    const md = hover(policies, 'k8s-app: kube-dns');
    assert.match(md, /^\*\*Peer `egress\[0\]\.to\[0\]`\*\* matches 0 workloads/);
    assert.match(md, /Namespaces: `kube-system` \(in every cluster; its workloads are not in this workspace\)\./);
  });

  it('the workload hover lists that peer with its namespace, not as matching no namespace', () => {
    const md = hover(workloads, 'name: api');
    assert.match(md, /- to pods `k8s-app=kube-dns` in `kube-system` \(built in, workloads not here\) on UDP 53 — \[api-egress\]/);
  });

  it('an empty namespaceSelector is every pod of every namespace', () => {
    assert.match(hover(policies, 'namespaceSelector: {}'), /namespaceSelector alone: every pod of every namespace\./);
  });

  it('the denied line names the few denied IPv4 ranges, and what lies outside the allowed IPv6 block', () => {
    const md = hover(workloads, 'name: api');
    assert.match(md, /\n\nDenied: IPv4 `10\.0\.0\.0\/8`, `192\.168\.0\.0\/16`, every IPv6 address outside `2001:db8::\/32`\.\n/);
  });

  it('the workload hover says in one line what the workload is exposed to beyond the workspace', () => {
    const md = hover(workloads, 'name: api');
    assert.match(
      md,
      /^Exposed beyond this workspace — ingress: everything \(no policy isolates it\) · egress: every pod of every namespace on TCP http; pods `k8s-app=kube-dns` of namespace `kube-system` \(no such workload here\) on TCP http,UDP 53; every IPv4 address outside `10\.0\.0\.0\/8`, `192\.168\.0\.0\/16` and IPv6 `2001:db8::\/32` on TCP 443\.$/m,
    );
  });
});
