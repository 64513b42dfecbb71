/**
 * The cross-file rules reuse what the previous analysis computed (policyInputs.ts,
 * workspaceFindings.ts, the findings service's per-file entries). Property: after any sequence of
 * edits — labels, ports, host network, selectors, namespaces, operators' custom resources,
 * Services, Ingresses and their class, cluster-wide policies, documents and files added, removed
 * or moved — a long-lived service gives, for every file,
 * exactly the findings a fresh service computes; and the diagnostics publisher, which after an
 * edit reads only the files the edit can have changed, has sent every file those findings.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, type NetpolLensSettings } from '../../../shared/src/settings';
import { FindingsService } from '../../../server/src/service/findingsService';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { recordingPublisher } from '../../support/recordingPublisher';

const NAMESPACES = ['shop', 'data', 'ops'] as const;
const APPS = ['web', 'api', 'db', 'dns'] as const;

const labelsArb = fc.record(
  { app: fc.constantFrom(...APPS), tier: fc.constantFrom('front', 'back'), 'k8s-app': fc.constantFrom('kube-dns', 'other') },
  { requiredKeys: ['app'] },
);

const selectorArb = fc.oneof(
  fc.constant('{}'),
  fc.constant('{matchLabels: {app: web}}'),
  labelsArb.map((l) => `{matchLabels: {app: ${l.app}}}`),
  fc.constantFrom(
    '{matchLabels: {tier: front}}',
    '{matchExpressions: [{key: app, operator: In, values: [web, api]}]}',
    '{matchExpressions: [{key: tier, operator: NotIn, values: [back]}]}',
    '{matchExpressions: [{key: tier, operator: DoesNotExist}]}',
    '{matchLabels: {k8s-app: kube-dns}}',
  ),
);

const namespaceSelectorArb = fc.constantFrom(
  '{}',
  '{matchLabels: {kubernetes.io/metadata.name: shop}}',
  '{matchLabels: {kubernetes.io/metadata.name: kube-system}}',
  '{matchLabels: {name: data}}',
  '{matchLabels: {env: prod}}',
);

const peerArb = fc.oneof(
  selectorArb.map((s) => `{podSelector: ${s}}`),
  fc.tuple(namespaceSelectorArb, fc.option(selectorArb, { nil: undefined })).map(([n, p]) => (p ? `{namespaceSelector: ${n}, podSelector: ${p}}` : `{namespaceSelector: ${n}}`)),
  fc.constantFrom(
    '{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}',
    '{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}',
    '{ipBlock: {cidr: 10.0.0.0/8}}',
  ),
);

const portsArb = fc.constantFrom('', '[{port: 80}]', '[{port: http}]', '[{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]', '[{protocol: UDP, port: dns}]');

const ruleArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ peers: [] as string[], ports: '' }) },
  { weight: 3, arbitrary: fc.tuple(fc.array(peerArb, { maxLength: 2 }), portsArb).map(([peers, ports]) => ({ peers, ports })) },
);

function ruleText(direction: 'ingress' | 'egress', rule: { peers: string[]; ports: string }): string {
  const key = direction === 'ingress' ? 'from' : 'to';
  const parts = [...(rule.peers.length > 0 ? [`${key}: [${rule.peers.join(', ')}]`] : []), ...(rule.ports ? [`ports: ${rule.ports}`] : [])];
  return `  - {${parts.join(', ')}}\n`;
}

const namespaceDoc = fc
  .tuple(fc.constantFrom(...NAMESPACES, 'kube-system'), fc.constantFrom('prod', 'dev'))
  .map(([name, env]) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n    env: ${env}\n`);

const portsOfArb = fc.subarray(['http', 'dns', 'metrics', 'unnamed-80']);

function workloadText(ns: string, name: string, labels: Record<string, string>, ports: readonly string[], hostNetwork = false): string {
  const labelLines = Object.entries(labels)
    .map(([k, v]) => `        ${k}: ${v}\n`)
    .join('');
  const portLines = ports.map((p) => p === 'unnamed-80' ? '        - {containerPort: 80}\n' : `        - {name: ${p}, containerPort: ${p === 'dns' ? 53 : p === 'http' ? 8080 : 9090}${p === 'dns' ? ', protocol: UDP' : ''}}\n`).join('');
  return (
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  selector:\n    matchLabels: {app: ${labels.app ?? ''}}\n` +
    `  template:\n    metadata:\n      labels:\n${labelLines}    spec:\n${hostNetwork ? '      hostNetwork: true\n' : ''}      containers:\n      - name: main\n        image: x\n${ports.length > 0 ? `        ports:\n${portLines}` : ''}`
  );
}

const hostNetworkArb = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

const workloadDoc = fc
  .tuple(fc.constantFrom(...NAMESPACES, 'kube-system', ''), fc.constantFrom('w1', 'w2', 'w3'), labelsArb, portsOfArb, hostNetworkArb)
  .map(([ns, name, labels, ports, hostNetwork]) => workloadText(ns, name, labels, ports, hostNetwork));

/** An operator's resource (its pods carry podMetadata's app label) or one of a kind no catalogue knows. */
const customResourceDoc = fc
  .tuple(fc.constantFrom(...NAMESPACES), fc.constantFrom('c1', 'c2'), fc.constantFrom(...APPS), fc.boolean())
  .map(([ns, name, app, known]) =>
    known
      ? `apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  podMetadata:\n    labels: {app: ${app}}\n`
      : `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  size: 1\n`,
  );

