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
 * A removed workload simply leaves the carried sets. Anything else is compiled again.
 */
import { selectorMatches } from './labelSelector';
import { rulesOf } from './policyTypes';
import type { Direction, Namespace, Policy, Workload } from './types';
import type { AllowedPiece } from './network';

export type PiecesByDirection = Partial<Record<Direction, readonly AllowedPiece[]>>;

/** What a Network compiled, with what it was compiled over. */
export interface CompiledPieces {
  readonly workloads: readonly Workload[];
  readonly namespaces: readonly Namespace[];
  readonly byPolicy: ReadonlyMap<Policy, PiecesByDirection>;
}

/** Above this many changed workloads, nothing is carried (checking every policy would cost about as much as compiling). */
const MAX_CHANGES = 64;

/**
 * The pieces of `previous` still valid over `workloads` and `namespaces`, their sets carried to
 * the new indexes. Empty when the namespaces differ or too much changed.
 */
export function carryPieces(
  previous: CompiledPieces,
  workloads: readonly Workload[],
  workloadIndex: ReadonlyMap<string, number>,
  namespaces: readonly Namespace[],
): Map<Policy, PiecesByDirection> {
  const out = new Map<Policy, PiecesByDirection>();
  if (!sameNamespaces(previous.namespaces, namespaces)) return out;
  const map = new Int32Array(previous.workloads.length).fill(-1);
  const changed: Workload[] = [];
  const kept = new Set<number>();
  previous.workloads.forEach((old, i) => {
    const j = workloadIndex.get(old.id);
    const now = j === undefined ? undefined : workloads[j];
    if (j !== undefined && now && sameForPeers(old, now)) {
      map[i] = j;
      kept.add(j);
    } else changed.push(old);
  });
  workloads.forEach((w, j) => {
    if (!kept.has(j)) changed.push(w);
  });
  if (changed.length > MAX_CHANGES) return out;
  const identity = changed.length === 0 && previous.workloads.length === workloads.length && map.every((j, i) => j === i);
  const labelsOf = new Map(namespaces.map((n) => [n.name, n.labels]));
  for (const [policy, pieces] of previous.byPolicy) {
    if (changed.some((w) => peersMayMatch(policy, w, labelsOf.get(w.namespace) ?? {}))) continue;
    if (identity) {
      out.set(policy, pieces);
      continue;
    }
    const moved: PiecesByDirection = {};
    for (const direction of ['ingress', 'egress'] as const) {
      const list = pieces[direction];
      if (list) moved[direction] = list.map((p) => ({ rule: p.rule, workloads: p.workloads.remapped(workloads.length, map), addresses: p.addresses, ports: p.ports }));
    }
    out.set(policy, moved);
  }
  return out;
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
