/**
 * Keys and values that stand in nearly every manifest, as one shared string each. A tree holds a
 * string per key and scalar: reading `name`, `app`, `TCP` or `8080` as the same string every time
 * keeps the heap of thousands of documents from holding thousands of copies. A constant table,
 * never grown: what is not in it is kept as a copy of its own (`ownWord`).
 */
import { ownString } from '../model/ownString';

const WORDS = [
  // keys
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'annotations', 'spec', 'status', 'items',
  'app', 'app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/component', 'app.kubernetes.io/part-of',
  'app.kubernetes.io/version', 'app.kubernetes.io/managed-by', 'kubernetes.io/metadata.name', 'k8s-app', 'tier', 'component', 'release',
  'selector', 'matchLabels', 'matchExpressions', 'key', 'operator', 'values', 'value', 'podSelector', 'namespaceSelector',
  'policyTypes', 'ingress', 'egress', 'from', 'to', 'ipBlock', 'cidr', 'except', 'ports', 'port', 'endPort', 'protocol',
  'targetPort', 'containerPort', 'nodePort', 'type', 'replicas', 'template', 'containers', 'initContainers', 'image',
  'imagePullPolicy', 'command', 'args', 'env', 'envFrom', 'valueFrom', 'configMapKeyRef', 'secretKeyRef', 'fieldRef',
  'fieldPath', 'optional', 'resources', 'requests', 'limits', 'cpu', 'memory', 'volumeMounts', 'mountPath', 'subPath',
  'readOnly', 'volumes', 'configMap', 'secret', 'secretName', 'emptyDir', 'persistentVolumeClaim', 'claimName',
  'serviceAccountName', 'securityContext', 'runAsNonRoot', 'runAsUser', 'runAsGroup', 'fsGroup', 'privileged',
  'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities', 'drop', 'add', 'seccompProfile',
  'livenessProbe', 'readinessProbe', 'startupProbe', 'httpGet', 'tcpSocket', 'exec', 'grpc', 'path', 'scheme',
  'initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold', 'successThreshold',
  'terminationGracePeriodSeconds', 'restartPolicy', 'nodeSelector', 'kubernetes.io/os', 'tolerations', 'effect',
  'affinity', 'podAntiAffinity', 'podAffinity', 'podAffinityTerm', 'labelSelector', 'topologyKey', 'weight',
  'preferredDuringSchedulingIgnoredDuringExecution', 'requiredDuringSchedulingIgnoredDuringExecution', 'strategy',
  'hostNetwork', 'clusterIP', 'sessionAffinity', 'ownerReferences', 'uid', 'controller', 'blockOwnerDeletion',
  'creationTimestamp', 'resourceVersion', 'generation', 'conditions', 'reason', 'message', 'lastTransitionTime',
  'action', 'priority', 'subject', 'namespaces', 'pods', 'networks', 'nodes',
  // values
  'true', 'false', 'null', 'TCP', 'UDP', 'SCTP', 'v1', 'apps/v1', 'networking.k8s.io/v1', 'policy.networking.k8s.io/v1alpha1',
  'NetworkPolicy', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Namespace', 'Ingress',
  'Egress', 'ClusterIP', 'NodePort', 'LoadBalancer', 'RuntimeDefault', 'ALL', 'Always', 'IfNotPresent', 'Never',
  'RollingUpdate', 'In', 'NotIn', 'Exists', 'DoesNotExist', 'Allow', 'Deny', 'Pass', 'default', 'kube-system',
  'kube-dns', 'http', 'https', 'metrics', 'dns', 'main', 'web', 'api', 'db', 'frontend', 'backend',
  'NoSchedule', 'linux', '-c', '/bin/sh', '/bin/bash', '0', '1', '2', '3', '5', '10', '30', '53', '80', '443', '1000',
  '8080', '8443', '9090', '0.0.0.0/0', '::/0',
];

const TABLE: ReadonlyMap<string, string> = new Map(WORDS.map((w) => [w, w]));

/**
 * The shared copy of `s` when it is a common word, else a copy of its own (`ownString`): what a
 * tree keeps, so that no value is a view into the text it was read from.
 */
export function ownWord(s: string): string {
  return TABLE.get(s) ?? ownString(s);
}

/** The shared copy of `s` when it is a common word, else `s`. */
export function commonWord(s: string): string {
  return TABLE.get(s) ?? s;
}
