/**
 * Where an item rule's items stand (itemRule.ts): each item's file and the namespaces whose
 * contents it reads, indexed once per items array, so that an edit visits only the items it can
 * concern instead of asking every item. The index is kept with the array it was made from: the
 * join keeps an array while its items are the very same (`buildWorkspace.ts`), and an index
 * made from another array is never asked.
 */
import type { WorkspaceChanges } from './workspaceChanges';

export interface Placement {
  /** The file holding the item (its findings land there). */
  readonly uri: string;
  /** The namespaces whose workloads, NetworkPolicies or Services the item's findings read. */
  readonly namespaces: readonly string[];
}

export class ItemPlacements<K> {
  private readonly byUri = new Map<string, K[]>();
  private readonly byNamespace = new Map<string, K[]>();

  constructor(
    /** The items indexed: the index answers for this very array only. */
    readonly items: readonly K[],
    place: (item: K) => Placement,
  ) {
    for (const item of items) {
      const { uri, namespaces } = place(item);
      add(this.byUri, uri, item);
      for (const ns of new Set(namespaces)) add(this.byNamespace, ns, item);
    }
  }

  /**
   * The items in a changed file or reading a namespace whose workloads, NetworkPolicies or
   * Services changed: every item whose placement `changes` touches.
   */
  touched(changes: WorkspaceChanges): Set<K> {
    const out = new Set<K>();
    for (const uri of changes.files) for (const item of this.byUri.get(uri) ?? []) out.add(item);
    for (const set of [changes.workloads, changes.policies, changes.services]) for (const ns of set) for (const item of this.byNamespace.get(ns) ?? []) out.add(item);
    return out;
  }
}

function add<K>(map: Map<string, K[]>, key: string, item: K): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
