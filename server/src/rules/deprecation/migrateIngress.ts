/**
 * Ingress from extensions/v1beta1 or networking.k8s.io/v1beta1 to networking.k8s.io/v1:
 * - each backend's `serviceName` / `servicePort` become `service.name` and `service.port.number`
 *   (a number, or a string of digits) or `service.port.name` (a named port);
 * - every path gets `pathType: ImplementationSpecific`, the old versions' behaviour;
 * - `spec.backend` becomes `spec.defaultBackend`.
 * Everything else (comments, quoting, other keys) stays as written.
 */
import type { K8sObject } from '../../model/k8sObject';
import { getMap, getPair, getSeq, isMap, isScalar, type YMap, type YPair } from '../../model/yamlTree';
import { insertMapEntries } from '../edit/insertEntries';
import { removeMapPair } from '../edit/removeEntry';
import { renderFlow, type RenderValue } from '../edit/renderYaml';
import { replaceScalar } from '../edit/replaceScalar';
import { columnOf, detectLayout, pairContentEnd, type YamlLayout } from '../edit/yamlLayout';
import type { TextEditData } from '../types';
import type { MigrationResult } from './migrateWorkload';

export function migrateIngress(text: string, object: K8sObject, replacement: string): MigrationResult | undefined {
  const apiVersion = object.apiVersionNode;
  if (!apiVersion) return undefined;
  const spec = getMap(object.node, 'spec');
  const layout = detectLayout(text, object.node);
  const edits: TextEditData[] = [replaceScalar(apiVersion, replacement)];
  const changes = new Set<string>();
  const backend = getPair(spec, 'backend');
  if (spec && backend) {
    if (getPair(spec, 'defaultBackend')) return undefined;
    edits.push(replaceScalar(backend.key, 'defaultBackend'));
    changes.add('spec.defaultBackend');
    if (isMap(backend.value)) {
      const e = migrateBackend(text, backend.value, layout);
      if (!e) return undefined;
      if (e.length > 0) changes.add('service.name/port');
      edits.push(...e);
    }
  }
  for (const rule of getSeq(spec, 'rules')?.items ?? []) {
    for (const path of getSeq(getMap(rule, 'http'), 'paths')?.items ?? []) {
      if (!isMap(path)) continue;
      const pathBackend = getMap(path, 'backend');
      if (pathBackend) {
        const e = migrateBackend(text, pathBackend, layout);
        if (!e) return undefined;
        if (e.length > 0) changes.add('service.name/port');
        edits.push(...e);
      }
      if (!getPair(path, 'pathType')) {
        const insert = insertMapEntries(text, path, { pathType: 'ImplementationSpecific' }, layout, getPair(path, 'path'));
        if (!insert) return undefined;
        edits.push(insert);
        changes.add('pathType');
      }
    }
  }
  return { edits, changes: [...changes] };
}

/** The `port` of a v1 service backend: a number, or a port name. */
function portValue(text: string, pair: YPair): Record<string, RenderValue> | undefined {
  const node = pair.value;
  if (!isScalar(node) || node.value === null) return undefined;
  if (typeof node.value === 'number') return { number: { verbatim: node.source } };
  const s = String(node.value);
  if (/^[0-9]+$/.test(s)) return { number: Number(s) };
  return { name: { verbatim: text.slice(node.start, node.end) } };
}

/**
 * Edits turning one v1beta1 backend into a v1 one: [] when it has no serviceName/servicePort
 * (a resource backend), undefined when it cannot be migrated (one of the two missing or odd).
 */
function migrateBackend(text: string, backend: YMap, layout: YamlLayout): TextEditData[] | undefined {
  const name = getPair(backend, 'serviceName');
  const port = getPair(backend, 'servicePort');
  if (!name && !port) return [];
  if (!name || !port || !isScalar(name.value) || name.value.value === null) return undefined;
  const portMap = portValue(text, port);
  if (!portMap) return undefined;
  const service: Record<string, RenderValue> = { name: { verbatim: text.slice(name.value.start, name.value.end) }, port: portMap };
  if (backend.flow) {
    const entries: string[] = [];
    for (const p of backend.pairs) {
      if (p === name) entries.push(`service: ${renderFlow(service)}`);
      else if (p !== port) entries.push(text.slice(p.key.start, pairContentEnd(p)));
    }
    return [{ start: backend.start, end: backend.end, newText: `{${entries.join(', ')}}` }];
  }
  const column = columnOf(text, name.key.start);
  const inner = ' '.repeat(column + layout.indent);
  const deeper = ' '.repeat(column + 2 * layout.indent);
  const [portKey, portV] = Object.entries(portMap)[0] ?? [];
  if (portKey === undefined || portV === undefined) return undefined;
  const nl = layout.newline;
  const replacementText = `service:${nl}${inner}name: ${renderFlow(service.name ?? null)}${nl}${inner}port:${nl}${deeper}${portKey}: ${renderFlow(portV)}`;
  const removal = removeMapPair(text, backend, port);
  if (!removal) return undefined;
  return [{ start: name.key.start, end: pairContentEnd(name), newText: replacementText }, removal];
}
