/**
 * The engine's input: plain data shaped like the Kubernetes API (networking.k8s.io/v1), with
 * values already read from YAML. Built by `server/src/analysis/`, or by hand in tests.
 *
 * Values the API server would reject are kept as written where a type allows it (an unknown
 * operator, a bad CIDR, a protocol `tcp`) and then match nothing; see SEMANTICS.md.
 */
import type { ClusterPolicy } from './clusterPolicyTypes';

export type Labels = Readonly<Record<string, string>>;

export type Direction = 'ingress' | 'egress';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Protocols in the order listings print them (by name). */
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

export interface SelectorRequirement {
  readonly key: string;
  /** `In`, `NotIn`, `Exists`, `DoesNotExist`; anything else matches nothing. */
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly SelectorRequirement[];
}

/** A container port with a name: what a named port in a policy resolves to. */
export interface NamedPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface Workload {
  /** `ns/name[Kind]`: unique within one engine input. */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  /** Deployment, StatefulSet, …, or Pod for a pod without controller. */
  readonly kind: string;
  /** The pod template's labels (the pods' labels). */
  readonly labels: Labels;
  readonly namedPorts: readonly NamedPort[];
  /**
   * True when the pods may declare container ports `namedPorts` does not list (pods an operator
   * makes, whose ports depend on objects not read); absent means the list is complete.
   */
  readonly namedPortsPartial?: true;
  /** Container ports declared without a name (absent when there are none). */
  readonly unnamedPorts?: readonly { readonly port: number; readonly protocol: Protocol }[];
  /**
   * True for pods in the node's network namespace (`hostNetwork: true`). The engine selects them
   * by labels like any pod; whether a network plugin applies policies to them is the rules'
   * business (most do not).
   */
  readonly hostNetwork?: true;
  /**
   * The pods' `serviceAccountName` as written (absent: `default`). Not read by the engine: a
   * service account that may create pods makes its workload a controller (`analysis/podMakers.ts`).
   */
  readonly serviceAccountName?: string;
}

export interface Namespace {
  readonly name: string;
  /** As declared; the engine adds `kubernetes.io/metadata.name`. */
  readonly labels: Labels;
}

export interface IpBlock {
  readonly cidr: string;
  readonly except?: readonly string[];
}

export interface PolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IpBlock;
}

export interface PolicyPort {
  /** Missing means TCP. */
  readonly protocol?: string;
  /** A number, a named port (string), or missing (every port of the protocol). */
  readonly port?: number | string;
  readonly endPort?: number;
}

export interface PolicyRule {
  /** `from` (ingress) or `to` (egress); missing or empty: every peer. */
  readonly peers?: readonly PolicyPeer[];
  /** Missing or empty: every port and protocol. */
  readonly ports?: readonly PolicyPort[];
}

export interface Policy {
  /** Unique within one engine input, e.g. `ns/name` plus a disambiguator for duplicates. */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  /** Missing means `{}`: every pod of the namespace. */
  readonly podSelector?: LabelSelector;
  /** As written; missing or empty gets the API server's default. */
  readonly policyTypes?: readonly string[];
  /** Missing and `[]` are the same: no rule. */
  readonly ingress?: readonly PolicyRule[];
  readonly egress?: readonly PolicyRule[];
}

export interface EngineInput {
  readonly workloads: readonly Workload[];
  readonly namespaces: readonly Namespace[];
  readonly policies: readonly Policy[];
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy objects. */
  readonly clusterPolicies?: readonly ClusterPolicy[];
}

/** Which rule and peer of which policy allows something. `peerIndex` is undefined for a rule without peers. */
export interface RuleRef {
  readonly policy: string;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly peerIndex: number | undefined;
}

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
