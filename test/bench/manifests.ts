/**
 * The documents of the benchmark's platform monorepo, in the shapes teams write them: workloads
 * with full pod templates (containers, ports, resources, probes, env, volumes), Services,
 * NetworkPolicies of several shapes (default-deny, DNS egress, ingress from peers and namespaces,
 * egress to other apps and to CIDRs with except), and the noise around them (ConfigMaps,
 * ServiceAccounts, HPAs, PDBs, ServiceMonitors, SealedSecrets, Ingresses, CRDs).
 * Every builder takes the random source, so the same seed gives the same text.
 */
import type { Random } from './prng';

export interface App {
  readonly ns: string;
  readonly team: string;
  readonly name: string;
  readonly tier: 'web' | 'api' | 'worker' | 'db' | 'cache';
  readonly kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  readonly port: number;
}

/** How heavy the generated documents are (the huge single-file bundle is leaner than the repo). */
export interface Weight {
  /** Environment variables per main container: min + up to spread more. */
  readonly envMin: number;
  readonly envSpread: number;
  /** Lines of configuration in a ConfigMap. */
  readonly configLines: number;
  /** Chance of a logging sidecar in a pod template. */
  readonly sidecar: number;
  /** Chance that an app ships a Grafana dashboard (a large ConfigMap). */
  readonly dashboard: number;
}

const ENV_NAMES = ['LOG_LEVEL', 'LOG_FORMAT', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME', 'GOMAXPROCS', 'HTTP_TIMEOUT', 'DB_POOL_SIZE', 'FEATURE_FLAGS', 'CACHE_TTL', 'REGION', 'TZ', 'JAVA_OPTS', 'GRPC_MAX_RECV', 'RETRY_BACKOFF', 'UPSTREAM_URL', 'QUEUE_NAME'];

function envBlock(rnd: Random, app: App, weight: Weight, indent: string): string {
  const n = weight.envMin + rnd.int(weight.envSpread + 1);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = ENV_NAMES[(i + app.name.length) % ENV_NAMES.length] as string;
    lines.push(`${indent}- name: ${name}${i >= ENV_NAMES.length ? `_${i}` : ''}\n${indent}  value: "${name.toLowerCase().replace(/_/g, '-')}-${rnd.int(1000)}"`);
  }
  lines.push(`${indent}- name: POD_NAME\n${indent}  valueFrom:\n${indent}    fieldRef:\n${indent}      fieldPath: metadata.name`);
  if (rnd.chance(0.5)) lines.push(`${indent}- name: DB_PASSWORD\n${indent}  valueFrom:\n${indent}    secretKeyRef:\n${indent}      name: ${app.name}-db\n${indent}      key: password`);
  return lines.join('\n');
}

function podSpec(rnd: Random, app: App, weight: Weight, indent: string, restart?: string): string {
  const i = indent;
  const sidecar = rnd.chance(weight.sidecar)
    ? `
${i}- name: log-shipper
${i}  image: registry.example.com/platform/fluent-bit:3.${rnd.int(9)}.${rnd.int(9)}
${i}  resources:
${i}    requests:
${i}      cpu: 10m
${i}      memory: 32Mi
${i}    limits:
${i}      memory: 64Mi
${i}  volumeMounts:
${i}  - name: logs
${i}    mountPath: /var/log/app`
    : '';
  const antiAffinity = rnd.chance(0.5)
    ? `
${i}affinity:
${i}  podAntiAffinity:
${i}    preferredDuringSchedulingIgnoredDuringExecution:
${i}    - weight: 100
${i}      podAffinityTerm:
${i}        topologyKey: kubernetes.io/hostname
${i}        labelSelector:
${i}          matchLabels:
${i}            app: ${app.name}`
    : '';
  return `${restart ? `${i}restartPolicy: ${restart}\n` : ''}${i}serviceAccountName: ${app.name}
${i}securityContext:
${i}  runAsNonRoot: true
${i}  runAsUser: 10001
${i}  fsGroup: 10001
${i}containers:
${i}- name: ${app.name}
${i}  image: registry.example.com/${app.team}/${app.name}:v1.${rnd.int(40)}.${rnd.int(10)}
${i}  imagePullPolicy: IfNotPresent
${i}  args:
${i}  - --config=/etc/app/config.yaml
${i}  - --listen=:${app.port}
${i}  ports:
${i}  - name: http
${i}    containerPort: ${app.port}
${i}    protocol: TCP
${i}  - name: metrics
${i}    containerPort: 9090
${i}    protocol: TCP
${i}  env:
${envBlock(rnd, app, weight, `${i}  `)}
${i}  resources:
${i}    requests:
${i}      cpu: ${rnd.pick(['50m', '100m', '250m', '500m'])}
${i}      memory: ${rnd.pick(['64Mi', '128Mi', '256Mi', '512Mi'])}
${i}    limits:
${i}      memory: ${rnd.pick(['256Mi', '512Mi', '1Gi', '2Gi'])}
${i}  readinessProbe:
${i}    httpGet:
${i}      path: /healthz/ready
${i}      port: http
${i}    initialDelaySeconds: 5
${i}    periodSeconds: 10
${i}  livenessProbe:
${i}    httpGet:
${i}      path: /healthz/live
${i}      port: http
${i}    initialDelaySeconds: 15
${i}    periodSeconds: 20
${i}    failureThreshold: 3
${i}  volumeMounts:
${i}  - name: config
${i}    mountPath: /etc/app
${i}    readOnly: true
${i}  - name: logs
${i}    mountPath: /var/log/app${sidecar}
${i}volumes:
${i}- name: config
${i}  configMap:
${i}    name: ${app.name}-config
${i}- name: logs
${i}  emptyDir: {}${antiAffinity}`;
}

