/**
 * prometheus-operator (monitoring.coreos.com). Labels and ports as its source builds them
 * (github.com/prometheus-operator/prometheus-operator, read at 6adcebc, 2026-08):
 *
 * - Prometheus `<n>`: one StatefulSet per shard, `prometheus-<n>` then `prometheus-<n>-shard-<i>`
 *   (pkg/prometheus/common.go `prometheusNameByShard`). Pod labels (pkg/prometheus/promcfg.go
 *   `BuildPodMetadata`, pkg/prometheus/server/statefulset.go): `app.kubernetes.io/version` (the
 *   Prometheus version), then `spec.podMetadata.labels`, then the selector labels, which win —
 *   `app.kubernetes.io/name: prometheus`, `app.kubernetes.io/managed-by: prometheus-operator`,
 *   `app.kubernetes.io/instance: <n>`, `operator.prometheus.io/name: <n>`, `prometheus: <n>`,
 *   `operator.prometheus.io/shard: <i>` (server/operator.go `makeSelectorLabels`).
 * - PrometheusAgent `<n>`: the same with prefix `prom-agent`, `app.kubernetes.io/name:
 *   prometheus-agent` and no `prometheus` label (agent/operator.go); in `mode: DaemonSet` one
 *   DaemonSet without shard label (agent/daemonset.go).
 * - Alertmanager `<n>`: StatefulSet `alertmanager-<n>`; version, then `spec.podMetadata.labels`,
 *   then `app.kubernetes.io/name: alertmanager`, managed-by, instance, `alertmanager: <n>`
 *   (pkg/alertmanager/statefulset.go, operator.go `makeSelectorLabels`).
 * - ThanosRuler `<n>`: StatefulSet `thanos-ruler-<n>`; `spec.podMetadata.labels`, then
 *   `app.kubernetes.io/name: thanos-ruler`, managed-by, instance, `thanos-ruler: <n>`, then the
 *   version label, which always wins (pkg/thanos/statefulset.go).
 *
 * Ports: the web port (`spec.portName`, default `web`) on 9090 / 9093 / 10902 unless
 * `listenLocal`, Alertmanager's `mesh-tcp`/`mesh-udp` 9094, Thanos Ruler's `grpc` 10901, the
 * config reloader's `reloader-web` 8080 (pkg/operator/config_reloader.go), the Thanos sidecar's
 * `http` 10902 and `grpc` 10901 when `spec.thanos` is set, and those of `spec.containers`.
 * Labels the operator adds from its own `--labels` flag are not known here.
 */
import type { NamedPort } from '../../engine/types';
import type { CatalogueEntry, CustomResource, OperatorPods } from './catalogueTypes';
import { podless } from './catalogueTypes';
import { containerPortsAt, hasMap, integerAt, isTrue, labelsAt, merged, port, semverOf, stringAt } from './resourceFields';
import { at } from '../../model/yamlTree';

const GROUP = 'monitoring.coreos.com';
const OPERATOR = 'prometheus-operator';
const MANAGED_BY = { 'app.kubernetes.io/managed-by': OPERATOR };
const VERSION = 'app.kubernetes.io/version';

function versionLabel(cr: CustomResource): Record<string, string> {
  const version = semverOf(stringAt(cr.node, ['spec', 'version']));
  return version ? { [VERSION]: version } : {};
}

function podMetadataLabels(cr: CustomResource): Record<string, string> {
  return labelsAt(cr.node, ['spec', 'podMetadata', 'labels']);
}

function webPort(cr: CustomResource, number: number): NamedPort[] {
  if (isTrue(at(cr.node, ['spec']), 'listenLocal')) return [];
  return [port(stringAt(cr.node, ['spec', 'portName']) || 'web', number)];
}

function commonPorts(cr: CustomResource): NamedPort[] {
  return [port('reloader-web', 8080), ...containerPortsAt(cr.node, ['spec'])];
}

function hostNetwork(cr: CustomResource): boolean {
  return isTrue(at(cr.node, ['spec']), 'hostNetwork');
}

/** Prometheus and PrometheusAgent: one StatefulSet per shard (or one DaemonSet). */
function prometheusPods(prefix: string, appName: string, agent: boolean) {
  return (cr: CustomResource): OperatorPods[] => {
    const base = `${prefix}-${cr.name}`;
    const selector = {
      ...MANAGED_BY,
      'app.kubernetes.io/name': appName,
      'app.kubernetes.io/instance': cr.name,
      'operator.prometheus.io/name': cr.name,
      ...(agent ? {} : { prometheus: cr.name }),
    };
    const namedPorts = [
      ...webPort(cr, 9090),
      ...(hasMap(cr.node, ['spec', 'thanos']) ? [port('http', 10902), port('grpc', 10901)] : []),
      ...commonPorts(cr),
    ];
    const labels = merged(versionLabel(cr), podMetadataLabels(cr), selector);
    if (agent && stringAt(cr.node, ['spec', 'mode']) === 'DaemonSet') return [{ name: base, labels, namedPorts, hostNetwork: hostNetwork(cr) }];
    const shards = Math.max(1, Math.min(integerAt(cr.node, ['spec', 'shards']) ?? 1, 64));
    return Array.from({ length: shards }, (_, i) => ({
      name: i === 0 ? base : `${base}-shard-${i}`,
      labels: { ...labels, 'operator.prometheus.io/shard': String(i) },
      namedPorts,
      hostNetwork: hostNetwork(cr),
    }));
  };
}

export const PROMETHEUS_OPERATOR: readonly CatalogueEntry[] = [
  { group: GROUP, kind: 'Prometheus', operator: OPERATOR, makesPods: true, pods: prometheusPods('prometheus', 'prometheus', false) },
  { group: GROUP, kind: 'PrometheusAgent', operator: OPERATOR, makesPods: true, pods: prometheusPods('prom-agent', 'prometheus-agent', true) },
  {
    group: GROUP,
    kind: 'Alertmanager',
    operator: OPERATOR,
    makesPods: true,
    pods: (cr) => [
      {
        name: `alertmanager-${cr.name}`,
        labels: merged(versionLabel(cr), podMetadataLabels(cr), {
          ...MANAGED_BY,
          'app.kubernetes.io/name': 'alertmanager',
          'app.kubernetes.io/instance': cr.name,
          alertmanager: cr.name,
        }),
        namedPorts: [...webPort(cr, 9093), port('mesh-tcp', 9094), port('mesh-udp', 9094, 'UDP'), ...commonPorts(cr)],
        hostNetwork: hostNetwork(cr),
      },
    ],
  },
  {
    group: GROUP,
    kind: 'ThanosRuler',
    operator: OPERATOR,
    makesPods: true,
    pods: (cr) => {
      const labels = merged(podMetadataLabels(cr), {
        ...MANAGED_BY,
        'app.kubernetes.io/name': 'thanos-ruler',
        'app.kubernetes.io/instance': cr.name,
        'thanos-ruler': cr.name,
      });
      // The operator writes its version label over the user's; without spec.version it is the operator's default.
      delete labels[VERSION];
      return [
        {
          name: `thanos-ruler-${cr.name}`,
          labels: merged(labels, versionLabel(cr)),
          namedPorts: [port('grpc', 10901), ...webPort(cr, 10902), ...commonPorts(cr)],
          hostNetwork: hostNetwork(cr),
        },
      ];
    },
  },
  // Configuration the Prometheus and Alertmanager pods read: no pods of their own.
  ...podless(GROUP, OPERATOR, ['ServiceMonitor', 'PodMonitor', 'Probe', 'PrometheusRule', 'ScrapeConfig', 'AlertmanagerConfig']),
];
