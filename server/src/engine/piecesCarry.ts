/**
 * Compiled rule pieces handed from one Network to the next one built after an edit, so that an
 * edit recompiles only the policies it can have changed (compiling a rule resolves its peers'
 * selectors and ports, and the rules reading the engine ask for whole namespaces of pods).
 *
 * A policy's pieces depend on the policy (kept by object identity: the extraction reuses the
 * objects of unchanged documents), on the namespaces (names and labels) and on which workloads
 * its peers match. They are reused, with their workload sets carried over to the new indexes,
 * only when the namespaces are the same and no workload that was added, removed or relabelled
 * (or moved to another namespace) can be matched by one of the policy's peers, before or after.
 * Anything else is compiled again. Each Network hands on only what it compiled or took, so no
 * chain of old Networks is kept.
 */
import { selectorMatches } from './labelSelector';
import { rulesOf } from './policyTypes';
import type { Direction, Namespace, Policy, Workload } from './types';
import type { IdIndex } from './idIndex';
import type { LabelIndex } from './labelIndex';
import type { NamespacePods } from './namespacePods';
import type { AllowedPiece } from './network';

export type PiecesByDirection = Partial<Record<Direction, readonly AllowedPiece[]>>;

/** What a Network compiled, with what it was compiled over. */
export interface CompiledPieces {
  readonly workloads: readonly Workload[];
  readonly namespaces: readonly Namespace[];
  readonly byPolicy: ReadonlyMap<Policy, PiecesByDirection>;
  /**
   * The Network's label indexes and per-namespace sets: they depend only on each index's labels
   * and namespace, so a Network whose workloads are the same at every index (an edit that moved
   * or relabelled none) takes them over, with the selector answers they cached.
   */
  readonly indexes: WorkloadIndexes;
  /** The Network's id lookups: they hold for a next input with the same id (and namespace) at every index. */
  readonly lookups: IdLookups;
}

export interface IdLookups {
  readonly policies: readonly Policy[];
  readonly workloadIndex: IdIndex;
  readonly policyIndex: ReadonlyMap<string, number>;
  readonly policiesByNamespace: ReadonlyMap<string, readonly number[]>;
  /** Every namespace a workload or policy lives in, in order of first appearance. */
  readonly livedIn: readonly string[];
  /** The input's namespaces the namespaces were completed from. */
  readonly declared: readonly Namespace[];
}

export interface WorkloadIndexes {
  readonly podLabels: LabelIndex;
  readonly namespaceLabels: LabelIndex;
  readonly podsByNamespace: NamespacePods;
}

/** Above this many changed workloads, nothing is carried (checking every policy would cost about as much as compiling). */
const MAX_CHANGES = 64;

/**
 * The pieces of `previous` still valid over `workloads` and `namespaces`, taken one policy at a
 * time as the new Network is asked (their sets carried to the new indexes then): an edit pays
 * for the policies the rules ask about, not for every policy. Undefined when the namespaces
 * differ or too much changed. `aligned`: where each previous workload now stands, for those
 * that are the very same objects (-1: look it up by id).
 */
