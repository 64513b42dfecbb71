/**
 * The per-policy rules' policies indexed by what can make an edit concern them: their file, their
 * namespace, and the label keys their selectors require. An edit to a few files then finds the
 * policies it may affect without visiting every policy of the workspace (policyInputs.ts).
 *
 * A selector (podSelector, or a peer's) can only match a workload having each label its
 * `matchLabels` names (key and value), one of the values of each `In` expression and the key of
 * each `Exists` one: the policy is indexed under those. A selector requiring none (`{}`, only
 * `NotIn`/`DoesNotExist`, a peer without podSelector) may match any workload: its policy is
 * "broad", a candidate for every workload change.
 *
 * Immutable: `patched` copies the maps (a native copy of a few thousand entries) and the sets it
 * changes, so an older index stays as it was.
 */
import type { LabelSelector, Policy } from '../../engine/types';
import type { YMap } from '../../model/yamlTree';

/** What the index reads of a policy. */
export interface IndexedPolicy {
  readonly uri: string;
  readonly namespace: string;
  readonly policy: Policy;
}

export class PolicyIndex {
  private constructor(
    private readonly byUri: ReadonlyMap<string, readonly YMap[]>,
    private readonly byNamespace: ReadonlyMap<string, ReadonlySet<YMap>>,
    private readonly byKey: ReadonlyMap<string, ReadonlySet<YMap>>,
    private readonly broad: ReadonlySet<YMap>,
  ) {}

  static of(policies: ReadonlyMap<YMap, IndexedPolicy>): PolicyIndex {
    return new PolicyIndex(new Map(), new Map(), new Map(), new Set()).patched([], policies);
  }

  /** The policies of a file (as of this index). */
  inFile(uri: string): readonly YMap[] {
    return this.byUri.get(uri) ?? [];
  }

  inNamespace(namespace: string): ReadonlySet<YMap> {
    return this.byNamespace.get(namespace) ?? EMPTY;
  }

  /** Policies one of whose selectors may match a workload with these labels (any namespace). */
  mayMatch(labels: Readonly<Record<string, string>>, into: Set<YMap>): void {
    for (const node of this.broad) into.add(node);
    for (const [key, value] of Object.entries(labels)) {
      for (const node of this.byKey.get(pairEntry(key, value)) ?? EMPTY) into.add(node);
      for (const node of this.byKey.get(keyEntry(key)) ?? EMPTY) into.add(node);
    }
  }

  /** This index with the policies of `uris` (as `before` had them) replaced by `added` (the policies now in those files). */
  patched(uris: Iterable<string>, added: Iterable<readonly [YMap, IndexedPolicy]>, before?: Pick<ReadonlyMap<YMap, IndexedPolicy>, 'get'>): PolicyIndex {
    const byUri = new Map(this.byUri);
    const byNamespace = new Map(this.byNamespace);
    const byKey = new Map(this.byKey);
    const broad = new Set(this.broad);
    const copied = new Set<ReadonlySet<YMap>>();
    const edit = (map: Map<string, ReadonlySet<YMap>>, key: string): Set<YMap> => {
      const current = map.get(key);
      if (current && copied.has(current)) return current as Set<YMap>;
      const next = new Set(current);
      copied.add(next);
      map.set(key, next);
      return next;
    };
    const place = (node: YMap, p: IndexedPolicy, add: boolean): void => {
      const op = (set: Set<YMap>): void => void (add ? set.add(node) : set.delete(node));
      op(edit(byNamespace, p.namespace));
      const { keys, isBroad } = requiredKeys(p.policy);
      for (const key of keys) op(edit(byKey, key));
      if (isBroad) op(broad);
    };
    const touched = new Set(uris);
    for (const uri of touched) {
      for (const node of byUri.get(uri) ?? []) {
        const p = before?.get(node);
        if (p) place(node, p, false);
      }
      byUri.delete(uri);
    }
    for (const [node, p] of added) {
      const list = byUri.get(p.uri);
      if (list) (list as YMap[]).push(node);
      else byUri.set(p.uri, [node]);
      place(node, p, true);
    }
    return new PolicyIndex(byUri, byNamespace, byKey, broad);
  }
}

const EMPTY: ReadonlySet<YMap> = new Set();

/** The labels (or keys) the policy's selectors require, as index entries, and whether one of them requires none. */
function requiredKeys(policy: Policy): { keys: Set<string>; isBroad: boolean } {
  const keys = new Set<string>();
  let isBroad = false;
  const selectors: (LabelSelector | undefined)[] = [policy.podSelector];
  for (const rules of [policy.ingress, policy.egress]) for (const rule of rules ?? []) for (const peer of rule.peers ?? []) if (!peer.ipBlock) selectors.push(peer.podSelector);
  for (const selector of selectors) {
    const own = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => pairEntry(k, v));
    for (const r of selector?.matchExpressions ?? []) {
      if (r.operator === 'Exists') own.push(keyEntry(r.key));
      // `In` matches one of its values: each is an entry (no value: it matches nothing, any entry will do).
      else if (r.operator === 'In') own.push(...(r.values?.length ? r.values.map((v) => pairEntry(r.key, v)) : [keyEntry(r.key)]));
    }
    if (own.length === 0) isBroad = true;
    for (const k of own) keys.add(k);
  }
  return { keys, isBroad };
}

function pairEntry(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function keyEntry(key: string): string {
  return `${key}\u0001`;
}
