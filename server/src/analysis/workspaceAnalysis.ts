/**
 * The engine's view of the whole workspace for one manifest version: built from the models,
 * queried by cross-file rules, hovers, lenses and commands. Pure: same manifests and settings,
 * same answers. Everything is computed on first use and cached on the instance (one instance
 * per manifest version and settings); per-file extraction is cached in the injected
 * `ExtractionCache`, so a new version re-reads only the files that changed.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { FileModel } from '../model/fileModel';
import type { K8sObject } from '../model/k8sObject';
import type { ManifestSet } from '../model/manifestSet';
import { at, type YNode } from '../model/yamlTree';
import { parseCidr } from '../engine/cidr';
import type { TieredAnswer } from '../engine/clusterLayer';
import type { ClusterPolicy, ClusterRuleRef } from '../engine/clusterPolicyTypes';
import { ConnectivityMatrix } from '../engine/connectivityMatrix';
import { explainPair, type Endpoint, type PairExplanation } from '../engine/explain';
import type { DirectionAnswer, Network } from '../engine/network';
import { buildWorkspace, type Built, type CarriedBuild } from './buildWorkspace';
import { PortSet } from '../engine/portSet';
import type { Direction, Namespace, Policy, Protocol, RuleRef, Workload } from '../engine/types';
import { AnalysisCarry, type ChangedFiles } from './analysisCarry';
import { ExtractionCache, type FileExtraction, type Sourced, type UnknownResource } from './fileExtraction';
import { podMakersIn, type PodMaker } from './podMakers';
import type { Route } from './readRoute';
import { NONE } from '../collections/none';
import type { RouteClass } from './readRouteClass';
import type { Service } from './readService';

/** A workload with the manifests it comes from (several Pods for one owner). */
export interface WorkloadInfo {
  /** Index in `workloads()` and in the engine. */
  readonly index: number;
  readonly workload: Workload;
  readonly sources: readonly K8sObject[];
}

export interface PolicyInfo {
  readonly index: number;
  readonly policy: Policy;
  readonly source: K8sObject;
}

export interface ClusterPolicyInfo {
  /** Index in `clusterPolicies()` and in the engine's cluster layer. */
  readonly index: number;
  readonly policy: ClusterPolicy;
  readonly source: K8sObject;
}

export interface NamespaceInfo {
  /** Labels include `kubernetes.io/metadata.name`. */
  readonly namespace: Namespace;
  /** The Namespace manifest; undefined for a namespace only referenced (or from settings). */
  readonly source: K8sObject | undefined;
}

/** One file's extraction, as the analysis read it. */
export interface FileContribution {
  readonly uri: string;
  readonly extraction: FileExtraction;
}

/** One end of a connection: a workload, or an IP address such as `10.0.0.1` or `2001:db8::1`. */
export type AnalysisEndpoint = WorkloadInfo | string;


/** What the analysis was built from, handed to the next analysis of the same settings (buildWorkspace.ts). */
const BUILT_KEY = 'analysis:built';

export class WorkspaceAnalysis {
  private built: Built | undefined;
  private matrix: ConnectivityMatrix | undefined;
  private readonly memos = new Map<string, unknown>();
  /** Orders analyses sharing a carry: values and change logs move forward only. */
  private readonly serial: number;

  constructor(
    readonly manifests: ManifestSet,
    readonly settings: NetpolLensSettings,
    private readonly cache: ExtractionCache = new ExtractionCache(),
    /** What the previous analysis of the same settings computed (see `carried`). */
    private readonly carry: AnalysisCarry = new AnalysisCarry(),
  ) {
    this.serial = carry.nextSerial();
  }

  /** Files whose cross-file results may differ from what this analysis computed (see AnalysisCarry). */
  changedSince(): ChangedFiles {
    return this.carry.changedSince(this.serial);
  }

  /** The namespace an object lives in: its own, else the configured default. */
  namespaceOf(obj: K8sObject): string {
    return obj.namespace ?? this.settings.defaultNamespace;
  }

