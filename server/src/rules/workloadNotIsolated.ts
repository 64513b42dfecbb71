/**
 * `workload-not-isolated` (off by default; governance): a workload no NetworkPolicy selects (all
 * its traffic is allowed), and a namespace with workloads but no default-deny policy (an empty
 * podSelector isolating a direction with no rule for it). The fix appends a default-deny policy
 * for the namespace to the file: all ingress and all egress denied except cluster DNS, the
 * "deny all at onboarding, then open what is needed" starting point. Host-network workloads are
 * left out: no NetworkPolicy isolates them.
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { isEmptySelector } from '../engine/labelSelector';
import { rulesOf } from '../engine/policyTypes';
import type { K8sObject } from '../model/k8sObject';
import { getMap, getScalar, type YScalar } from '../model/yamlTree';
import { dnsRuleBlock } from './crossFile/dnsEgressRule';
import { workspaceRule, type LocatedFinding } from './crossFile/workspaceFindings';
import type { FixData } from './types';

export const workloadNotIsolatedRule = workspaceRule('workload-not-isolated', (analysis) => {
  const out: LocatedFinding[] = [];
  const withDefaultDeny = new Set<string>();
  const policyNames = new Map<string, Set<string>>();
  for (const p of analysis.policies()) {
    const { namespace, name, podSelector } = p.policy;
    policyNames.set(namespace, (policyNames.get(namespace) ?? new Set()).add(name));
    if (!isEmptySelector(podSelector)) continue;
    if ((['ingress', 'egress'] as const).some((d) => analysis.network.governs(p.index, d) && rulesOf(p.policy, d).length === 0)) withDefaultDeny.add(namespace);
  }
  // The namespace finding first: where it stands, it carries the fix (one insertion per file).
  const namespaceFindingUri = new Map<string, string>();
  const governed = analysis.workloads().filter((w) => !w.workload.hostNetwork);
  for (const w of governed) {
    const source = w.sources[0];
    const ns = w.workload.namespace;
    if (!source || withDefaultDeny.has(ns) || namespaceFindingUri.has(ns)) continue;
    const declared = analysis.namespaces().find((n) => n.namespace.name === ns)?.source;
    const owner = declared ?? source;
    const at = declared ? metadataValue(declared, 'name') : (metadataValue(source, 'namespace') ?? source.kindNode);
    if (!at) continue;
    namespaceFindingUri.set(ns, owner.uri);
    out.push({
      uri: owner.uri,
      finding: {
        ruleId: 'workload-not-isolated',
        message: `Namespace ${ns} has workloads but no default-deny policy: pods no policy selects accept and send any traffic.`,
        start: at.start,
        end: at.end,
        fixes: [defaultDenyFix(analysis, owner, ns, policyNames.get(ns))].flatMap((f) => f ?? []),
      },
    });
  }
  for (const w of governed) {
    const source = w.sources[0];
    const at = source && (metadataValue(source, 'name') ?? source.kindNode);
    if (!source || !at || analysis.policiesSelecting(w).length > 0) continue;
    const ns = w.workload.namespace;
    const fix = namespaceFindingUri.get(ns) === source.uri ? undefined : defaultDenyFix(analysis, source, ns, policyNames.get(ns));
    out.push({
      uri: source.uri,
      finding: {
        ruleId: 'workload-not-isolated',
        message: `No NetworkPolicy selects ${w.workload.id}: all its ingress and egress is allowed.`,
        start: at.start,
        end: at.end,
        fixes: fix ? [fix] : [],
      },
    });
  }
  return out;
});

function metadataValue(obj: K8sObject, key: string): YScalar | undefined {
  return getScalar(getMap(obj.node, 'metadata'), key);
}

/** Append a default-deny policy for the namespace to the object's file. */
function defaultDenyFix(analysis: WorkspaceAnalysis, obj: K8sObject, namespace: string, taken: ReadonlySet<string> | undefined): FixData | undefined {
  const text = analysis.manifests.getFile(obj.uri)?.text;
  if (text === undefined) return undefined;
  const name = ['default-deny', 'default-deny-all', 'netpol-lens-default-deny'].find((n) => !taken?.has(n)) ?? 'default-deny';
  const doc = [
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  podSelector: {}',
    '  policyTypes:',
    '  - Ingress',
    '  - Egress',
    '  # All ingress and egress denied, except name lookups.',
    '  egress:',
  ].join('\n');
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return {
    title: `Add a default-deny policy for namespace ${namespace}`,
    edits: [{ start: text.length, end: text.length, newText: `${prefix}${doc}\n${dnsRuleBlock('  ')}` }],
    preferred: true,
  };
}
