/**
 * "Generate default-deny policy for namespace…": a NetworkPolicy selecting every pod of the
 * namespace (`podSelector: {}`) with no rules, isolating it for the chosen directions.
 */
import type { DefaultDenyResult } from '../../../shared/src/protocol';

export type DenyDirection = 'Ingress' | 'Egress';

/** Undefined when the namespace is not a valid name. */
export function defaultDenyPolicy(namespace: string, directions: readonly DenyDirection[] = ['Ingress', 'Egress']): DefaultDenyResult | undefined {
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(namespace)) return undefined;
  const types = (['Ingress', 'Egress'] as const).filter((d) => directions.includes(d));
  if (types.length === 0) return undefined;
  const suffix = types.length === 2 ? '' : `-${types[0]?.toLowerCase() ?? ''}`;
  const name = `default-deny${suffix}`;
  const notes =
    types.includes('Egress') ?
      ['# Denies all egress too, DNS included: add an egress rule to kube-dns (UDP and TCP 53)', '# ("Netpol Lens: Allow DNS egress for this policy") if the pods resolve names.']
    : [];
  const text = [
    ...notes,
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  podSelector: {}',
    '  policyTypes:',
    ...types.map((t) => `  - ${t}`),
    '',
  ].join('\n');
  return { fileName: `${name}-${namespace}.yaml`, text };
}