  /** The engine over this workspace (for queries this class does not wrap). */
  get network(): Network {
    return this.build().network;
  }

  /**
   * Every workload, in file order (files sorted by uri); one per Pod owner, whose labels and
   * ports are those of its pod with the smallest name (as netpol-analyzer takes the first pod).
   */
  workloads(): readonly WorkloadInfo[] {
    return this.build().workloads;
  }

  /** Declared namespaces, then those only referenced or listed in `externalNamespaces`. */
  namespaces(): readonly NamespaceInfo[] {
    return this.build().namespaces;
  }

  /** Every NetworkPolicy, in file order; ids are `ns/name` (`ns/name#2` for a duplicate). */
  policies(): readonly PolicyInfo[] {
    return this.build().policies;
  }

  /**
   * Every AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy, in file order;
   * ids are `<Kind>/<name>` (`…#2` for a duplicate).
   */
  clusterPolicies(): readonly ClusterPolicyInfo[] {
    return this.build().clusterPolicies;
  }

  clusterPolicyOf(obj: K8sObject): ClusterPolicyInfo | undefined {
    return this.build().clusterPolicyByObject.get(obj);
  }

  clusterPolicyById(id: string): ClusterPolicyInfo | undefined {
    return this.build().clusterPolicyById.get(id);
  }

  /** Workloads a cluster-wide policy's subject selects. */
  subjectWorkloads(policy: ClusterPolicyInfo): WorkloadInfo[] {
    const { network, workloads } = this.build();
    return [...network.cluster.subject(policy.index)].map((i) => workloads[i] as WorkloadInfo);
  }

  /** Cluster-wide policies whose subject selects the workload (whatever directions they have rules for). */
  clusterPoliciesSelecting(workload: WorkloadInfo): ClusterPolicyInfo[] {
    const { network, clusterPolicies } = this.build();
    return clusterPolicies.filter((p) => network.cluster.subject(p.index).has(workload.index));
  }

  /** The cluster-wide rules applying to the workload in a direction, by tier, in evaluation order. */
  tiered(workload: WorkloadInfo, direction: Direction): TieredAnswer {
    return this.network.tiered(workload.index, direction);
  }

  /** The workload a manifest defines or belongs to (a Pod: its owner's workload; a custom resource: its first). */
  workloadOf(obj: K8sObject): WorkloadInfo | undefined {
    return this.build().lookups.workloadsOf(obj)[0];
  }

  /** Every workload a manifest defines (an operator's custom resource may make several). */
  workloadsOf(obj: K8sObject): readonly WorkloadInfo[] {
    return this.build().lookups.workloadsOf(obj);
  }

  /**
   * Custom resources of a namespace whose kinds the operator catalogue does not know (and that
   * hold no pod template): their controllers may make pods the workspace does not show. In file
   * order.
   */
  unknownResourcesIn(namespace: string): readonly Sourced<UnknownResource>[] {
    return this.build().joined.unknownResources.get(namespace) ?? [];
  }

  /** The same, for every namespace that has some. */
  unknownResources(): ReadonlyMap<string, readonly Sourced<UnknownResource>[]> {
    return this.build().joined.unknownResources;
  }

  /**
   * Workloads that may make pods in a namespace that the workspace does not show: their service
   * account may create pods there (`podMakers.ts`). In workspace order of the bindings.
   */
  podMakersIn(namespace: string): readonly PodMaker<WorkloadInfo>[] {
    const grants = this.build().joined.podCreatorGrants;
    if (grants.length === 0) return NONE;
    return this.memo(`index:podMakers:${namespace}`, (a) => podMakersIn(grants, namespace, (ns) => a.workloadsIn(ns), serviceAccountOf));
  }

  /** Where pods may be made by which workload, as one string two analyses compare (empty when no binding grants creation). */
  podMakersKey(): string {
    const grants = this.build().joined.podCreatorGrants;
    if (grants.length === 0) return '';
    return this.memo('index:podMakersKey', (a) => JSON.stringify([...new Set(grants.map((g) => g.namespace))].sort().map((ns) => [ns, a.podMakersIn(ns).map((m) => [m.workload.workload.id, m.grant.role])])));
  }

