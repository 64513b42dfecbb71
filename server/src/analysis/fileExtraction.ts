/**
 * What one file contributes to the engine: its workloads, namespaces, NetworkPolicies and
 * cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy),
 * each with the object it came from, and the custom resources of kinds the operator catalogue does not know
 * (they may stand for pods the workspace does not show), and its RBAC roles and service account
 * bindings (which workloads may create pods: `podMakers.ts`). Extraction depends only on the file
 * model and the default namespace, so `ExtractionCache` keeps it per FileModel, and per object:
 * an edit re-reads only the objects of the document it touched (the model keeps the objects of
 * the documents it did not touch, unless they moved).
 */
import { isCustomApiVersion } from '../model/apiGroups';
import { takeMovedObject, type FileModel } from '../model/fileModel';
import type { K8sObject } from '../model/k8sObject';
import { getMap, toStringMap } from '../model/yamlTree';
import type { ClusterPolicy } from '../engine/clusterPolicyTypes';
import type { Namespace, Policy, Workload } from '../engine/types';
import { catalogueEntry } from './operators/catalogue';
import { operatorWorkloads } from './operators/operatorWorkloads';
import { isClusterPolicy, readClusterPolicy } from './readClusterPolicy';
import { readAccess, type Access } from './readAccess';
import { readPolicy } from './readPolicy';
import { readRoute, type Route } from './readRoute';
import { readRouteClass, type RouteClass } from './readRouteClass';
import { isService, readService, type Service } from './readService';
import { readWorkload } from './readWorkload';
import { NONE, orNone } from '../collections/none';

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
  /** Roles, ClusterRoles and bindings of service accounts. */
  readonly access: readonly Sourced<Access>[];
}

/** A custom resource whose controller may make pods the workspace does not show. */
export interface UnknownResource {
  readonly kind: string;
  /** Undefined when the name could not be read (a header-only document in flow style). */
  readonly name: string | undefined;
  readonly namespace: string;
}

const NETWORK_POLICY_API = /^(networking\.k8s\.io|extensions)\//;

const EMPTY: FileExtraction = { workloads: NONE, namespaces: NONE, policies: NONE, clusterPolicies: NONE, unknownResources: NONE, services: NONE, routes: NONE, routeClasses: NONE, access: NONE };

/** What one object contributes (an object of a file is read the same whatever the rest of the file holds). */
export function extractObject(obj: K8sObject, defaultNamespace: string): FileExtraction {
  const ns = obj.namespace ?? defaultNamespace;
  const route = obj.node && readRoute(obj, ns);
  const routeClass = obj.node && readRouteClass(obj, ns);
  const routing = {
    routes: route ? [{ value: route, source: obj }] : NONE,
    routeClasses: routeClass ? [{ value: routeClass, source: obj }] : NONE,
  };
  const only = (part: Partial<FileExtraction>): FileExtraction =>
    route || routeClass ? { ...EMPTY, ...routing, ...part } : Object.keys(part).length === 0 ? EMPTY : { ...EMPTY, ...part };
  // Served by CRDs, but policies the engine reads, not resources that may make pods.
  if (isClusterPolicy(obj)) {
    const policy = readClusterPolicy(obj, `${obj.kind}/${obj.name ?? ''}`);
    return policy ? only({ clusterPolicies: [{ value: policy, source: obj }] }) : only({});
  }
  if (isCustomApiVersion(obj.apiVersion)) {
    const entry = catalogueEntry(obj.apiVersion, obj.kind);
    const found = entry ? operatorWorkloads(obj, entry, ns) : [readWorkload(obj, ns) ?? []].flat();
    return only({
      workloads: found.map((value) => ({ value, source: obj })),
      unknownResources: !entry && found.length === 0 ? [{ value: { kind: obj.kind, name: obj.name, namespace: ns }, source: obj }] : NONE,
    });
  }
  if (!obj.node) return only({});
  if (obj.kind === 'Namespace' && obj.name) {
    return only({ namespaces: [{ value: { name: obj.name, labels: toStringMap(getMap(getMap(obj.node, 'metadata'), 'labels')) }, source: obj }] });
  }
  if (obj.kind === 'NetworkPolicy' && (obj.apiVersion === undefined || NETWORK_POLICY_API.test(obj.apiVersion))) {
    const policy = readPolicy(obj, `${ns}/${obj.name ?? ''}`, ns);
    return only(policy ? { policies: [{ value: policy, source: obj }] } : {});
  }
  if (isService(obj)) {
    const service = readService(obj, ns);
    return only(service ? { services: [{ value: service, source: obj }] } : {});
  }
  const access = readAccess(obj, ns);
  if (access) return only({ access: [{ value: access, source: obj }] });
  const workload = readWorkload(obj, ns);
  return only(workload ? { workloads: [{ value: workload, source: obj }] } : {});
}