/** A Service in front of an app, sending port 80 (named web, or not named) to 8080, to the port named http, or to 80. */
const serviceDoc = fc
  .tuple(
    fc.constantFrom(...NAMESPACES, ''),
    fc.constantFrom('s1', 's2'),
    fc.constantFrom(...APPS.map((a) => `app: ${a}`), 'tier: front', 'tier: back'),
    fc.constantFrom('8080', 'http', '80'),
    fc.constantFrom('', 'name: web, '),
  )
  .map(
    ([ns, name, selector, target, portName]) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  selector: {${selector}}\n  ports:\n  - {${portName}port: 80, targetPort: ${target}}\n`,
  );

const policyDoc = fc
  .tuple(
    fc.constantFrom(...NAMESPACES, ''),
    fc.constantFrom('p1', 'p2', 'p3'),
    selectorArb,
    fc.constantFrom('', '[Ingress]', '[Egress]', '[Ingress, Egress]'),
    fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
    fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
  )
  .map(([ns, name, podSelector, types, ingress, egress]) => {
    let text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  podSelector: ${podSelector}\n`;
    if (types) text += `  policyTypes: ${types}\n`;
    if (ingress) text += ingress.length === 0 ? '  ingress: []\n' : `  ingress:\n${ingress.map((r) => ruleText('ingress', r)).join('')}`;
    if (egress) text += egress.length === 0 ? '  egress: []\n' : `  egress:\n${egress.map((r) => ruleText('egress', r)).join('')}`;
    return text;
  });

