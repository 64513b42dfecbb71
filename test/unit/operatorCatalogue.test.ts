/** The operator catalogue: which documents are read in full, and the pods each operator makes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractFile } from '../../server/src/analysis/fileExtraction';
import { CATALOGUE } from '../../server/src/analysis/operators/catalogue';
import { buildFileModel } from '../../server/src/model/fileModel';
import { OPERATOR_KINDS } from '../../server/src/model/k8sObject';
import type { Workload } from '../../server/src/engine/types';

function workloads(yaml: string): Workload[] {
  return extractFile(buildFileModel('file:///crs.yaml', yaml, 1), 'default').workloads.map((w) => w.value);
}

function one(yaml: string, id: string): Workload {
  const found = workloads(yaml).find((w) => w.id === id);
  assert.ok(found, `no workload ${id} in ${workloads(yaml).map((w) => w.id).join(', ')}`);
  return found;
}

describe('operator catalogue', () => {
  it('parses in full exactly the kinds whose operators make pods', () => {
    const makingPods = CATALOGUE.filter((e) => e.makesPods).map((e) => `${e.group}/${e.kind}`);
    assert.deepEqual([...OPERATOR_KINDS].sort(), makingPods.sort());
    assert.equal(new Set(CATALOGUE.map((e) => `${e.group}/${e.kind}`)).size, CATALOGUE.length, 'one entry per kind');
  });

  it('Prometheus: one workload per shard, podMetadata labels under the selector labels', () => {
    const yaml = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s, namespace: monitoring}
spec:
  version: v2.54.1
  shards: 2
  podMetadata:
    labels: {team: obs, prometheus: overridden}
  thanos: {}
`;
    const shard1 = one(yaml, 'monitoring/prometheus-k8s-shard-1[Prometheus]');
    assert.deepEqual(shard1.labels, {
      'app.kubernetes.io/version': '2.54.1',
      team: 'obs',
      prometheus: 'k8s',
      'app.kubernetes.io/managed-by': 'prometheus-operator',
      'app.kubernetes.io/name': 'prometheus',
      'app.kubernetes.io/instance': 'k8s',
      'operator.prometheus.io/name': 'k8s',
      'operator.prometheus.io/shard': '1',
    });
    assert.deepEqual(
      shard1.namedPorts.map((p) => `${p.name}:${p.port}`),
      ['web:9090', 'http:10902', 'grpc:10901', 'reloader-web:8080'],
    );
    assert.ok(one(yaml, 'monitoring/prometheus-k8s[Prometheus]'));
  });

  it('ThanosRuler: the operator writes the version label over the user one', () => {
    const w = one(
      'apiVersion: monitoring.coreos.com/v1\nkind: ThanosRuler\nmetadata: {name: r, namespace: m}\nspec:\n  podMetadata: {labels: {app.kubernetes.io/version: mine}}\n',
      'm/thanos-ruler-r[ThanosRuler]',
    );
    assert.equal(w.labels['app.kubernetes.io/version'], undefined);
    assert.equal(w.labels['thanos-ruler'], 'r');
  });

  it('Strimzi: node pools make the brokers, the Kafka the entity operator', () => {
    const yaml = `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
  namespace: kafka
  labels: {app.kubernetes.io/name: dropped, team: data}
  annotations: {strimzi.io/node-pools: enabled}
spec:
  kafka: {version: 4.0.0}
  entityOperator: {topicOperator: {}}
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: brokers
  namespace: kafka
  labels: {strimzi.io/cluster: my-cluster}
spec:
  replicas: 3
  roles: [broker]
  template:
    pod:
      metadata: {labels: {tier: hot}}
`;
    assert.deepEqual(
      workloads(yaml).map((w) => w.id),
      ['kafka/my-cluster-entity-operator[Kafka]', 'kafka/my-cluster-brokers[KafkaNodePool]'],
    );
    const eo = one(yaml, 'kafka/my-cluster-entity-operator[Kafka]');
    assert.equal(eo.labels['strimzi.io/name'], 'my-cluster-entity-operator');
    assert.equal(eo.labels['app.kubernetes.io/name'], 'entity-operator');
    assert.equal(eo.labels.team, 'data');
    const brokers = one(yaml, 'kafka/my-cluster-brokers[KafkaNodePool]');
    assert.deepEqual(
      Object.fromEntries(['strimzi.io/cluster', 'strimzi.io/kind', 'strimzi.io/name', 'strimzi.io/pool-name', 'strimzi.io/broker-role', 'strimzi.io/controller-role', 'tier'].map((k) => [k, brokers.labels[k]])),
      {
        'strimzi.io/cluster': 'my-cluster',
        'strimzi.io/kind': 'Kafka',
        'strimzi.io/name': 'my-cluster-kafka',
        'strimzi.io/pool-name': 'brokers',
        'strimzi.io/broker-role': 'true',
        'strimzi.io/controller-role': 'false',
        tier: 'hot',
      },
    );
    assert.equal(brokers.namedPortsPartial, true);
  });

  it('Strimzi before node pools: the Kafka makes brokers and ZooKeeper', () => {
    const ids = workloads('apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: c, namespace: k}\nspec:\n  kafka: {replicas: 3}\n  zookeeper: {replicas: 3}\n').map((w) => w.id);
    assert.deepEqual(ids, ['k/c-kafka[Kafka]', 'k/c-zookeeper[Kafka]']);
  });

  it('CloudNativePG: one workload per instance, the first the primary; inherited labels win', () => {
    const yaml = `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: {name: db, namespace: shop}
spec:
  instances: 2
  imageName: ghcr.io/cloudnative-pg/postgresql:16.4
  inheritedMetadata: {labels: {app.kubernetes.io/component: mine}}
`;
    const primary = one(yaml, 'shop/db-1[Cluster]');
    assert.equal(primary.labels['cnpg.io/instanceRole'], 'primary');
    assert.equal(primary.labels.role, 'primary');
    assert.equal(primary.labels['app.kubernetes.io/version'], '16');
    assert.equal(primary.labels['app.kubernetes.io/component'], 'mine');
    assert.equal(one(yaml, 'shop/db-2[Cluster]').labels['cnpg.io/instanceRole'], 'replica');
  });

  it('ECK: node set roles by version and config, podTemplate labels win', () => {
    const yaml = `apiVersion: elasticsearch.k8s.elastic.co/v1
kind: Elasticsearch
metadata: {name: logs, namespace: elastic}
spec:
  version: 8.15.0
  http: {tls: {selfSignedCertificate: {disabled: true}}}
  nodeSets:
  - name: masters
    config: {node.roles: [master]}
    podTemplate:
      metadata: {labels: {common.k8s.elastic.co/type: custom}}
  - name: data
---
apiVersion: kibana.k8s.elastic.co/v1
kind: Kibana
metadata: {name: kb, namespace: elastic}
spec: {version: 8.15.0}
`;
    const masters = one(yaml, 'elastic/logs-es-masters[Elasticsearch]');
    assert.equal(masters.labels['elasticsearch.k8s.elastic.co/node-master'], 'true');
    assert.equal(masters.labels['elasticsearch.k8s.elastic.co/node-data'], 'false');
    assert.equal(masters.labels['elasticsearch.k8s.elastic.co/http-scheme'], 'http');
    assert.equal(masters.labels['common.k8s.elastic.co/type'], 'custom');
    const data = one(yaml, 'elastic/logs-es-data[Elasticsearch]');
    assert.equal(data.labels['elasticsearch.k8s.elastic.co/node-data_frozen'], 'true');
    assert.equal(data.labels['elasticsearch.k8s.elastic.co/node-voting_only'], 'false');
    assert.deepEqual(data.namedPorts.map((p) => p.name), ['http', 'transport']);
    const kibana = one(yaml, 'elastic/kb-kb[Kibana]');
    assert.deepEqual(kibana.labels, { 'common.k8s.elastic.co/type': 'kibana', 'kibana.k8s.elastic.co/name': 'kb', 'kibana.k8s.elastic.co/version': '8.15.0' });
  });

  it('a custom resource with a pod template is a workload; one without is an unknown resource', () => {
    const yaml = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: true
      containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
  namespace: shop
spec: {size: 1}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: sm
  namespace: shop
`;
    const extraction = extractFile(buildFileModel('file:///crs.yaml', yaml, 1), 'default');
    assert.deepEqual(
      extraction.workloads.map((w) => w.value),
      [{ id: 'shop/web[Rollout]', name: 'web', namespace: 'shop', kind: 'Rollout', labels: { app: 'web' }, namedPorts: [{ name: 'http', port: 8080, protocol: 'TCP' }], hostNetwork: true }],
    );
    assert.deepEqual(
      extraction.unknownResources.map((r) => r.value),
      [{ kind: 'Widget', name: 'w', namespace: 'shop' }],
    );
  });
});
