/**
 * Strimzi (kafka.strimzi.io). Labels as its cluster operator builds them
 * (github.com/strimzi/strimzi-kafka-operator, read at 8541da1, 2026-08):
 *
 * - Every component's pods get `Labels.generateDefaultLabels` (operator-common/.../Labels.java):
 *   the custom resource's own labels except `app.kubernetes.io/*` (but `part-of`) and
 *   `kustomize.toolkit.fluxcd.io*` (`STRIMZI_LABELS_EXCLUSION_PATTERN`), then `strimzi.io/kind`
 *   (the resource's kind), `strimzi.io/name` (the component, `<cluster>-entity-operator`, …),
 *   `strimzi.io/cluster` (the resource's name), `strimzi.io/component-type`,
 *   `app.kubernetes.io/name` (the component type), `app.kubernetes.io/instance` (the resource's
 *   name), `app.kubernetes.io/part-of: strimzi-<name>`, `app.kubernetes.io/managed-by:
 *   strimzi-cluster-operator`; then the labels of the component's `template.pod.metadata`
 *   (WorkloadUtils.java). Pods of a StrimziPodSet also get `strimzi.io/controller: strimzipodset`
 *   and `strimzi.io/controller-name` (and `strimzi.io/pod-name`, one per pod, not modelled).
 * - Kafka brokers and controllers come from KafkaNodePools (KafkaPool.java): pod set
 *   `<cluster>-<pool>`, the pool's own labels, `strimzi.io/kind: Kafka`, `strimzi.io/name:
 *   <cluster>-kafka`, `strimzi.io/pool-name`, `strimzi.io/broker-role` and
 *   `strimzi.io/controller-role` from `spec.roles` (KafkaCluster.java). The pool's
 *   `spec.template.pod` labels count; the Kafka's `spec.kafka.template.pod`, used when the pool
 *   has none, is not read from here.
 * - The Kafka resource makes the entity operator (`spec.entityOperator`), Cruise Control and
 *   Kafka Exporter Deployments; before node pools (no `strimzi.io/node-pools: enabled`
 *   annotation, `spec.kafka.replicas` set) also the brokers `<cluster>-kafka` and ZooKeeper
 *   `<cluster>-zookeeper`.
 * - KafkaConnect `<n>-connect`, KafkaMirrorMaker2 `<n>-mirrormaker2` (pod sets), KafkaBridge
 *   `<n>-bridge` (a Deployment).
 *
 * Container ports depend on listeners and metrics settings of the Kafka resource: known ones are
 * listed, the lists are marked partial.
 */
import type { NamedPort } from '../../engine/types';
import type { CatalogueEntry, CustomResource, OperatorPods } from './catalogueTypes';
import { podless } from './catalogueTypes';
import { hasMap, labelsAt, merged, port, stringAt, stringListAt } from './resourceFields';

const GROUP = 'kafka.strimzi.io';
const OPERATOR = 'Strimzi';
const EXCLUDED_LABEL = /^app\.kubernetes\.io\/(?!part-of)|^kustomize\.toolkit\.fluxcd\.io/;
const POD_SET = 'strimzipodset';

/** The resource's own labels that Strimzi passes on to what it creates. */
function inheritedLabels(cr: CustomResource): Record<string, string> {
  const own = labelsAt(cr.node, ['metadata', 'labels']);
  return Object.fromEntries(Object.entries(own).filter(([k]) => !EXCLUDED_LABEL.test(k)));
}

function defaultLabels(cr: CustomResource, kind: string, cluster: string, component: string, type: string): Record<string, string> {
  return {
    ...inheritedLabels(cr),
    'strimzi.io/kind': kind,
    'strimzi.io/name': component,
    'strimzi.io/cluster': cluster,
    'strimzi.io/component-type': type,
    'app.kubernetes.io/name': type,
    'app.kubernetes.io/instance': cluster,
    'app.kubernetes.io/part-of': `strimzi-${cluster}`,
    'app.kubernetes.io/managed-by': 'strimzi-cluster-operator',
  };
}

function component(
  cr: CustomResource,
  name: string,
  type: string,
  templatePath: readonly string[],
  podSet: boolean,
  namedPorts: readonly NamedPort[] = [],
): OperatorPods {
  return {
    name,
    labels: merged(
      defaultLabels(cr, kindOf(cr), cr.name, name, type),
      podSet ? { 'strimzi.io/controller': POD_SET, 'strimzi.io/controller-name': name } : {},
      labelsAt(cr.node, [...templatePath, 'pod', 'metadata', 'labels']),
    ),
    namedPorts,
    portsPartial: true,
  };
}

