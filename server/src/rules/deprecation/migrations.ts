/**
 * The quick fix of a deprecated apiVersion: the new version alone where the schema did not change,
 * the structural migration for the kinds that have one, nothing where the new version needs
 * information the old object does not hold.
 */
import type { K8sObject } from '../../model/k8sObject';
import { replaceScalar } from '../edit/replaceScalar';
import type { FixData } from '../types';
import type { DeprecatedApi } from './deprecatedApis';
import { migrateIngress } from './migrateIngress';
import { migrateWorkload, type MigrationResult } from './migrateWorkload';

const WORKLOADS: ReadonlySet<string> = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);

export function migrationFix(text: string, object: K8sObject, api: DeprecatedApi): FixData | undefined {
  const replacement = api.replacement;
  const node = object.apiVersionNode;
  if (!replacement || !node || api.migration === 'none') return undefined;
  let result: MigrationResult | undefined;
  if (api.migration === 'apiVersion') result = { edits: [replaceScalar(node, replacement)], changes: [] };
  else if (object.kind === 'Ingress' && object.node) result = migrateIngress(text, object, replacement);
  else if (WORKLOADS.has(object.kind) && object.node) result = migrateWorkload(text, object, replacement);
  if (!result) return undefined;
  const extra = result.changes.length > 0 ? ` (${result.changes.join(', ')})` : '';
  return {
    title: `Migrate ${object.kind} to ${replacement}${extra}`,
    edits: result.edits,
    preferred: true,
    // A plain version swap with unchanged meaning is safe for fix-all; structural ones are reviewed.
    safe: api.migration === 'apiVersion' && api.note === undefined,
  };
}
