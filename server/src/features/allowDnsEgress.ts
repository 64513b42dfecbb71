/**
 * "Allow DNS egress for this policy": append the egress rule to cluster DNS (the same edit as
 * the `egress-blocks-dns` fix) to the policy at the cursor. A policy that does not govern egress
 * is left alone: a rule there would isolate its pods for egress.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { readPolicy } from '../analysis/readPolicy';
import { governedDirections } from '../engine/policyTypes';
import type { FileModel } from '../model/fileModel';
import { getMap } from '../model/yamlTree';
import { addDnsRuleEdit } from '../rules/crossFile/dnsEgressRule';
import { isKubernetesNetworkPolicy } from '../rules/policy/networkPolicyTree';
import type { TextEditData } from '../rules/types';
import { objectAt } from './locate';

export type AllowDnsResult = { readonly edit: TextEditData; readonly summary: string } | { readonly message: string };

export function allowDnsEgressEdit(file: FileModel, offset: number, settings: NetpolLensSettings): AllowDnsResult {
  const object = objectAt(file, offset);
  if (!object?.node || !isKubernetesNetworkPolicy(object)) return { message: 'Put the cursor in a NetworkPolicy first.' };
  const name = object.name ?? 'this policy';
  const policy = readPolicy(object, name, object.namespace ?? settings.defaultNamespace);
  if (!policy || !governedDirections(policy).has('egress')) {
    return { message: `${name} does not restrict egress (Egress is not in its policyTypes), so it does not block DNS; adding a rule would isolate its pods for egress.` };
  }
  if (file.documents.find((d) => d.index === object.docIndex)?.expanded) {
    return { message: `${name} uses YAML aliases or merge keys: add the rule by hand (an edit made here could change every place that uses an anchor).` };
  }
  const spec = getMap(object.node, 'spec');
  const edit = spec ? addDnsRuleEdit(file.text, spec, object.node) : undefined;
  if (!edit) return { message: `Could not add a rule to ${name}: its spec or spec.egress has a shape this command does not edit.` };
  return { edit, summary: `Added an egress rule to kube-dns in kube-system on UDP and TCP 53 to ${name}.` };
}
