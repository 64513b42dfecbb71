/**
 * A policy the API server would reject is never in force. The engine reads it as written, so
 * every surface that describes it says so: its own hovers, the hover of a workload it selects,
 * its CodeLens, the explanation of a connection it decides, the CLI listing's warnings. A policy
 * the API server accepts gets none of these.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, type NetpolLensSettings } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { listConnections } from '../../../server/src/cli/connectivityCommand';
import { codeLenses } from '../../../server/src/features/codeLenses';
import { explainTraffic } from '../../../server/src/features/explainTraffic';
import { hoverAt } from '../../../server/src/features/hover';
import { buildFileModel, type FileModel } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: app}
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: c
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: app}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: c
`;

const POLICIES = `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: legacy, namespace: app}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad-cidr, namespace: app}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock: {cidr: 10.0.0.0/33}
  - to:
    - podSelector: {matchLabels: {app: api}}
`;

const ACCEPTED = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: fine, namespace: app}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}
`;

function setup(policyText: string, settings: NetpolLensSettings = DEFAULT_SETTINGS): { analysis: WorkspaceAnalysis; workloads: FileModel; policies: FileModel; manifests: ManifestSet } {
  const workloads = buildFileModel('file:///workloads.yaml', WORKLOADS, 1);
  const policies = buildFileModel('file:///policies.yaml', policyText, 1);
  const manifests = new ManifestSet([workloads, policies], 1);
  return { analysis: new WorkspaceAnalysis(manifests, settings), workloads, policies, manifests };
}

const hover = (analysis: WorkspaceAnalysis, file: FileModel, needle: string): string => hoverAt(analysis, file, file.text.indexOf(needle) + 1)?.markdown ?? '';

describe('policies the API server rejects', () => {
  const { analysis, workloads, policies, manifests } = setup(POLICIES);

  it('the hover on the policy opens by saying it is never in force, and why', () => {
    const legacy = hover(analysis, policies, 'podSelector: {matchLabels: {app: api}}');
    assert.match(legacy, /^⚠ \*\*The API server rejects this policy: it is never in force\.\*\* `deprecated-api-version`: kubectl apply fails on Kubernetes ≥1\.16/);
    const cidr = hover(analysis, policies, 'ipBlock: {cidr: 10.0.0.0/33}');
    assert.match(cidr, /^⚠ \*\*The API server rejects this policy: it is never in force\.\*\* `ipblock-invalid-cidr`: "10\.0\.0\.0\/33" is not a valid CIDR/);
  });

  it('the hover on a workload it selects names it as rejected', () => {
    const md = hover(analysis, workloads, 'name: api');
    assert.match(md, /⚠ The API server rejects \[app\/legacy\]\([^)]*\) \(`deprecated-api-version`\): it is never in force/);
    assert.match(hover(analysis, workloads, 'name: web'), /⚠ The API server rejects \[app\/bad-cidr\]\([^)]*\) \(`ipblock-invalid-cidr`\)/);
  });

  it('its CodeLens says so before what it would do', () => {
    const titles = codeLenses(analysis, policies).map((l) => l.title);
    assert.equal(titles.filter((t) => t.startsWith('⚠ rejected by the API server, never in force · as written: selects 1 workload')).length, 2);
  });

  it('an explanation counting it says so', () => {
    const x = explainTraffic(analysis, { source: { workload: 'app/web' }, destination: { workload: 'app/api' } });
    assert.match(x.steps.find((s) => s.side === 'ingress')?.text ?? '', /counted as written, though the API server rejects app\/legacy \(deprecated-api-version\): never in force/);
    assert.match(x.steps.find((s) => s.side === 'egress')?.text ?? '', /rejects app\/bad-cidr \(ipblock-invalid-cidr\)/);
  });

  it('the CLI listing warns', () => {
    const { notes } = listConnections(manifests, DEFAULT_SETTINGS, {});
    assert.deepEqual(
      notes.filter((n) => n.includes('rejected by the API server')),
      [
        'NetworkPolicy app/legacy is rejected by the API server (deprecated-api-version), so never in force: this listing counts it as written',
        'NetworkPolicy app/bad-cidr is rejected by the API server (ipblock-invalid-cidr), so never in force: this listing counts it as written',
      ],
    );
  });

  it('extensions/v1beta1 is accepted where the target version still serves it', () => {
    const old = setup(POLICIES, { ...DEFAULT_SETTINGS, targetKubernetesVersion: '1.15' });
    assert.doesNotMatch(hover(old.analysis, old.policies, 'podSelector: {matchLabels: {app: api}}'), /rejects this policy/);
    assert.match(hover(old.analysis, old.policies, 'ipBlock: {cidr: 10.0.0.0/33}'), /rejects this policy/);
  });

  it('a rule turned off does not make the API server accept the policy', () => {
    const off = setup(POLICIES, { ...DEFAULT_SETTINGS, rules: { 'ipblock-invalid-cidr': 'off' } });
    assert.match(hover(off.analysis, off.policies, 'ipBlock: {cidr: 10.0.0.0/33}'), /rejects this policy/);
  });

  it('an accepted policy gets none of it', () => {
    const ok = setup(ACCEPTED);
    assert.doesNotMatch(hover(ok.analysis, ok.policies, 'podSelector'), /rejects/);
    assert.doesNotMatch(hover(ok.analysis, ok.workloads, 'name: api'), /rejects/);
    assert.ok(codeLenses(ok.analysis, ok.policies).every((l) => !l.title.includes('rejected')));
  });
});
