/**
 * A deterministic synthetic workspace for the benchmark: namespaces, Deployments, Services,
 * ConfigMaps and NetworkPolicies (selectors, namespace selectors, ipBlocks with except, ports),
 * a few deprecated apiVersions, spread over N files of several documents each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './prng';

export interface GeneratedWorkspace {
  readonly files: number;
  readonly documents: number;
  readonly bytes: number;
  /** A Deployment file and the policy file whose podSelector selects it (for the cross-file edit). */
  readonly deploymentFile: string;
  readonly policyFile: string;
  readonly appLabel: string;
}


const EDIT_TARGET_APP = 'edit-target';

export function generateWorkspace(dir: string, fileCount = 1000, docsPerFile = 5, seed = 42): GeneratedWorkspace {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const namespaces = Array.from({ length: 40 }, (_, i) => `team-${i}`);
  const apps = Array.from({ length: 400 }, (_, i) => `app-${i}`);
  let documents = 0;
  let bytes = 0;
  const nsDocs = namespaces.map(
    (ns, i) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    tier: ${i % 3 === 0 ? 'frontend' : 'backend'}\n`,
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'namespaces.yaml'), nsDocs.join('---\n'));
  documents += nsDocs.length;

  // Names are unique per namespace: files that define the same object are alternative bundles,
  // not one cluster, and this workspace is one cluster.
  const deployment = (ns: string, app: string, deprecated: boolean, name: string): string =>
    `apiVersion: ${deprecated ? 'extensions/v1beta1' : 'apps/v1'}
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
        tier: ${pick(['web', 'api', 'db'])}
    spec:
      containers:
      - name: main
        image: registry.example/${app}:1.0
        ports:
        - name: http
          containerPort: 8080
        - name: metrics
          containerPort: 9090
`;
  const policy = (ns: string, app: string, i: number): string =>
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np-${i}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels:
      app: ${app}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          tier: frontend
      podSelector:
        matchExpressions:
        - {key: tier, operator: In, values: [web, api]}
    - ipBlock:
        cidr: 10.${i % 250}.0.0/16
        except: [10.${i % 250}.1.0/24]
    ports:
    - protocol: TCP
      port: http
  egress:
  - to:
    - podSelector:
        matchLabels:
          app: ${pick(apps)}
    ports:
    - port: 8080
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}
`;
  const configMap = (ns: string, i: number): string =>
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg-${i}
  namespace: ${ns}
data:
  settings.json: |
    {"replicas": ${i}, "feature": "${'x'.repeat(200)}"}
`;
  let deploymentFile = '';
  let policyFile = '';
  let appLabel = '';
  for (let f = 0; f < fileCount; f++) {
    const ns = namespaces[f % namespaces.length] as string;
    const docs: string[] = [];
    for (let d = 0; d < docsPerFile; d++) {
      const i = f * docsPerFile + d;
      const app = apps[i % apps.length] as string;
      const r = rnd();
      // The first file's Deployment carries a label of its own: the cross-file edit renames it, and
      // the policy selecting it must then select nothing (other app-0 Deployments share team-0).
      if (d === 0) docs.push(deployment(ns, f === 0 ? EDIT_TARGET_APP : app, r < 0.02, `${app}-f${f}`));
      else if (r < 0.35) docs.push(policy(ns, app, i));
      else if (r < 0.6) docs.push(deployment(ns, `${app}-${d}`, false, `${app}-${d}-f${f}`));
      else if (r < 0.8) docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}-svc-${d}-f${f}\n  namespace: ${ns}\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80, targetPort: 8080}]\n`);
      else docs.push(configMap(ns, i));
    }
    const text = docs.join('---\n');
    const name = join(dir, `svc-${String(f).padStart(4, '0')}.yaml`);
    writeFileSync(name, text);
    bytes += Buffer.byteLength(text);
    documents += docs.length;
    if (f === 0) {
      deploymentFile = name;
      appLabel = EDIT_TARGET_APP;
    }
  }
  // One policy file dedicated to the cross-file edit: it selects the first Deployment's pods.
  policyFile = join(dir, 'edit-target-policy.yaml');
  writeFileSync(
    policyFile,
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: edit-target\n  namespace: ${namespaces[0]}\nspec:\n  podSelector:\n    matchLabels:\n      app: ${appLabel}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector: {}\n`,
  );
  return { files: fileCount + 2, documents: documents + 1, bytes, deploymentFile, policyFile, appLabel };
}