  /** What each file contributed, in workspace order: lets a carried value compare per file. */
  fileExtractions(): readonly FileContribution[] {
    return this.build().joined.extractions;
  }

  /** Core Services with a pod selector, in file order. */
  services(): readonly Sourced<Service>[] {
    return this.build().joined.services;
  }

  /**
   * The Services of one namespace, in file order (once per namespace asked while the join's
   * Services are the same array: rules ask per policy and route, an edit for a few namespaces, so
   * no index of every namespace is built; an edit that left every Service in place keeps them).
   */
  servicesIn(namespace: string): readonly Sourced<Service>[] {
    const byNamespace = this.carried<ServicesByNamespace>('index:servicesByNamespace', (a, previous) => {
      const services = a.services();
      return previous?.services === services ? previous : { services, lists: new Map() };
    });
    let list = byNamespace.lists.get(namespace);
    if (!list) byNamespace.lists.set(namespace, (list = byNamespace.services.filter((s) => s.value.namespace === namespace)));
    return list;
  }

  /** The workloads of one namespace, in order (the engine's per-namespace set, once per analysis and namespace). */
  workloadsIn(namespace: string): readonly WorkloadInfo[] {
    return this.memo(`index:workloads:${namespace}`, (a) => {
      const { network, workloads } = a.build();
      return [...network.podsIn(namespace)].map((i) => workloads[i] as WorkloadInfo);
    });
  }

  /**
   * What one file model contributes (any model, this analysis's or an earlier one's: extraction
   * depends on the model and the default namespace only). The very same object while the model
   * lives, so an unchanged file is told by identity.
   */
  extractionOf(file: FileModel): FileExtraction {
    return this.cache.get(file, this.settings.defaultNamespace);
  }

  /** Ingresses, HTTPRoutes, GRPCRoutes and OpenShift Routes, in file order. */
  routes(): readonly Sourced<Route>[] {
    return this.build().joined.routes;
  }

  /** IngressClasses, GatewayClasses and Gateways, in file order. */
  routeClasses(): readonly Sourced<RouteClass>[] {
    return this.build().joined.routeClasses;
  }

  policyOf(obj: K8sObject): PolicyInfo | undefined {
    return this.build().lookups.policyOf(obj);
  }

  /** The NetworkPolicies of one file, in order. */
  policiesOfFile(uri: string): readonly PolicyInfo[] {
    return this.build().lookups.policiesOfFile(uri);
  }

  policyById(id: string): PolicyInfo | undefined {
    return this.build().lookups.policyById(id);
  }

  /** Workloads the policy's podSelector selects in its namespace. */
  selectedWorkloads(policy: PolicyInfo): WorkloadInfo[] {
    const { network, workloads } = this.build();
    return [...network.selected(policy.index)].map((i) => workloads[i] as WorkloadInfo);
  }

  /** Policies selecting the workload, whatever directions they govern. */
  policiesSelecting(workload: WorkloadInfo): PolicyInfo[] {
    const { network, policies } = this.build();
    return network.selecting(workload.index).map((i) => policies[i] as PolicyInfo);
  }

  /**
   * What the workload may do in a direction: the policies governing it, whether it is isolated,
   * and the allowed pieces (peers × ports), each tagged with its policy, rule and peer.
   */
  allowed(workload: WorkloadInfo, direction: Direction): DirectionAnswer {
    return this.network.allowed(workload.index, direction);
  }

  /**
   * Why `src` may (not) reach `dst`, on one port or all. Undefined when an address does not
   * parse. The explanation lists, per side, the rules that allow it, or the deny reasons.
   */
  explain(src: AnalysisEndpoint, dst: AnalysisEndpoint, port?: { protocol: Protocol; port: number }): PairExplanation | undefined {
    const a = toEndpoint(src);
    const b = toEndpoint(dst);
    if (!a || !b) return undefined;
    const only = port ? PortSet.range(port.protocol, port.port, port.port) : PortSet.all();
    return explainPair(this.network, a, b, only);
  }

