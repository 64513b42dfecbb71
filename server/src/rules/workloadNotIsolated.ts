/**
 * `workload-not-isolated` (off by default; governance): a workload no NetworkPolicy selects (all
 * its traffic is allowed), and a namespace with workloads but no default-deny policy (an empty
 * podSelector isolating a direction with no rule for it). The fix appends a default-deny policy
 * for the namespace to the file: all ingress and all egress denied except cluster DNS, the
 * "deny all at onboarding, then open what is needed" starting point. Host-network workloads are
 * left out: no NetworkPolicy isolates them.
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { isEmptySelector } from '../engine/labelSelector';
import { rulesOf } from '../engine/policyTypes';
import type { K8sObject } from '../model/k8sObject';
import { getMap, getScalar, type YScalar } from '../model/yamlTree';
import { dnsRuleBlock } from './crossFile/dnsEgressRule';
import { itemRule } from './crossFile/itemRule';
import type { LocatedFinding } from './crossFile/workspaceFindings';
import type { FixData } from './types';

/**
 * Judged per namespace: its findings read its workloads and their files, its NetworkPolicies, its
 * Namespace manifest and the settings; an edit touching none of those keeps them.
 */
export const workloadNotIsolatedRule = itemRule<string>('workload-not-isolated', {
  items: governedNamespaces,
  judge: namespaceFindings,
  holds: (ns, changes) => !changes.namespaces && !changes.workloads.has(ns) && !changes.policies.has(ns) && !changes.inChangedFiles.has(ns),
});

/** Namespaces with a workload NetworkPolicy can isolate, in the order of their first one. */
function governedNamespaces(analysis: WorkspaceAnalysis): Set<string> {
  const out = new Set<string>();
  for (const w of analysis.workloads()) if (!w.workload.hostNetwork) out.add(w.workload.namespace);
  return out;
}

function namespaceFindings(ns: string, analysis: WorkspaceAnalysis): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const policies = analysis.memo('workload-not-isolated:policies', (a) => groupByNamespace(a.policies()));
  const own = policies.get(ns) ?? [];
  const policyNames = new Set(own.map((p) => p.policy.name));
  const withDefaultDeny = own.some(
    (p) => isEmptySelector(p.policy.podSelector) && (['ingress', 'egress'] as const).some((d) => analysis.network.governs(p.index, d) && rulesOf(p.policy, d).length === 0),
  );
  const governed = analysis.workloadsIn(ns).filter((w) => !w.workload.hostNetwork);
  // The namespace finding first: where it stands, it carries the fix (one insertion per file).
  let namespaceFindingUri: string | undefined;
  for (const w of withDefaultDeny ? [] : governed) {
    const source = w.sources[0];
    if (!source) continue;
    const declared = analysis.namespaces().find((n) => n.namespace.name === ns)?.source;
    const owner = declared ?? source;
    const at = declared ? metadataValue(declared, 'name') : (metadataValue(source, 'namespace') ?? source.kindNode);
    if (!at) continue;
    namespaceFindingUri = owner.uri;
    out.push({
      uri: owner.uri,
      finding: {
        ruleId: 'workload-not-isolated',
        message: `Namespace ${ns} has workloads but no default-deny policy: pods no policy selects accept and send any traffic.`,
        start: at.start,
        end: at.end,
        fixes: [defaultDenyFix(analysis, owner, ns, policyNames)].flatMap((f) => f ?? []),
      },
    });
    break;
  }
  for (const w of governed) {
    const source = w.sources[0];
    const at = source && (metadataValue(source, 'name') ?? source.kindNode);
    if (!source || !at || analysis.policiesSelecting(w).length > 0) continue;
    const fix = namespaceFindingUri === source.uri ? undefined : defaultDenyFix(analysis, source, ns, policyNames);
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
}

function groupByNamespace(policies: readonly PolicyInfo[]): Map<string, PolicyInfo[]> {
  const out = new Map<string, PolicyInfo[]>();
  for (const p of policies) {
    const list = out.get(p.policy.namespace);
    if (list) list.push(p);
    else out.set(p.policy.namespace, [p]);
  }
  return out;
}

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
