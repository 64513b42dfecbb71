/**
 * What one file contributes to the engine: its workloads, namespaces, NetworkPolicies and
 * cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy),
 * each with the object it came from, and the custom resources of kinds the operator catalogue does not know
 * (they may stand for pods the workspace does not show). Extraction depends only on the file
 * model and the default namespace, so `ExtractionCache` keeps it per FileModel: an edit to one
 * file re-reads that file only.
 */
import { isCustomApiVersion } from '../model/apiGroups';
import type { FileModel } from '../model/fileModel';
import type { K8sObject } from '../model/k8sObject';
import { getMap, toStringMap } from '../model/yamlTree';
import type { ClusterPolicy } from '../engine/clusterPolicyTypes';
import type { Namespace, Policy, Workload } from '../engine/types';
import { catalogueEntry } from './operators/catalogue';
import { operatorWorkloads } from './operators/operatorWorkloads';
import { isClusterPolicy, readClusterPolicy } from './readClusterPolicy';
import { readPolicy } from './readPolicy';
import { readRoute, type Route } from './readRoute';
import { readRouteClass, type RouteClass } from './readRouteClass';
import { isService, readService, type Service } from './readService';
import { readWorkload } from './readWorkload';

export interface Sourced<T> {
  readonly value: T;
  readonly source: K8sObject;
}

export interface FileExtraction {
  readonly workloads: readonly Sourced<Workload>[];
  readonly namespaces: readonly Sourced<Namespace>[];
  /** Policies with `ns/name` ids (made unique across files by the workspace). */
  readonly policies: readonly Sourced<Policy>[];
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy objects, with `<Kind>/<name>` ids. */
  readonly clusterPolicies: readonly Sourced<ClusterPolicy>[];
  /** Custom resources neither in the operator catalogue nor with a pod template of their own. */
  readonly unknownResources: readonly Sourced<UnknownResource>[];
  /** Core Services with a pod selector. */
  readonly services: readonly Sourced<Service>[];
  /** Ingresses, HTTPRoutes, GRPCRoutes and OpenShift Routes with their Service backends. */
  readonly routes: readonly Sourced<Route>[];
  /** IngressClasses, GatewayClasses and Gateways: which controller serves a route. */
  readonly routeClasses: readonly Sourced<RouteClass>[];
}

/** A custom resource whose controller may make pods the workspace does not show. */
export interface UnknownResource {
  readonly kind: string;
  /** Undefined when the name could not be read (a header-only document in flow style). */
  readonly name: string | undefined;
  readonly namespace: string;
}

const NETWORK_POLICY_API = /^(networking\.k8s\.io|extensions)\//;

export function extractFile(file: FileModel, defaultNamespace: string): FileExtraction {
  const workloads: Sourced<Workload>[] = [];
  const namespaces: Sourced<Namespace>[] = [];
  const policies: Sourced<Policy>[] = [];
  const unknownResources: Sourced<UnknownResource>[] = [];
  const clusterPolicies: Sourced<ClusterPolicy>[] = [];
  const services: Sourced<Service>[] = [];
  const routes: Sourced<Route>[] = [];
  const routeClasses: Sourced<RouteClass>[] = [];
  for (const obj of file.objects) {
    const ns = obj.namespace ?? defaultNamespace;
    const route = obj.node && readRoute(obj, ns);
    if (route) routes.push({ value: route, source: obj });
    const routeClass = obj.node && readRouteClass(obj, ns);
    if (routeClass) routeClasses.push({ value: routeClass, source: obj });
    // Served by CRDs, but policies the engine reads, not resources that may make pods.
    if (isClusterPolicy(obj)) {
      const policy = readClusterPolicy(obj, `${obj.kind}/${obj.name ?? ''}`);
      if (policy) clusterPolicies.push({ value: policy, source: obj });
      continue;
    }
    if (isCustomApiVersion(obj.apiVersion)) {
      const entry = catalogueEntry(obj.apiVersion, obj.kind);
      const found = entry ? operatorWorkloads(obj, entry, ns) : [readWorkload(obj, ns) ?? []].flat();
      for (const value of found) workloads.push({ value, source: obj });
      if (!entry && found.length === 0) unknownResources.push({ value: { kind: obj.kind, name: obj.name, namespace: ns }, source: obj });
      continue;
    }
    if (!obj.node) continue;
    if (obj.kind === 'Namespace' && obj.name) {
      namespaces.push({ value: { name: obj.name, labels: toStringMap(getMap(getMap(obj.node, 'metadata'), 'labels')) }, source: obj });
    } else if (obj.kind === 'NetworkPolicy' && (obj.apiVersion === undefined || NETWORK_POLICY_API.test(obj.apiVersion))) {
      const policy = readPolicy(obj, `${ns}/${obj.name ?? ''}`, ns);
      if (policy) policies.push({ value: policy, source: obj });
    } else if (isService(obj)) {
      const service = readService(obj, ns);
      if (service) services.push({ value: service, source: obj });
    } else {
      const workload = readWorkload(obj, ns);
      if (workload) workloads.push({ value: workload, source: obj });
    }
  }
  return { workloads, namespaces, policies, clusterPolicies, unknownResources, services, routes, routeClasses };
}

/** Per-file extractions, reused while a FileModel object lives (inject one per server or CLI run). */
export class ExtractionCache {
  private readonly byFile = new WeakMap<FileModel, Map<string, FileExtraction>>();
  private readonly ranks = new WeakMap<Sourced<Workload>, string>();

  /**
   * Orders the manifests of one workload: the pod with the smallest name (then file, then
   * content) represents it. A JSON text, kept while the extraction lives.
   */
  representativeRank(w: Sourced<Workload>): string {
    let rank = this.ranks.get(w);
    if (rank === undefined) {
      rank = JSON.stringify([w.source.name ?? '', w.source.uri, w.value.labels, w.value.namedPorts]);
      this.ranks.set(w, rank);
    }
    return rank;
  }

  get(file: FileModel, defaultNamespace: string): FileExtraction {
    let perNs = this.byFile.get(file);
    if (!perNs) this.byFile.set(file, (perNs = new Map<string, FileExtraction>()));
    let extraction = perNs.get(defaultNamespace);
    if (!extraction) perNs.set(defaultNamespace, (extraction = extractFile(file, defaultNamespace)));
    return extraction;
  }
}
