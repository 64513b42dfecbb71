/**
 * The deprecated-api-version fixes produce valid objects of the new version: every migrated file
 * parses, the rule no longer reports it, and the structure is what the new schema needs (apps/v1
 * selector matching the template labels; Ingress v1 service backends, integer port numbers,
 * pathType on every path, defaultBackend). Also every plain version swap of the table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { WorkspaceAnalysis } from '../../../server/src/analysis/workspaceAnalysis';
import { buildFileModel, withFullTrees } from '../../../server/src/model/fileModel';
import { ManifestSet } from '../../../server/src/model/manifestSet';
import { toPlain } from '../../../server/src/model/yamlTree';
import { applyEdits } from '../../../server/src/rules/applyEdits';
import { deprecatedApiVersionRule } from '../../../server/src/rules/deprecatedApiVersion';
import { DEPRECATED_APIS, deprecatedApi } from '../../../server/src/rules/deprecation/deprecatedApis';
import type { Finding } from '../../../server/src/rules/types';

type Obj = Record<string, unknown>;

function check(text: string): Finding[] {
  // A file-scope rule reads full trees (the service hands them over: `fullDocument`).
  const file = withFullTrees(() => buildFileModel('file:///t.yaml', text, 1));
  const manifests = new ManifestSet([file], 1);
  return deprecatedApiVersionRule.check({ file, manifests, settings: DEFAULT_SETTINGS, analysis: new WorkspaceAnalysis(manifests, DEFAULT_SETTINGS) });
}

/** Apply the preferred fix of every finding; returns the migrated objects as plain values. */
function migrate(text: string): { text: string; objects: Obj[]; apiVersions: (string | undefined)[] } {
  const edits = check(text).flatMap((f) => {
    const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
    assert.ok(fix, `no fix for: ${f.message}`);
    return fix.edits;
  });
  const out = applyEdits(text, edits).text;
  const model = buildFileModel('file:///t.yaml', out, 2);
  assert.deepEqual(model.problems, [], 'the migrated file must parse');
  assert.deepEqual(check(out), [], 'nothing deprecated left');
  return { text: out, objects: model.objects.map((o) => toPlain(o.node) as Obj), apiVersions: model.objects.map((o) => o.apiVersion) };
}

const obj = (v: unknown): Obj => {
  assert.equal(typeof v, 'object');
  assert.ok(v !== null && !Array.isArray(v));
  return v as Obj;
};
const list = (v: unknown): unknown[] => {
  assert.ok(Array.isArray(v), `expected a list, got ${JSON.stringify(v)}`);
  return v;
};