function meta(name: string, ns: string, extra = ''): string {
  return `metadata:\n  name: ${name}\n  namespace: ${ns}${extra}`;
}

export function workload(rnd: Random, app: App, weight: Weight): string {
  const labels = `
  labels:
    app: ${app.name}
    app.kubernetes.io/name: ${app.name}
    app.kubernetes.io/part-of: ${app.team}
    app.kubernetes.io/managed-by: argocd
  annotations:
    owner: ${app.team}@example.com`;
  const template = `  template:
    metadata:
      labels:
        app: ${app.name}
        tier: ${app.tier}
        app.kubernetes.io/name: ${app.name}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
${podSpec(rnd, app, weight, '      ')}`;
  const selector = `  selector:\n    matchLabels:\n      app: ${app.name}\n`;
  const head = `apiVersion: apps/v1\nkind: ${app.kind}\n${meta(app.name, app.ns, labels)}\nspec:\n`;
  if (app.kind === 'StatefulSet') return `${head}  replicas: 3\n  serviceName: ${app.name}\n${selector}${template}\n`;
  if (app.kind === 'DaemonSet') return `${head}${selector}  updateStrategy:\n    type: RollingUpdate\n${template}\n`;
  return `${head}  replicas: ${1 + rnd.int(4)}\n  revisionHistoryLimit: 5\n${selector}  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 0\n${template}\n`;
}

export function cronJob(rnd: Random, app: App, weight: Weight): string {
  return `apiVersion: batch/v1
kind: CronJob
${meta(`${app.name}-cleanup`, app.ns)}
spec:
  schedule: "${rnd.int(60)} ${rnd.int(24)} * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        metadata:
          labels:
            app: ${app.name}-cleanup
            tier: worker
        spec:
${podSpec(rnd, { ...app, name: `${app.name}-cleanup` }, weight, '          ', 'OnFailure')}
`;
}

export function service(app: App): string {
  return `apiVersion: v1
kind: Service
${meta(app.name, app.ns, `\n  labels:\n    app: ${app.name}`)}
spec:
  type: ClusterIP
  selector:
    app: ${app.name}
  ports:
  - name: http
    port: 80
    targetPort: http
    protocol: TCP
  - name: metrics
    port: 9090
    targetPort: metrics
`;
}

export function serviceAccount(app: App): string {
  return `apiVersion: v1\nkind: ServiceAccount\n${meta(app.name, app.ns, `\n  labels:\n    app: ${app.name}`)}\nautomountServiceAccountToken: false\n`;
}

export function configMap(rnd: Random, app: App, weight: Weight): string {
  const lines = Array.from({ length: weight.configLines }, (_, i) => `      key${i}: ${rnd.pick(['true', 'false', `"${app.name}-${rnd.int(1e6)}"`, String(rnd.int(1e4))])}`);
  return `apiVersion: v1
kind: ConfigMap
${meta(`${app.name}-config`, app.ns)}
data:
  config.yaml: |
    server:
      listen: ":${app.port}"
      readTimeout: 30s
    upstream:
      url: http://${app.name}.${app.ns}.svc.cluster.local
    settings:
${lines.join('\n')}
`;
}

/** A Grafana dashboard as a ConfigMap: one large JSON block scalar, the biggest noise in real repos. */
export function dashboard(rnd: Random, app: App): string {
  const panels = Array.from(
    { length: 40 + rnd.int(40) },
    (_, i) =>
      `        {"id": ${i}, "type": "timeseries", "title": "${app.name} panel ${i}", "gridPos": {"h": 8, "w": 12, "x": ${(i % 2) * 12}, "y": ${i * 8}},\n` +
      `         "targets": [{"expr": "sum(rate(http_requests_total{namespace=\\"${app.ns}\\", app=\\"${app.name}\\"}[5m])) by (code)", "legendFormat": "code"}]}`,
  );
  return `apiVersion: v1
kind: ConfigMap
${meta(`${app.name}-dashboard`, app.ns, `\n  labels:\n    grafana_dashboard: "1"`)}
data:
  ${app.name}.json: |
    {
      "title": "${app.name}",
      "panels": [
${panels.join(',\n')}
      ]
    }
`;
}