/** An Ingress (class nginx, or none: the default class) sending to a Service of its namespace, by port number or name. */
const ingressDoc = fc
  .tuple(fc.constantFrom('shop', 'data'), fc.constantFrom('i1', 'i2'), fc.boolean(), fc.constantFrom('s1', 's2'), fc.constantFrom('{number: 80}', '{name: web}'))
  .map(
    ([ns, name, classed, service, port]) =>
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${classed ? '  ingressClassName: nginx\n' : ''}` +
      `  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: ${service}, port: ${port}}}}\n`,
  );

/** The nginx IngressClass, served by ingress-nginx or by a controller no setting names; the default class or not. */
const ingressClassDoc = fc
  .tuple(fc.constantFrom('k8s.io/ingress-nginx', 'example.com/other'), fc.boolean())
  .map(
    ([controller, isDefault]) =>
      `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n${isDefault ? '  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}\n' : ''}spec: {controller: ${controller}}\n`,
  );

const clusterSubjectArb = fc.constantFrom(
  '{namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}',
  '{namespaces: {}}',
  '{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data}}, podSelector: {matchLabels: {app: web}}}}',
);
const clusterPeerArb = fc.constantFrom(
  '{namespaces: {}}',
  '{namespaces: {matchLabels: {kubernetes.io/metadata.name: ops}}}',
  '{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}}',
);
const clusterPortsArb = fc.constantFrom('', ', ports: [{portNumber: {protocol: TCP, port: 8080}}]', ', ports: [{namedPort: http}]', ', ports: [{namedPort: metrics}]');

/** An AdminNetworkPolicy (two names, two priorities: equal priorities overlap) or the BaselineAdminNetworkPolicy. */
const clusterPolicyDoc = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom('a1', 'a2'),
    fc.constantFrom(10, 10, 20),
    clusterSubjectArb,
    fc.array(fc.tuple(fc.constantFrom('Allow', 'Deny', 'Pass'), clusterPeerArb, clusterPortsArb), { minLength: 1, maxLength: 2 }),
    fc.option(fc.tuple(fc.constantFrom('Allow', 'Deny', 'Pass'), clusterPeerArb, clusterPortsArb), { nil: undefined }),
  )
  .map(([admin, name, priority, subject, ingress, egress]) => {
    const action = (a: string): string => (admin ? a : a === 'Pass' ? 'Deny' : a);
    const head = admin
      ? `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n  priority: ${priority}\n`
      : 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n';
    const rules = ingress.map(([a, peer, ports], i) => `  - {name: in${i}, action: ${action(a)}, from: [${peer}]${ports}}\n`).join('');
    const out = egress ? `  egress:\n  - {name: out, action: ${action(egress[0])}, to: [${egress[1]}]${egress[2]}}\n` : '';
    return `${head}  subject: ${subject}\n  ingress:\n${rules}${out}`;
  });

const docArb = fc.oneof(
  { weight: 1, arbitrary: namespaceDoc },
  { weight: 3, arbitrary: workloadDoc },
  { weight: 4, arbitrary: policyDoc },
  { weight: 1, arbitrary: customResourceDoc },
  { weight: 2, arbitrary: serviceDoc },
  { weight: 3, arbitrary: ingressDoc },
  { weight: 1, arbitrary: ingressClassDoc },
  { weight: 3, arbitrary: clusterPolicyDoc },
);
/** A routed app: its Deployment, a Service in front of it and an Ingress to that Service (edits then change each part). */
const appFileArb = fc
  .tuple(fc.constantFrom('shop', 'data'), fc.constantFrom('web', 'api'), fc.constantFrom('8080', 'http'), fc.boolean())
  .map(([ns, app, target, classed]) => [
    workloadText(ns, `${app}-app`, { app }, ['http']),
    `apiVersion: v1\nkind: Service\nmetadata: {name: s1, namespace: ${ns}}\nspec:\n  selector: {app: ${app}}\n  ports:\n  - {name: web, port: 80, targetPort: ${target}}\n`,
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n${classed ? '  ingressClassName: nginx\n' : ''}` +
      `  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: s1, port: {number: 80}}}}\n`,
  ]);
const fileArb = fc.oneof({ weight: 4, arbitrary: fc.array(docArb, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: appFileArb });

type Edit =
  | { kind: 'replace'; file: number; doc: number; text: string }
  | { kind: 'insert'; file: number; doc: number; text: string }
  | { kind: 'remove'; file: number; doc: number }
  | { kind: 'shift'; file: number }
  | { kind: 'relabel'; file: number; doc: number; labels: Record<string, string>; ports: string[]; hostNetwork: boolean }
  | { kind: 'addFile'; docs: string[] }
  | { kind: 'removeFile'; file: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), file: fc.nat(), doc: fc.nat(), text: docArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), file: fc.nat(), doc: fc.nat(), text: docArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.nat(), doc: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('shift' as const), file: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('relabel' as const), file: fc.nat(), doc: fc.nat(), labels: labelsArb, ports: portsOfArb, hostNetwork: hostNetworkArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addFile' as const), docs: fileArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeFile' as const), file: fc.nat() }) },
);

const settingsArb: fc.Arbitrary<NetpolLensSettings> = fc.record({ whole: fc.boolean(), notIsolated: fc.boolean(), dns: fc.boolean() }).map((o) => {
  const rules: NetpolLensSettings['rules'] = o.notIsolated ? { 'workload-not-isolated': 'warning' } : {};
  return { ...DEFAULT_SETTINGS, workspaceIsWholeCluster: o.whole, assumeClusterDns: o.dns, rules };
});