function kindOf(cr: CustomResource): string {
  return stringAt(cr.node, ['kind']) ?? '';
}

function kafkaPods(cr: CustomResource): OperatorPods[] {
  const out: OperatorPods[] = [];
  const pools = stringAt(cr.node, ['metadata', 'annotations', 'strimzi.io/node-pools']) === 'enabled';
  if (!pools && stringAt(cr.node, ['spec', 'kafka', 'replicas']) !== undefined) {
    out.push(component(cr, `${cr.name}-kafka`, 'kafka', ['spec', 'kafka', 'template'], true));
  }
  if (hasMap(cr.node, ['spec', 'zookeeper'])) out.push(component(cr, `${cr.name}-zookeeper`, 'zookeeper', ['spec', 'zookeeper', 'template'], true));
  if (hasMap(cr.node, ['spec', 'entityOperator'])) {
    out.push(component(cr, `${cr.name}-entity-operator`, 'entity-operator', ['spec', 'entityOperator', 'template'], false));
  }
  if (hasMap(cr.node, ['spec', 'cruiseControl'])) {
    out.push(component(cr, `${cr.name}-cruise-control`, 'cruise-control', ['spec', 'cruiseControl', 'template'], false, [port('rest-api', 9090)]));
  }
  if (hasMap(cr.node, ['spec', 'kafkaExporter'])) {
    out.push(component(cr, `${cr.name}-kafka-exporter`, 'kafka-exporter', ['spec', 'kafkaExporter', 'template'], false, [port('tcp-prometheus', 9404)]));
  }
  return out;
}

function nodePoolPods(cr: CustomResource): OperatorPods[] {
  // A pool belongs to the Kafka its `strimzi.io/cluster` label names; without one no pod is made.
  const cluster = stringAt(cr.node, ['metadata', 'labels', 'strimzi.io/cluster']);
  if (!cluster) return [];
  const roles = stringListAt(cr.node, ['spec', 'roles']) ?? [];
  const broker = roles.includes('broker');
  const controller = roles.includes('controller');
  const name = `${cluster}-${cr.name}`;
  return [
    {
      name,
      labels: merged(
        defaultLabels(cr, 'Kafka', cluster, `${cluster}-kafka`, 'kafka'),
        {
          'strimzi.io/pool-name': cr.name,
          'strimzi.io/broker-role': String(broker),
          'strimzi.io/controller-role': String(controller),
          'strimzi.io/controller': POD_SET,
          'strimzi.io/controller-name': name,
        },
        labelsAt(cr.node, ['spec', 'template', 'pod', 'metadata', 'labels']),
      ),
      namedPorts: [
        port('tcp-kafkaagent', 8443),
        ...(controller ? [port('tcp-ctrlplane', 9090)] : []),
        ...(broker ? [port('tcp-replication', 9091)] : []),
      ],
      portsPartial: true,
    },
  ];
}

export const STRIMZI: readonly CatalogueEntry[] = [
  { group: GROUP, kind: 'Kafka', operator: OPERATOR, makesPods: true, pods: kafkaPods },
  { group: GROUP, kind: 'KafkaNodePool', operator: OPERATOR, makesPods: true, pods: nodePoolPods },
  {
    group: GROUP,
    kind: 'KafkaConnect',
    operator: OPERATOR,
    makesPods: true,
    pods: (cr) => [component(cr, `${cr.name}-connect`, 'kafka-connect', ['spec', 'template'], true, [port('rest-api', 8083)])],
  },
  {
    group: GROUP,
    kind: 'KafkaMirrorMaker2',
    operator: OPERATOR,
    makesPods: true,
    pods: (cr) => [component(cr, `${cr.name}-mirrormaker2`, 'kafka-mirror-maker-2', ['spec', 'template'], true, [port('rest-api', 8083)])],
  },
  {
    group: GROUP,
    kind: 'KafkaBridge',
    operator: OPERATOR,
    makesPods: true,
    pods: (cr) => [component(cr, `${cr.name}-bridge`, 'kafka-bridge', ['spec', 'template'], false, [port('rest-api', 8080), port('rest-api-mgmt', 8081)])],
  },
  // Managed by the entity operator and the Kafka brokers: no pods of their own.
  ...podless(GROUP, OPERATOR, ['KafkaTopic', 'KafkaUser', 'KafkaConnector', 'KafkaRebalance']),
];