export function hpa(rnd: Random, app: App): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
${meta(app.name, app.ns)}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${app.name}
  minReplicas: 2
  maxReplicas: ${4 + rnd.int(20)}
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: ${50 + rnd.int(30)}
`;
}

export function pdb(app: App): string {
  return `apiVersion: policy/v1\nkind: PodDisruptionBudget\n${meta(app.name, app.ns)}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: ${app.name}\n`;
}

export function serviceMonitor(app: App): string {
  return `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
${meta(app.name, app.ns, `\n  labels:\n    release: prometheus`)}
spec:
  selector:
    matchLabels:
      app: ${app.name}
  endpoints:
  - port: metrics
    interval: 30s
    path: /metrics
`;
}

export function sealedSecret(rnd: Random, app: App): string {
  const blob = (n: number): string => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charAt(rnd.int(64))).join('');
  return `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
${meta(`${app.name}-db`, app.ns)}
spec:
  encryptedData:
    password: ${blob(340)}
    username: ${blob(120)}
  template:
    metadata:
      name: ${app.name}-db
`;
}

export function ingress(app: App): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
${meta(app.name, app.ns, `\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt`)}
spec:
  ingressClassName: nginx
  tls:
  - hosts:
    - ${app.name}.example.com
    secretName: ${app.name}-tls
  rules:
  - host: ${app.name}.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ${app.name}
            port:
              name: http
`;
}

export function namespace(ns: string, team: string, tier: string): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    team: ${team}
    tier: ${tier}
    pod-security.kubernetes.io/enforce: restricted
`;
}

export function quota(ns: string): string {
  return `apiVersion: v1\nkind: ResourceQuota\n${meta('compute', ns)}\nspec:\n  hard:\n    requests.cpu: "40"\n    requests.memory: 80Gi\n    limits.memory: 160Gi\n    pods: "200"\n`;
}

export function defaultDeny(ns: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n${meta('default-deny', ns)}\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  - Egress\n`;
}

export function allowDns(ns: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
${meta('allow-dns', ns)}
spec:
  podSelector: {}
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
`;
}

/** Ingress to an app: from its namespace's web (and api) tier and from the ingress controller, metrics from monitoring. */
export function ingressPolicy(rnd: Random, app: App, selects: string): string {
  const peers = rnd.chance(0.5)
    ? `    - podSelector:
        matchExpressions:
        - key: tier
          operator: In
          values:
          - web
          - api`
    : `    - podSelector:
        matchLabels:
          tier: web`;
  // Mostly one rule per source; about 1 policy in 20 lists both sources in one rule, which
  // peer-and-or-split questions (in one rule they are OR'ed, as intended or not).
  const controller = `    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ingress-nginx`;
  const http = `    ports:
    - protocol: TCP
      port: http`;
  const sources = rnd.chance(0.05) ? `${peers}\n${controller}\n${http}` : `${peers}\n${http}\n  - from:\n${controller}\n${http}`;
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
${meta(`${app.name}-ingress`, app.ns)}
spec:
  podSelector:
    matchLabels:
      app: ${selects}
  policyTypes:
  - Ingress
  ingress:
  - from:
${sources}
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
      podSelector:
        matchLabels:
          app.kubernetes.io/name: prometheus
    ports:
    - port: metrics
`;
}

/** Egress from an app to another app (maybe in another namespace) and, sometimes, to a CIDR with except. */
export function egressPolicy(rnd: Random, app: App, to: App, cidr: string | undefined): string {
  const ns = to.ns === app.ns ? '' : `\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: ${to.ns}\n      podSelector:\n        matchLabels:\n          app: ${to.name}`;
  const samePod = to.ns === app.ns ? `\n    - podSelector:\n        matchLabels:\n          app: ${to.name}` : '';
  const block = cidr
    ? `
  - to:
    - ipBlock:
        cidr: ${cidr}
        except:
        - ${cidr.replace(/\.0\.0\/16$/, `.${rnd.int(200)}.0/24`)}
    ports:
    - protocol: TCP
      port: 443`
    : '';
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
${meta(`${app.name}-egress`, app.ns)}
spec:
  podSelector:
    matchLabels:
      app: ${app.name}
  policyTypes:
  - Egress
  egress:
  - to:${samePod}${ns}
    ports:
    - protocol: TCP
      port: ${to.port}${block}
`;
}

/** A CustomResourceDefinition: big, and nothing the rules read. */
export function crd(rnd: Random, group: string, kind: string): string {
  const props = Array.from(
    { length: 30 + rnd.int(30) },
    (_, i) => `              field${i}:\n                type: ${rnd.pick(['string', 'integer', 'boolean'])}\n                description: Field ${i} of the ${kind} specification, as the operator reads it.`,
  );
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${kind.toLowerCase()}s.${group}
spec:
  group: ${group}
  scope: Namespaced
  names:
    kind: ${kind}
    plural: ${kind.toLowerCase()}s
    singular: ${kind.toLowerCase()}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
${props.join('\n')}
`;
}