/** The contributions of a file's objects, in order (`extract`: one object's, possibly cached). */
export function extractFile(file: FileModel, defaultNamespace: string, extract: (obj: K8sObject, ns: string) => FileExtraction = extractObject): FileExtraction {
  const out = {
    workloads: [] as Sourced<Workload>[],
    namespaces: [] as Sourced<Namespace>[],
    policies: [] as Sourced<Policy>[],
    clusterPolicies: [] as Sourced<ClusterPolicy>[],
    unknownResources: [] as Sourced<UnknownResource>[],
    services: [] as Sourced<Service>[],
    routes: [] as Sourced<Route>[],
    routeClasses: [] as Sourced<RouteClass>[],
    access: [] as Sourced<Access>[],
  };
  for (const obj of file.objects) {
    const part = extract(obj, defaultNamespace);
    if (part === EMPTY) continue;
    for (const key of Object.keys(out) as (keyof FileExtraction)[]) {
      const items = part[key];
      if (items.length > 0) (out[key] as unknown[]).push(...items);
    }
  }
  return {
    workloads: orNone(out.workloads),
    namespaces: orNone(out.namespaces),
    policies: orNone(out.policies),
    clusterPolicies: orNone(out.clusterPolicies),
    unknownResources: orNone(out.unknownResources),
    services: orNone(out.services),
    routes: orNone(out.routes),
    routeClasses: orNone(out.routeClasses),
    access: orNone(out.access),
  };
}

/** Per-file extractions, reused while a FileModel object lives (inject one per server or CLI run). */
export class ExtractionCache {
  private readonly byFile = new WeakMap<FileModel, PerNamespace>();
  /** Per object: an edit of one document of a big file re-reads that document's objects only. */
  private readonly byObject = new WeakMap<K8sObject, PerNamespace>();
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
    return cached(this.byFile, file, defaultNamespace, () => extractFile(file, defaultNamespace, (obj, ns) => cached(this.byObject, obj, ns, () => this.extract(obj, ns))));
  }

  /**
   * An object an edit only moved (`takeMovedObject`: the same document text in the same file)
   * contributes the values the object it moved from did: they are read from its text alone. The
   * values are taken, with the new object as their source, so what keys on them (the engine's
   * compiled pieces, the join's arrays) is reused. Routes and route classes hold nodes (ranges of
   * the old text): read again.
   */
  private extract(obj: K8sObject, ns: string): FileExtraction {
    const was = takeMovedObject(obj);
    const entry = was && this.byObject.get(was);
    const before = entry?.namespace === ns ? entry.extraction : entry?.others?.get(ns);
    if (!before || before.routes.length > 0 || before.routeClasses.length > 0) return extractObject(obj, ns);
    if (before === EMPTY) return EMPTY;
    const moved = <T>(items: readonly Sourced<T>[]): readonly Sourced<T>[] => (items.length === 0 ? items : items.map((item) => ({ value: item.value, source: obj })));
    return {
      workloads: moved(before.workloads),
      namespaces: moved(before.namespaces),
      policies: moved(before.policies),
      clusterPolicies: moved(before.clusterPolicies),
      unknownResources: moved(before.unknownResources),
      services: moved(before.services),
      routes: NONE,
      routeClasses: NONE,
      access: moved(before.access),
    };
  }
}

/** Extractions of one file or object by default namespace: the first one asked inline (nearly always the only one), no map per object. */
interface PerNamespace {
  readonly namespace: string;
  readonly extraction: FileExtraction;
  others?: Map<string, FileExtraction>;
}

function cached<K extends object>(store: WeakMap<K, PerNamespace>, key: K, namespace: string, extract: () => FileExtraction): FileExtraction {
  const entry = store.get(key);
  if (entry?.namespace === namespace) return entry.extraction;
  const known = entry?.others?.get(namespace);
  if (known) return known;
  const extraction = extract();
  if (!entry) store.set(key, { namespace, extraction });
  else (entry.others ??= new Map()).set(namespace, extraction);
  return extraction;
}