interface WsFile {
  uri: string;
  docs: string[];
  prefix: string;
}

const textOf = (f: WsFile): string => f.prefix + f.docs.join('---\n');

function apply(files: WsFile[], edit: Edit, nextUri: () => string): { changed?: WsFile; removed?: string } {
  if (edit.kind === 'addFile') {
    const f = { uri: nextUri(), docs: [...edit.docs], prefix: '' };
    files.push(f);
    return { changed: f };
  }
  if (files.length === 0) return {};
  const i = edit.file % files.length;
  const f = files[i] as WsFile;
  switch (edit.kind) {
    case 'removeFile':
      files.splice(i, 1);
      return { removed: f.uri };
    case 'relabel': {
      // The same workload (name and namespace) with other labels, ports or host network.
      const j = edit.doc % Math.max(1, f.docs.length);
      const m = /^kind: Deployment\nmetadata:\n {2}name: (\S+)\n(?: {2}namespace: (\S+)\n)?/m.exec(f.docs[j] ?? '');
      if (m) f.docs[j] = workloadText(m[2] ?? '', m[1] ?? '', edit.labels, edit.ports, edit.hostNetwork);
      return { changed: f };
    }
    case 'shift':
      f.prefix = f.prefix === '' ? '# moved down\n' : '';
      return { changed: f };
    case 'replace':
      if (f.docs.length > 0) f.docs[edit.doc % f.docs.length] = edit.text;
      else f.docs.push(edit.text);
      return { changed: f };
    case 'insert':
      f.docs.splice(edit.doc % (f.docs.length + 1), 0, edit.text);
      return { changed: f };
    case 'remove':
      if (f.docs.length > 0) f.docs.splice(edit.doc % f.docs.length, 1);
      return { changed: f };
  }
}