/** networking.k8s.io/v1 IngressServiceBackend: name, and a port with exactly a number (int) or a name. */
function assertV1Backend(backend: unknown): void {
  const b = obj(backend);
  assert.equal(b.serviceName, undefined);
  assert.equal(b.servicePort, undefined);
  const service = obj(b.service);
  assert.equal(typeof service.name, 'string');
  const port = obj(service.port);
  const keys = Object.keys(port);
  assert.equal(keys.length, 1, `port needs exactly one of number/name: ${JSON.stringify(port)}`);
  if ('number' in port) assert.ok(Number.isInteger(port.number) && (port.number as number) >= 1 && (port.number as number) <= 65535);
  else assert.match(String(port.name), /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
}

function assertV1Ingress(ingress: Obj): void {
  assert.equal(ingress.apiVersion, 'networking.k8s.io/v1');
  const spec = obj(ingress.spec);
  assert.equal(spec.backend, undefined);
  if (spec.defaultBackend !== undefined) assertV1Backend(spec.defaultBackend);
  for (const rule of list(spec.rules ?? [])) {
    const http = obj(rule).http;
    if (http === undefined) continue;
    for (const path of list(obj(http).paths)) {
      assert.ok(['Exact', 'Prefix', 'ImplementationSpecific'].includes(String(obj(path).pathType)), `pathType of ${JSON.stringify(path)}`);
      assertV1Backend(obj(path).backend);
    }
  }
}

function assertAppsV1(workload: Obj): void {
  assert.equal(workload.apiVersion, 'apps/v1');
  const spec = obj(workload.spec);
  const selector = obj(spec.selector);
  const templateLabels = obj(obj(obj(spec.template).metadata).labels);
  const matchLabels = obj(selector.matchLabels ?? {});
  assert.ok(Object.keys(matchLabels).length > 0 || selector.matchExpressions !== undefined, 'apps/v1 needs a non-empty selector');
  for (const [k, v] of Object.entries(matchLabels)) assert.equal(templateLabels[k], v, `selector ${k}=${String(v)} must match the template`);
}

describe('deprecated-api-version migrations', () => {
  it('turns an extensions/v1beta1 Ingress into a valid networking.k8s.io/v1 one', () => {
    const before = [
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '  backend: {serviceName: default, servicePort: "80"}',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - backend:',
      '          servicePort: 443',
      '          serviceName: tls',
      '      - path: /x',
      '        backend: {serviceName: x, servicePort: metrics}',
      '',
    ].join('\n');
    const { objects } = migrate(before);
    const [ingress] = objects;
    assert.ok(ingress);
    assertV1Ingress(ingress);
    assert.deepEqual(obj(obj(ingress.spec).defaultBackend), { service: { name: 'default', port: { number: 80 } } });
  });

  it('turns old workloads into apps/v1 ones whose selector matches the template', () => {
    const workload = (kind: string, apiVersion: string, extra = ''): string =>
      [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: w}', 'spec:', extra, '  template:', '    metadata:', '      labels: {app: w, tier: "1"}', '    spec: {containers: [{name: c, image: i}]}'].filter((l) => l !== '').join('\n') + '\n';
    const text = [
      workload('Deployment', 'extensions/v1beta1', '  replicas: 3'),
      workload('DaemonSet', 'apps/v1beta2'),
      workload('ReplicaSet', 'apps/v1beta1'),
      workload('StatefulSet', 'apps/v1beta1', '  serviceName: w'),
    ].join('---\n');
    const { objects } = migrate(text);
    assert.equal(objects.length, 4);
    for (const o of objects) assertAppsV1(o);
  });

  it('migrates every fix fixture to a valid object', () => {
    const root = join(__dirname, '..', '..', 'fixtures', 'fixes', 'deprecated-api-version');
    for (const name of readdirSync(root)) {
      const { objects } = migrate(readFileSync(join(root, name, 'before.yaml'), 'utf8'));
      for (const o of objects) {
        if (o.kind === 'Ingress') assertV1Ingress(o);
        else if (['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'].includes(String(o.kind))) assertAppsV1(o);
      }
    }
  });

  it('swaps the version of every table entry whose schema did not change, to a current version', () => {
    const swaps = DEPRECATED_APIS.filter((d) => d.migration === 'apiVersion');
    assert.ok(swaps.length >= 20);
    for (const api of swaps) {
      const { apiVersions } = migrate(`apiVersion: ${api.apiVersion}\nkind: ${api.kind}\nmetadata:\n  name: x\n`);
      assert.deepEqual(apiVersions, [api.replacement]);
      assert.equal(deprecatedApi(String(api.replacement), api.kind), undefined, `${api.kind} ${String(api.replacement)} is itself deprecated`);
    }
  });

  it('offers no fix where the new version needs what the old object lacks, and still reports it', () => {
    for (const api of DEPRECATED_APIS.filter((d) => d.migration === 'none')) {
      const findings = check(`apiVersion: ${api.apiVersion}\nkind: ${api.kind}\nmetadata:\n  name: x\n`);
      assert.equal(findings.length, 1, `${api.kind} ${api.apiVersion}`);
      assert.equal(findings[0]?.severity, 'error');
      assert.deepEqual(findings[0]?.fixes, []);
    }
  });

  it('offers no selector it cannot know: an old Deployment without template labels gets no fix', () => {
    const findings = check('apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: []}\n');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]?.fixes, []);
  });
});
