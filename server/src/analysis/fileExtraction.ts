/**
 * What one file contributes to the engine: its workloads, namespaces and policies, each with the
 * object it came from. Extraction depends only on the file model and the default namespace, so
 * `ExtractionCache` keeps it per FileModel: an edit to one file re-reads that file only.
 */
import type { FileModel } from '../model/fileModel';
import type { K8sObject } from '../model/k8sObject';
import { getMap, toStringMap } from '../model/yamlTree';
import type { Namespace, Policy, Workload } from '../engine/types';
import { readPolicy } from './readPolicy';
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
}

const NETWORK_POLICY_API = /^(networking\.k8s\.io|extensions)\//;

export function extractFile(file: FileModel, defaultNamespace: string): FileExtraction {
  const workloads: Sourced<Workload>[] = [];
  const namespaces: Sourced<Namespace>[] = [];
  const policies: Sourced<Policy>[] = [];
  for (const obj of file.objects) {
    if (!obj.node) continue;
    const ns = obj.namespace ?? defaultNamespace;
    if (obj.kind === 'Namespace' && obj.name) {
      namespaces.push({ value: { name: obj.name, labels: toStringMap(getMap(getMap(obj.node, 'metadata'), 'labels')) }, source: obj });
    } else if (obj.kind === 'NetworkPolicy' && (obj.apiVersion === undefined || NETWORK_POLICY_API.test(obj.apiVersion))) {
      const policy = readPolicy(obj, `${ns}/${obj.name ?? ''}`, ns);
      if (policy) policies.push({ value: policy, source: obj });
    } else {
      const workload = readWorkload(obj, ns);
      if (workload) workloads.push({ value: workload, source: obj });
    }
  }
  return { workloads, namespaces, policies };
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