describe('incremental cross-file findings', () => {
  // `prepared`: what the next edit compares against is made between edits (as the server does once
  // the diagnostics are out), else by the edit's own analysis (an edit that came first, the CLI).
  it('after any edits, every file has the findings a fresh analysis gives, and the publisher (reading only what changed) has sent them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 5 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), settingsArb, fc.boolean(), async (initial, edits, settings, prepared) => {
        let n = 0;
        const nextUri = (): string => `file:///ws/f${n++}.yaml`;
        // Copies: the edits must not change the generated values (fast-check replays and prints them).
        const files: WsFile[] = initial.map((docs) => ({ uri: nextUri(), docs: [...docs], prefix: '' }));
        const index = new WorkspaceIndex();
        index.setDiskTexts(files.map((f) => ({ uri: f.uri, text: textOf(f) })));
        const service = new FindingsService((rule, error) => assert.fail(`${rule.id} threw: ${String(error)}`));
        const check = (step: string): void => {
          const manifests = index.manifests;
          const fresh = new FindingsService((rule, error) => assert.fail(`${rule.id} threw: ${String(error)}`));
          for (const f of manifests.files()) {
            assert.deepEqual(service.findings(f.uri, manifests, settings), fresh.findings(f.uri, manifests, settings), `${step}: ${f.uri}\n${f.text}`);
          }
          if (prepared) service.prepareForEdits(service.settle(manifests, settings, undefined).mark);
        };
        const publish = async (step: string): Promise<void> => {
          await published.settle();
          published.assertFresh(step);
          // The publisher prepares for the next edit just after a run (setImmediate).
          if (prepared) await new Promise((r) => setImmediate(r));
        };
        // The publisher has its own service, as the server's: its own carries and change logs.
        const published = recordingPublisher(index, settings, new FindingsService((rule, error) => assert.fail(`${rule.id} threw: ${String(error)}`)));
        check('initial');
        await publish('initial');
        for (const [k, edit] of edits.entries()) {
          const { changed, removed } = apply(files, edit, nextUri);
          if (changed) index.setDiskText(changed.uri, textOf(changed));
          if (removed) index.removeDiskFile(removed);
          check(`edit ${k} (${edit.kind})`);
          await publish(`edit ${k} (${edit.kind})`);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** One long-lived service over an index, compared after each edit with a fresh one. */
function session(files: Record<string, string>, settings: NetpolLensSettings = DEFAULT_SETTINGS) {
  const index = new WorkspaceIndex();
  index.setDiskTexts(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })));
  const service = new FindingsService((rule, error) => assert.fail(`${rule.id} threw: ${String(error)}`));
  const ids = (name: string, s: FindingsService = service): string[] => s.findings(`file:///ws/${name}`, index.manifests, settings).map((f) => `${f.ruleId}: ${f.message}`);
  return {
    index,
    service,
    ids,
    edit(name: string, text: string): void {
      index.setDiskText(`file:///ws/${name}`, text);
    },
    remove(name: string): void {
      index.removeDiskFile(`file:///ws/${name}`);
    },
    /** Findings of `name`, after checking every file against a fresh service. */
    findings(name: string): string[] {
      const fresh = new FindingsService();
      for (const f of index.manifests.files()) assert.deepEqual(service.findings(f.uri, index.manifests, settings), fresh.findings(f.uri, index.manifests, settings), f.uri);
      return ids(name);
    },
  };
}

const deployment = (name: string, labels: string, ports = ''): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n      - name: main\n        image: x\n${ports ? `        ports: ${ports}\n` : ''}`;
const netpol = (name: string, spec: string, namespace = 'shop'): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${spec}`;
const has = (rule: string) => (findings: string[]): boolean => findings.some((f) => f.startsWith(`${rule}:`));

describe('incremental cross-file findings: what each re-check is for', () => {
  it('a label change in a Deployment shows policy-selects-nothing in the policy file, and changing it back clears it; untouched files keep the same array', () => {
    const s = session({
      'web.yaml': deployment('web', '{app: web}'),
      'netpol.yaml': netpol('web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n'),
      'other.yaml': netpol('other', '  podSelector: {matchLabels: {app: gone}}\n  policyTypes: [Ingress]\n'),
    });
    assert.ok(!has('policy-selects-nothing')(s.findings('netpol.yaml')));
    const other = s.service.findings('file:///ws/other.yaml', s.index.manifests, DEFAULT_SETTINGS);
    s.edit('web.yaml', deployment('web', '{app: web-renamed}'));
    assert.ok(has('policy-selects-nothing')(s.findings('netpol.yaml')));
    assert.equal(s.service.findings('file:///ws/other.yaml', s.index.manifests, DEFAULT_SETTINGS), other, 'an unaffected file gets the very same findings array');
    s.edit('web.yaml', deployment('web', '{app: web}'));
    assert.ok(!has('policy-selects-nothing')(s.findings('netpol.yaml')));
  });

  it('editing a policy re-checks the policies sharing its pods (deny-nullified in another file)', () => {
    const deny = netpol('deny', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n');
    const s = session({ 'web.yaml': deployment('web', '{app: web}'), 'deny.yaml': deny, 'allow.yaml': netpol('allow', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress: []\n') });
    assert.ok(!has('deny-nullified')(s.findings('deny.yaml')));
    s.edit('allow.yaml', netpol('allow', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress: [{}]\n'));
    assert.ok(has('deny-nullified')(s.findings('deny.yaml')));
  });

  it('a label change that makes another policy select a pod re-checks the policies already selecting it', () => {
    const s = session({
      'web.yaml': deployment('web', '{app: web, tier: back}'),
      'deny.yaml': netpol('deny', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n'),
      'allow.yaml': netpol('allow', '  podSelector: {matchLabels: {tier: front}}\n  policyTypes: [Egress]\n  egress: [{}]\n'),
    });
    assert.ok(!has('deny-nullified')(s.findings('deny.yaml')));
    s.edit('web.yaml', deployment('web', '{app: web, tier: front}'));
    assert.ok(has('deny-nullified')(s.findings('deny.yaml')));
  });

  it('a policy that starts selecting a pod after a label change is re-checked when a policy sharing that pod is edited later', () => {
    const s = session({
      'web.yaml': deployment('web', '{app: web, tier: back}'),
      'deny.yaml': netpol('deny', '  podSelector: {matchLabels: {tier: front}}\n  policyTypes: [Egress]\n'),
      'allow.yaml': netpol('allow', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress: []\n'),
    });
    assert.ok(!has('deny-nullified')(s.findings('deny.yaml')));
    s.edit('web.yaml', deployment('web', '{app: web, tier: front}'));
    assert.ok(!has('deny-nullified')(s.findings('deny.yaml')));
    s.edit('allow.yaml', netpol('allow', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress: [{}]\n'));
    assert.ok(has('deny-nullified')(s.findings('deny.yaml')));
  });

  it('without workloads in the namespace, editing one policy re-checks the others there (stand-in pods)', () => {
    const s = session({
      'deny.yaml': netpol('deny', '  podSelector: {}\n  policyTypes: [Egress]\n', 'data'),
      'allow.yaml': netpol('allow', '  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{}]\n', 'data'),
    });
    assert.ok(has('deny-nullified')(s.findings('deny.yaml')));
    s.edit('allow.yaml', netpol('allow', '  podSelector: {}\n  policyTypes: [Egress]\n  egress: []\n', 'data'));
    assert.ok(!has('deny-nullified')(s.findings('deny.yaml')));
  });

  it('without workloads in the namespace, a DNS rule added in another policy there clears egress-blocks-dns (every pod of the namespace)', () => {
    const s = session({ 'deny.yaml': netpol('deny', '  podSelector: {}\n  policyTypes: [Egress]\n', 'data') });
    assert.ok(has('egress-blocks-dns')(s.findings('deny.yaml')));
    s.edit('dns.yaml', netpol('dns', '  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}]\n', 'data'));
    assert.ok(!has('egress-blocks-dns')(s.findings('deny.yaml')));
  });

  it('a change of container ports re-checks the policies whose peers match the workload (named-port-unresolved)', () => {
    const s = session({
      'web.yaml': deployment('web', '{app: web}'),
      'db.yaml': deployment('db', '{app: db}', '[{name: sql, containerPort: 5432}]'),
      'netpol.yaml': netpol('web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: http}]}]\n'),
    });
    assert.ok(has('named-port-unresolved')(s.findings('netpol.yaml')));
    s.edit('db.yaml', deployment('db', '{app: db}', '[{name: http, containerPort: 8080}]'));
    assert.ok(!has('named-port-unresolved')(s.findings('netpol.yaml')));
  });

  it("a change of container ports re-checks the policies of other namespaces whose peers without podSelector reach the workload's namespace (named-port-unresolved)", () => {
    const s = session({
      'web.yaml': deployment('web', '{app: web}'),
      'db.yaml': deployment('db', '{app: db}', '[{name: sql, containerPort: 5432}]'),
      'netpol.yaml': netpol('api', '  podSelector: {matchLabels: {app: api}}\n  policyTypes: [Egress]\n  egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}}], ports: [{port: http}]}]\n', 'data'),
    });
    assert.ok(has('named-port-unresolved')(s.findings('netpol.yaml')));
    s.edit('db.yaml', deployment('db', '{app: db}', '[{name: http, containerPort: 8080}]'));
    assert.ok(!has('named-port-unresolved')(s.findings('netpol.yaml')));
  });

  it('a Service edited in another file re-checks the policies of its pods (port-is-service-port)', () => {
    const service = (target: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: ${target}}\n`;
    const s = session({
      'web.yaml': deployment('web', '{app: web}', '[{name: http, containerPort: 8080}]'),
      'svc.yaml': service('80'),
      'netpol.yaml': netpol('web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n  ingress: [{ports: [{port: 80}]}]\n'),
    });
    assert.ok(!has('port-is-service-port')(s.findings('netpol.yaml')));
    s.edit('svc.yaml', service('http'));
    assert.ok(has('port-is-service-port')(s.findings('netpol.yaml')));
    s.edit('web.yaml', deployment('web', '{app: web}', '[{name: http, containerPort: 8080}, {containerPort: 80}]'));
    assert.ok(!has('port-is-service-port')(s.findings('netpol.yaml')));
  });

  it('a label only a Service tests, changed on a selected workload, re-checks the policy (port-is-service-port)', () => {
    const s = session({
      'web.yaml': deployment('web', '{app: web, tier: front}', '[{name: http, containerPort: 8080}]'),
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {tier: front}\n  ports:\n  - {port: 80, targetPort: 8080}\n',
      'netpol.yaml': netpol('web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n  ingress: [{ports: [{port: 80}]}]\n'),
    });
    assert.ok(has('port-is-service-port')(s.findings('netpol.yaml')));
    s.edit('web.yaml', deployment('web', '{app: web, tier: back}', '[{name: http, containerPort: 8080}]'));
    assert.ok(!has('port-is-service-port')(s.findings('netpol.yaml')));
  });

  it('a workload added to the namespace re-checks its policies (policy-selects-nothing says how many there are)', () => {
    const s = session({ 'web.yaml': deployment('web', '{app: web}'), 'netpol.yaml': netpol('gone', '  podSelector: {matchLabels: {app: gone}}\n  policyTypes: [Ingress]\n') });
    const before = s.findings('netpol.yaml');
    s.edit('db.yaml', deployment('db', '{app: db}'));
    assert.notDeepEqual(s.findings('netpol.yaml'), before);
  });

  it('a custom resource of an unknown kind added to the namespace turns policy-selects-nothing into a hint naming it', () => {
    const s = session({ 'web.yaml': deployment('web', '{app: web}'), 'netpol.yaml': netpol('redis', '  podSelector: {matchLabels: {app: redis}}\n  policyTypes: [Ingress]\n') });
    assert.ok(!s.findings('netpol.yaml').some((f) => f.includes('RedisCluster/sessions')));
    s.edit('redis.yaml', 'apiVersion: cache.example.com/v1\nkind: RedisCluster\nmetadata:\n  name: sessions\n  namespace: shop\n');
    assert.ok(s.findings('netpol.yaml').some((f) => f.startsWith('policy-selects-nothing:') && f.includes('RedisCluster/sessions')));
  });

  it('hostNetwork switched on the selected workload re-checks policy-selects-host-network', () => {
    const hostNetworked = deployment('web', '{app: web}').replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      containers:');
    const s = session({ 'web.yaml': deployment('web', '{app: web}'), 'netpol.yaml': netpol('web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n') });
    assert.ok(!has('policy-selects-host-network')(s.findings('netpol.yaml')));
    s.edit('web.yaml', hostNetworked);
    assert.ok(has('policy-selects-host-network')(s.findings('netpol.yaml')));
    s.edit('web.yaml', deployment('web', '{app: web}'));
    assert.ok(!has('policy-selects-host-network')(s.findings('netpol.yaml')));
  });

  it("an operator's resource edited to give its pods other labels re-checks the policies selecting them", () => {
    const prometheus = (app: string): string =>
      `apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: k8s\n  namespace: shop\nspec:\n  podMetadata:\n    labels: {app: ${app}}\n`;
    const s = session({ 'prometheus.yaml': prometheus('prometheus'), 'netpol.yaml': netpol('prometheus', '  podSelector: {matchLabels: {app: prometheus}}\n  policyTypes: [Ingress]\n') });
    assert.ok(!has('policy-selects-nothing')(s.findings('netpol.yaml')));
    s.edit('prometheus.yaml', prometheus('prom'));
    assert.ok(has('policy-selects-nothing')(s.findings('netpol.yaml')));
  });

  it('a route is judged again when a policy of its backend namespace changes, and keeps its very findings through edits elsewhere (ingress-controller-blocked)', () => {
    const service = (ns: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: 8080}\n`;
    const ingress = (ns: string): string =>
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  ingressClassName: nginx\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n`;
    const web = (ns: string): string => deployment('web', '{app: web}', '[{name: http, containerPort: 8080}]').replace('namespace: shop', `namespace: ${ns}`);
    const s = session({
      'shop.yaml': `${web('shop')}---\n${service('shop')}---\n${ingress('shop')}`,
      'data.yaml': `${web('data')}---\n${service('data')}---\n${ingress('data')}`,
      'data-deny.yaml': netpol('deny', '  podSelector: {}\n  policyTypes: [Ingress]\n', 'data'),
    });
    assert.ok(has('ingress-controller-blocked')(s.findings('data.yaml')));
    assert.ok(!has('ingress-controller-blocked')(s.findings('shop.yaml')));
    const data = s.service.findings('file:///ws/data.yaml', s.index.manifests, DEFAULT_SETTINGS);
    s.edit('shop-deny.yaml', netpol('deny', '  podSelector: {}\n  policyTypes: [Ingress]\n'));
    assert.ok(has('ingress-controller-blocked')(s.findings('shop.yaml')));
    assert.equal(s.service.findings('file:///ws/data.yaml', s.index.manifests, DEFAULT_SETTINGS), data, 'a route of another namespace keeps the very same findings');
    s.edit('data-deny.yaml', netpol('deny', '  podSelector: {}\n  policyTypes: [Ingress]\n  ingress: [{}]\n', 'data'));
    assert.ok(!has('ingress-controller-blocked')(s.findings('data.yaml')));
  });

  it('a route is judged again when a document of another namespace is added to its file: its fix appends at the end of the file (ingress-controller-blocked)', () => {
    const shop =
      `${deployment('web', '{app: web}', '[{name: http, containerPort: 8080}]')}---\n` +
      'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: 8080}\n---\n' +
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  ingressClassName: nginx\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n';
    const s = session({ 'shop.yaml': shop, 'deny.yaml': netpol('deny', '  podSelector: {}\n  policyTypes: [Ingress]\n') });
    assert.ok(has('ingress-controller-blocked')(s.findings('shop.yaml')));
    // The route's document is untouched and in place; only the end of its file moves (findings() holds every fix to a fresh analysis's).
    s.edit('shop.yaml', `${shop}---\n${netpol('other', '  podSelector: {}\n', 'data')}`);
    assert.ok(has('ingress-controller-blocked')(s.findings('shop.yaml')));
  });

  it('a NetworkPolicy edited in a namespace whose pods a Baseline policy applies to judges the tiers again (baseline-rule-unreachable)', () => {
    const baseline =
      'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec:\n' +
      '  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}\n  ingress:\n  - {name: deny-all, action: Deny, from: [{namespaces: {}}]}\n';
    const s = session({ 'web.yaml': deployment('web', '{app: web}'), 'baseline.yaml': baseline, 'other.yaml': deployment('db', '{app: db}').replace('namespace: shop', 'namespace: data') });
    assert.ok(!has('baseline-rule-unreachable')(s.findings('baseline.yaml')));
    s.edit('other.yaml', deployment('db', '{app: db, tier: back}').replace('namespace: shop', 'namespace: data'));
    assert.ok(!has('baseline-rule-unreachable')(s.findings('baseline.yaml')));
    s.edit('netpol.yaml', netpol('isolate', '  podSelector: {}\n  policyTypes: [Ingress]\n'));
    assert.ok(has('baseline-rule-unreachable')(s.findings('baseline.yaml')));
  });

  it('a copy of a policy added in another file of a declared view reports both copies, and removing it clears the first (duplicate-policy)', () => {
    const web = netpol('web', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n');
    // Declared as one cluster: loose files defining the same object would be alternatives instead.
    const settings = { ...DEFAULT_SETTINGS, clusters: { prod: ['*.yaml'] } };
    const s = session({ 'a.yaml': web, 'other.yaml': netpol('db', '  podSelector: {}\n  policyTypes: [Ingress]\n') }, settings);
    assert.ok(!has('duplicate-policy')(s.findings('a.yaml')));
    s.edit('b.yaml', web);
    assert.ok(has('duplicate-policy')(s.findings('a.yaml')));
    assert.ok(has('duplicate-policy')(s.findings('b.yaml')));
    s.remove('b.yaml');
    assert.ok(!has('duplicate-policy')(s.findings('a.yaml')));
  });

  it('workloads changing places in the workspace order re-check everything (messages list them in that order)', () => {
    const s = session({
      'a.yaml': deployment('x', '{app: x}'),
      'b.yaml': deployment('y', '{app: y}'),
      'c.yaml': deployment('x', '{app: x}'),
      'netpol.yaml': netpol('all', '  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{to: [{podSelector: {}}], ports: [{port: http}]}]\n'),
    });
    const before = s.findings('netpol.yaml').find((f) => f.startsWith('named-port-unresolved'));
    s.remove('a.yaml');
    const after = s.findings('netpol.yaml').find((f) => f.startsWith('named-port-unresolved'));
    assert.notEqual(after, before);
  });
});
