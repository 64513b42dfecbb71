/**
 * Elastic Cloud on Kubernetes (elasticsearch.k8s.elastic.co, kibana.k8s.elastic.co). Labels as
 * its source builds them (github.com/elastic/cloud-on-k8s, read at 7b93383, 2026-08):
 *
 * - Elasticsearch `<es>`: one StatefulSet per `spec.nodeSets[]`, `<es>-es-<nodeSet>`
 *   (pkg/apis/elasticsearch/v1/name.go). Pod labels (pkg/controller/elasticsearch/label/label.go
 *   `NewPodLabels`): `common.k8s.elastic.co/type: elasticsearch`,
 *   `elasticsearch.k8s.elastic.co/cluster-name`, `…/statefulset-name`, `…/version`,
 *   `…/http-scheme` (`https` unless the self-signed certificate is disabled without a
 *   certificate of one's own), and `…/node-<role>: "true"|"false"` for the roles of the node
 *   set's `config` (`node.roles`, else the legacy `node.master`… booleans, all true but
 *   voting_only by default; elasticsearch_config.go `IsConfiguredWithRole`), each role from the
 *   version that has it. The node set's `podTemplate.metadata.labels` win over all of these
 *   (nodespec/podspec.go, `WithLabels` keeps existing keys). Ports `https`/`http` 9200 and
 *   `transport` 9300.
 * - Kibana `<kb>`: Deployment `<kb>-kb`, pods labelled `common.k8s.elastic.co/type: kibana`,
 *   `kibana.k8s.elastic.co/name`, `kibana.k8s.elastic.co/version` (`spec.version`), under the
 *   `podTemplate.metadata.labels` (pkg/controller/kibana/pod.go). Port `https`/`http` 5601.
 */
import { at, getMap, isMap, isSeq, scalarString, type YNode } from '../../model/yamlTree';
import type { CatalogueEntry, CustomResource, OperatorPods } from './catalogueTypes';
import { containerPortsAt, isTrue, labelsAt, merged, port, semverOf, stringAt, stringListAt } from './resourceFields';

const OPERATOR = 'ECK';

/** `https` unless TLS is switched off (`spec.http.tls.selfSignedCertificate.disabled` without a certificate). */
function httpScheme(cr: CustomResource): string {
  const tls = at(cr.node, ['spec', 'http', 'tls']);
  const disabled = isTrue(at(tls, ['selfSignedCertificate']), 'disabled');
  return disabled && !stringAt(tls, ['certificate', 'secretName']) ? 'http' : 'https';
}

/** A setting of an Elasticsearch `config`, written flat (`node.roles`) or nested (`node: {roles}`). */
function setting(config: YNode | undefined, key: string): YNode | undefined {
  if (!isMap(config)) return undefined;
  const flat = config.pairs.find((p) => p.key.source === `node.${key}`);
  return flat ? flat.value : at(getMap(config, 'node'), [key]);
}

function flag(config: YNode | undefined, key: string, fallback: boolean): boolean {
  const v = setting(config, key);
  const text = scalarString(v);
  return text === undefined ? fallback : text === 'true';
}

/** Role label values (label suffix → configured) for a node set, as `NewPodLabels` writes them for `version`. */
function roleLabels(config: YNode | undefined, version: readonly [number, number]): Record<string, string> {
  const rolesNode = setting(config, 'roles');
  const roles = isSeq(rolesNode) ? (stringListAt(rolesNode, []) ?? []) : undefined;
  const has = (role: string, legacy: () => boolean): boolean => (roles ? roles.includes(role) : legacy());
  const data = (): boolean => flag(config, 'data', true);
  const since = (major: number, minor: number): boolean => version[0] > major || (version[0] === major && version[1] >= minor);
  const out: Record<string, string> = {};
  const set = (role: string, value: boolean): void => {
    out[`elasticsearch.k8s.elastic.co/node-${role}`] = String(value);
  };
  set('master', has('master', () => flag(config, 'master', true)));
  set('data', has('data', data));
  set('ingest', has('ingest', () => flag(config, 'ingest', true)));
  set('ml', has('ml', () => flag(config, 'ml', true)));
  if (since(7, 7)) {
    set('transform', has('transform', () => flag(config, 'transform', data())));
    set('remote_cluster_client', has('remote_cluster_client', () => flag(config, 'remote_cluster_client', true)));
  }
  if (since(7, 3)) set('voting_only', has('voting_only', () => flag(config, 'voting_only', false)));
  if (since(7, 10)) for (const tier of ['data_content', 'data_cold', 'data_hot', 'data_warm']) set(tier, has(tier, data));
  if (since(7, 12)) set('data_frozen', has('data_frozen', data));
  return out;
}

function elasticsearchPods(cr: CustomResource): OperatorPods[] {
  const version = semverOf(stringAt(cr.node, ['spec', 'version']));
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number);
  const scheme = httpScheme(cr);
  const nodeSets = at(cr.node, ['spec', 'nodeSets']);
  if (!isSeq(nodeSets)) return [];
  return nodeSets.items.flatMap((nodeSet): OperatorPods[] => {
    const setName = stringAt(nodeSet, ['name']);
    if (!setName) return [];
    const name = `${cr.name}-es-${setName}`;
    const operatorLabels = {
      'common.k8s.elastic.co/type': 'elasticsearch',
      'elasticsearch.k8s.elastic.co/cluster-name': cr.name,
      'elasticsearch.k8s.elastic.co/statefulset-name': name,
      'elasticsearch.k8s.elastic.co/http-scheme': scheme,
      ...(version ? { 'elasticsearch.k8s.elastic.co/version': version, ...roleLabels(at(nodeSet, ['config']), [major, minor]) } : {}),
    };
    const podSpec = at(nodeSet, ['podTemplate', 'spec']);
    return [
      {
        name,
        labels: merged(operatorLabels, labelsAt(nodeSet, ['podTemplate', 'metadata', 'labels'])),
        namedPorts: [port(scheme, 9200), port('transport', 9300), ...containerPortsAt(podSpec, [])],
        hostNetwork: isTrue(podSpec, 'hostNetwork'),
      },
    ];
  });
}

function kibanaPods(cr: CustomResource): OperatorPods[] {
  const version = stringAt(cr.node, ['spec', 'version']);
  const podSpec = at(cr.node, ['spec', 'podTemplate', 'spec']);
  return [
    {
      name: `${cr.name}-kb`,
      labels: merged(
        { 'common.k8s.elastic.co/type': 'kibana', 'kibana.k8s.elastic.co/name': cr.name, ...(version ? { 'kibana.k8s.elastic.co/version': version } : {}) },
        labelsAt(cr.node, ['spec', 'podTemplate', 'metadata', 'labels']),
      ),
      namedPorts: [port(httpScheme(cr), 5601), ...containerPortsAt(podSpec, [])],
      hostNetwork: isTrue(podSpec, 'hostNetwork'),
    },
  ];
}

export const ECK: readonly CatalogueEntry[] = [
  { group: 'elasticsearch.k8s.elastic.co', kind: 'Elasticsearch', operator: OPERATOR, makesPods: true, pods: elasticsearchPods },
  { group: 'kibana.k8s.elastic.co', kind: 'Kibana', operator: OPERATOR, makesPods: true, pods: kibanaPods },
];
