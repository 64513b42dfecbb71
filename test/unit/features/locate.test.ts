/** What is under the cursor: workload parts, a policy's podSelector, peers, ipBlocks, ports; odd shapes locate nothing. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFileModel } from '../../../server/src/model/fileModel';
import { locate } from '../../../server/src/features/locate';

const TEXT = `apiVersion: apps/v1
kind: CronJob
metadata:
  name: backup
spec:
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            app: backup
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
spec:
  podSelector: {matchLabels: {app: backup}}
  egress:
  - to:
    - namespaceSelector: {}
      podSelector: {matchLabels: {app: db}}
    - ipBlock: {cidr: 10.0.0.0/8}
    ports:
    - port: 5432
  - ports: 80
---
apiVersion: v1
kind: Service
metadata:
  name: svc
`;

const file = buildFileModel('file:///x.yaml', TEXT, 1);
const at = (needle: string, shift = 1) => locate(file, TEXT.indexOf(needle) + shift);

describe('locate', () => {
  it('finds a workload by its name, kind and pod-template labels (a CronJob’s job template)', () => {
    const byName = at('name: backup');
    assert.equal(byName?.type === 'workload' ? byName.part : undefined, 'name');
    const byKind = at('kind: CronJob');
    assert.equal(byKind?.type === 'workload' ? byKind.part : undefined, 'kind');
    const byLabel = at('app: backup');
    assert.equal(byLabel?.type === 'workload' ? byLabel.part : undefined, 'label');
    assert.equal(byLabel?.start, TEXT.indexOf('app: backup'));
    assert.equal(at('jobTemplate'), undefined);
  });

  it('finds the policy podSelector, each peer selector, an ipBlock and a port with their indexes', () => {
    assert.equal(at('podSelector: {matchLabels: {app: backup}}')?.type, 'policySelector');
    const ns = at('namespaceSelector');
    assert.deepEqual(ns?.type === 'peer' ? [ns.direction, ns.ruleIndex, ns.peerIndex, ns.part] : undefined, ['egress', 0, 0, 'namespaceSelector']);
    const pod = at('podSelector: {matchLabels: {app: db}}');
    assert.deepEqual(pod?.type === 'peer' ? [pod.peerIndex, pod.part] : undefined, [0, 'podSelector']);
    const block = at('cidr: 10');
    assert.deepEqual(block?.type === 'ipBlock' ? [block.ruleIndex, block.peerIndex] : undefined, [0, 1]);
    const port = at('port: 5432');
    assert.deepEqual(port?.type === 'port' ? [port.ruleIndex, port.portIndex] : undefined, [0, 0]);
  });

  it('finds a rule by its `to` and `ports` keys', () => {
    const to = at('to:');
    assert.deepEqual(to?.type === 'rule' ? [to.direction, to.ruleIndex, to.start] : undefined, ['egress', 0, TEXT.indexOf('to:')]);
    const ports = at('ports:\n    - port: 5432');
    assert.deepEqual(ports?.type === 'rule' ? [ports.ruleIndex] : undefined, [0]);
  });

  it('odd shapes and other kinds locate nothing, without throwing', () => {
    assert.equal(at('ports: 80'), undefined);
    assert.equal(at('name: svc'), undefined);
    assert.equal(at('name: p'), undefined);
    assert.equal(locate(buildFileModel('file:///y.yaml', 'kind: [\n', 1), 2), undefined);
  });
});
