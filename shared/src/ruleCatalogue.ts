/**
 * The public catalogue of diagnostics. Rule ids are a public interface (settings, suppressions,
 * SARIF, docs URLs): never rename one once shipped.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off' | 'default';

export type RuleCategory = 'syntax' | 'ipblock' | 'selectors' | 'deprecation' | 'combination' | 'structure' | 'governance';

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity | 'off';
}

export const DOCS_BASE_URL = 'https://github.com/netpol-lens/netpol-lens/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export const RULES = [
  { id: 'yaml-syntax', title: 'YAML syntax error in a Kubernetes manifest', category: 'syntax', defaultSeverity: 'error' },
  { id: 'yaml-duplicate-key', title: 'Key set twice in one map', category: 'syntax', defaultSeverity: 'warning' },
  { id: 'document-not-analysed', title: 'Document beyond what Netpol Lens reads (nesting, alias expansion)', category: 'syntax', defaultSeverity: 'warning' },
  { id: 'ipblock-invalid-cidr', title: 'ipBlock CIDR is not valid', category: 'ipblock', defaultSeverity: 'error' },
  { id: 'ipblock-noncanonical-cidr', title: 'ipBlock CIDR has host bits set or is not canonical', category: 'ipblock', defaultSeverity: 'warning' },
  { id: 'ipblock-except-outside-cidr', title: 'except entry outside its cidr', category: 'ipblock', defaultSeverity: 'error' },
  { id: 'ipblock-except-not-strict-subset', title: 'except entry equals its cidr', category: 'ipblock', defaultSeverity: 'error' },
  { id: 'ipblock-except-redundant', title: 'except entry contained in another', category: 'ipblock', defaultSeverity: 'warning' },
  { id: 'ipblock-cluster-range', title: 'ipBlock overlaps cluster pod/service ranges', category: 'ipblock', defaultSeverity: 'warning' },
  { id: 'policy-selects-nothing', title: 'Policy selects no workload', category: 'selectors', defaultSeverity: 'warning' },
  { id: 'peer-pod-selector-matches-nothing', title: 'Peer podSelector matches no workload', category: 'selectors', defaultSeverity: 'warning' },
  { id: 'policy-selects-host-network', title: 'Policy selects only host-network pods', category: 'selectors', defaultSeverity: 'warning' },
  { id: 'peer-namespace-selector-matches-nothing', title: 'Peer namespaceSelector matches no namespace', category: 'selectors', defaultSeverity: 'warning' },
  { id: 'selector-invalid', title: 'Label selector is not valid', category: 'selectors', defaultSeverity: 'error' },
  { id: 'deprecated-api-version', title: 'Deprecated or removed apiVersion', category: 'deprecation', defaultSeverity: 'warning' },
  { id: 'legacy-isolation-annotation', title: 'Pre-1.7 namespace isolation annotation', category: 'deprecation', defaultSeverity: 'warning' },
  { id: 'except-nullified', title: 'except entry allowed by another rule', category: 'combination', defaultSeverity: 'warning' },
  { id: 'deny-nullified', title: 'Deny-all policy undone by another policy', category: 'combination', defaultSeverity: 'warning' },
  { id: 'rule-redundant', title: 'Rule contained in another rule', category: 'combination', defaultSeverity: 'hint' },
  { id: 'ingress-controller-blocked', title: 'Ingress controller cannot reach the route\'s backend pods', category: 'combination', defaultSeverity: 'warning' },
  { id: 'egress-blocks-dns', title: 'Egress isolation blocks cluster DNS', category: 'combination', defaultSeverity: 'warning' },
  { id: 'peer-and-or-split', title: 'namespaceSelector and podSelector as separate peers (OR)', category: 'structure', defaultSeverity: 'warning' },
  { id: 'rule-ports-split', title: 'ports split into a rule of its own', category: 'structure', defaultSeverity: 'warning' },
  { id: 'policy-types-implicit', title: 'policyTypes omitted', category: 'structure', defaultSeverity: 'information' },
  { id: 'policy-types-mismatch', title: 'Rules for a direction not in policyTypes', category: 'structure', defaultSeverity: 'warning' },
  { id: 'protocol-invalid', title: 'Protocol is not TCP, UDP or SCTP', category: 'structure', defaultSeverity: 'error' },
  { id: 'port-invalid', title: 'Port or endPort is not valid', category: 'structure', defaultSeverity: 'error' },
  { id: 'named-port-unresolved', title: 'Named port matches no container port', category: 'structure', defaultSeverity: 'warning' },
  { id: 'port-is-service-port', title: "Port is a Service's port, not the pods' target port", category: 'structure', defaultSeverity: 'warning' },
  { id: 'peer-invalid', title: 'Peer the API server rejects (empty, or ipBlock with a selector)', category: 'structure', defaultSeverity: 'error' },
  { id: 'policy-types-invalid', title: 'policyTypes value the API server rejects', category: 'structure', defaultSeverity: 'error' },
  { id: 'metadata-name-invalid', title: 'metadata.name is not a DNS-1123 subdomain', category: 'structure', defaultSeverity: 'error' },
  { id: 'allow-all-rule', title: 'Rule allows every peer', category: 'structure', defaultSeverity: 'hint' },
  { id: 'unknown-field', title: 'Unknown or misplaced field', category: 'structure', defaultSeverity: 'error' },
  { id: 'field-type-invalid', title: 'Field value of the wrong shape (map, list or scalar)', category: 'structure', defaultSeverity: 'error' },
  { id: 'duplicate-policy', title: 'Two policies with the same namespace and name', category: 'structure', defaultSeverity: 'warning' },
  { id: 'cluster-policy-action-invalid', title: 'Cluster-wide policy rule action missing or not in the enum', category: 'structure', defaultSeverity: 'error' },
  { id: 'cluster-policy-priority-invalid', title: 'Cluster-wide policy priority missing or out of 0-1000', category: 'structure', defaultSeverity: 'error' },
  { id: 'cluster-policy-tier-invalid', title: 'ClusterNetworkPolicy tier missing or not Admin/Baseline', category: 'structure', defaultSeverity: 'error' },
  { id: 'cluster-policy-subject-invalid', title: 'Cluster-wide policy subject missing or not exactly one of namespaces/pods', category: 'structure', defaultSeverity: 'error' },
  { id: 'cluster-policy-peer-invalid', title: 'Cluster-wide policy rule without peers, or a peer not setting exactly one field', category: 'structure', defaultSeverity: 'error' },
  { id: 'cluster-policy-port-invalid', title: 'Cluster-wide policy port entry the CRD rejects', category: 'structure', defaultSeverity: 'error' },
  { id: 'cluster-policy-network-invalid', title: 'networks entry that is not a CIDR, or listed twice', category: 'ipblock', defaultSeverity: 'error' },
  { id: 'cluster-policy-network-noncanonical', title: 'networks CIDR with host bits set', category: 'ipblock', defaultSeverity: 'warning' },
  { id: 'cluster-policy-too-long', title: 'Cluster-wide policy list or name longer than the CRD allows', category: 'structure', defaultSeverity: 'error' },
  { id: 'cluster-policy-priority-overlap', title: 'Two cluster-wide policies of one tier and priority match the same traffic', category: 'combination', defaultSeverity: 'warning' },
  { id: 'cluster-rule-shadowed', title: 'Cluster-wide policy rule decided entirely by earlier rules', category: 'combination', defaultSeverity: 'warning' },
  { id: 'pass-without-lower-tier', title: 'Pass with no NetworkPolicy or baseline rule behind it', category: 'combination', defaultSeverity: 'information' },
  { id: 'baseline-rule-unreachable', title: 'Baseline rule for pods NetworkPolicies isolate', category: 'combination', defaultSeverity: 'warning' },
  { id: 'workload-not-isolated', title: 'Workload or namespace without default-deny', category: 'governance', defaultSeverity: 'off' },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

export const DIAGNOSTIC_SOURCE = 'netpol-lens';