  /** The full connectivity matrix (computed once per instance). */
  connectivity(): ConnectivityMatrix {
    this.matrix ??= new ConnectivityMatrix(this.network);
    return this.matrix;
  }

  /**
   * A value derived from this analysis, computed once per instance (one per manifest version and
   * settings): lets cross-file rules do their work in one pass over the workspace and answer
   * each file from the result. `key` names the value (a rule id); `compute` must be pure.
   */
  memo<T>(key: string, compute: (analysis: WorkspaceAnalysis) => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute(this);
    this.memos.set(key, value);
    return value;
  }

  /**
   * Like `memo`, but `compute` also gets the value the latest earlier analysis of the same
   * settings computed under `key` (undefined at first). It may reuse parts of it only after
   * checking that the inputs those parts were computed from are unchanged: the value must record
   * them. The result is handed on to the next analysis. A value that holds findings per file
   * must report, through `changed`, the files whose findings differ from `previous`'s ('all' when
   * there is no previous): that is how the publisher knows which files to send again.
   */
  carried<T>(key: string, compute: (analysis: WorkspaceAnalysis, previous: T | undefined, changed: (uris: Iterable<string> | 'all') => void) => T): T {
    // Asked once per file per rule: answer a computed key without building the closure below.
    const known = this.memos.get(key);
    if (known !== undefined) return known as T;
    return this.memo(key, (a) => {
      const noted: (Iterable<string> | 'all')[] = [];
      const value = compute(a, this.carry.get(key) as T | undefined, (uris) => noted.push(uris));
      if (this.carry.set(key, value, this.serial)) for (const uris of noted) this.carry.noteChanged(this.serial, uris);
      return value;
    });
  }

  /** The YAML node of a rule (`spec.ingress[i]`) or of its peer (`…from[j]`), for spans. */
  ruleNode(ref: RuleRef): YNode | undefined {
    const source = this.build().lookups.policyById(ref.policy)?.source.node;
    const rule = at(source, ['spec', ref.direction, ref.ruleIndex]);
    return ref.peerIndex === undefined ? rule : at(rule, [ref.direction === 'ingress' ? 'from' : 'to', ref.peerIndex]);
  }

  /** The YAML node of a cluster-wide policy's rule (`spec.ingress[i]`), or of its peer. */
  clusterRuleNode(ref: ClusterRuleRef, withPeer = true): YNode | undefined {
    const source = this.build().clusterPolicyById.get(ref.policy)?.source.node;
    const rule = at(source, ['spec', ref.direction, ref.ruleIndex]);
    return withPeer ? at(rule, [ref.direction === 'ingress' ? 'from' : 'to', ref.peerIndex]) : rule;
  }

  private build(): Built {
    if (this.built) return this.built;
    const previous = this.carry.get(BUILT_KEY) as CarriedBuild | undefined;
    this.built = buildWorkspace(this.manifests, this.settings, this.cache, previous);
    this.carry.set(BUILT_KEY, { manifests: new WeakRef(this.manifests), built: this.built }, this.serial);
    return this.built;
  }
}

/** The Services of the namespaces asked so far, filled as asked: a function of the Services array alone. */
interface ServicesByNamespace {
  readonly services: readonly Sourced<Service>[];
  readonly lists: Map<string, readonly Sourced<Service>[]>;
}

function toEndpoint(e: AnalysisEndpoint): Endpoint | undefined {
  if (typeof e !== 'string') return { workload: e.index };
  const parsed = parseCidr(e.includes('/') ? e : `${e}/${e.includes(':') ? 128 : 32}`);
  if (!parsed.ok) return undefined;
  return { family: parsed.cidr.family, address: parsed.cidr.address };
}

/** The service account a workload's pods run as. */
function serviceAccountOf(w: WorkloadInfo): string {
  return w.workload.serviceAccountName ?? 'default';
}