export function carryFrom(
  previous: CompiledPieces,
  workloads: readonly Workload[],
  workloadIndex: IdIndex,
  namespaces: readonly Namespace[],
  aligned?: Int32Array,
): PiecesCarry | undefined {
  if (!sameNamespaces(previous.namespaces, namespaces)) return undefined;
  const namespaceLabels = new Map(namespaces.map((n) => [n.name, n.labels]));
  // The very same list: every workload kept at its index.
  if (previous.workloads === workloads) return new PiecesCarry(previous.byPolicy, undefined, workloads.length, [], namespaceLabels, previous.indexes, previous.indexes.podLabels);
  const map = new Int32Array(previous.workloads.length).fill(-1);
  const changed: Workload[] = [];
  const kept = new Uint8Array(workloads.length);
  let identity = previous.workloads.length === workloads.length;
  for (let i = 0; i < previous.workloads.length; i++) {
    const old = previous.workloads[i] as Workload;
    const at = aligned?.[i] ?? -1;
    const j = at >= 0 ? at : workloadIndex.get(old.id);
    const now = j === undefined ? undefined : workloads[j];
    if (j !== undefined && now && sameForPeers(old, now)) {
      map[i] = j;
      kept[j] = 1;
      if (j !== i) identity = false;
    } else {
      changed.push(old);
      identity = false;
    }
    if (changed.length > MAX_CHANGES) return undefined;
  }
  for (let j = 0; j < workloads.length; j++) if (kept[j] === 0) changed.push(workloads[j] as Workload);
  if (changed.length > MAX_CHANGES) return undefined;
  const same = identity && changed.length === 0;
  // The label index over the new list: the kept workloads' entries moved, the others read again.
  const readAgain: [number, Workload['labels']][] = [];
  if (!same) for (let j = 0; j < workloads.length; j++) if (kept[j] === 0) readAgain.push([j, (workloads[j] as Workload).labels]);
  const podLabels = same ? previous.indexes.podLabels : previous.indexes.podLabels.moved(map, workloads.length, readAgain);
  return new PiecesCarry(previous.byPolicy, identity ? undefined : map, workloads.length, changed, namespaceLabels, same ? previous.indexes : undefined, podLabels);
}

export class PiecesCarry {
  constructor(
    private readonly from: ReadonlyMap<Policy, PiecesByDirection>,
    /** Old index → new index (-1: gone); undefined when every workload kept its index. */
    private readonly map: Int32Array | undefined,
    private readonly size: number,
    /** Workloads added, removed or changed (old and new versions). */
    private readonly changed: readonly Workload[],
    private readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>,
    /** The previous Network's indexes, when every workload kept its index, labels and namespace. */
    readonly indexes: WorkloadIndexes | undefined,
    /** The workloads' label index: the previous one, or one over it with the kept workloads moved and the others read again (undefined: build one). */
    readonly podLabels: LabelIndex | undefined,
  ) {}

  /** The policy's pieces, if the previous Network compiled them and they still hold. */
  take(policy: Policy): PiecesByDirection | undefined {
    const pieces = this.from.get(policy);
    if (!pieces || this.changed.some((w) => peersMayMatch(policy, w, this.namespaceLabels.get(w.namespace) ?? {}))) return undefined;
    const map = this.map;
    if (!map) return { ...pieces };
    const moved: PiecesByDirection = {};
    for (const direction of ['ingress', 'egress'] as const) {
      const list = pieces[direction];
      if (list) moved[direction] = list.map((p) => ({ rule: p.rule, workloads: p.workloads.remapped(this.size, map), addresses: p.addresses, ports: p.ports }));
    }
    return moved;
  }
}

/** Whether some peer of the policy (either direction) can match the workload: a rule without peers matches every one. */
function peersMayMatch(policy: Policy, w: Workload, namespaceLabels: Readonly<Record<string, string>>): boolean {
  for (const direction of ['ingress', 'egress'] as const) {
    for (const rule of rulesOf(policy, direction)) {
      const peers = rule.peers ?? [];
      if (peers.length === 0) return true;
      for (const peer of peers) {
        if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) continue;
        const inScope = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, namespaceLabels) : w.namespace === policy.namespace;
        if (inScope && selectorMatches(peer.podSelector, w.labels)) return true;
      }
    }
  }
  return false;
}

/** What a peer reads of a workload: its namespace and labels. */
function sameForPeers(a: Workload, b: Workload): boolean {
  return a === b || (a.namespace === b.namespace && sameRecord(a.labels, b.labels));
}

function sameNamespaces(a: readonly Namespace[], b: readonly Namespace[]): boolean {
  return a === b || (a.length === b.length && a.every((n, i) => n.name === b[i]?.name && sameRecord(n.labels, b[i]?.labels ?? {})));
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}
