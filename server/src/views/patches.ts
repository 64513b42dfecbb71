/**
 * Kustomize patches on the compact tree: strategic merge patches (maps merge, `null` deletes,
 * lists of containers and ports merge by their keys, other lists are replaced) and JSON 6902
 * operations (add, replace, remove, copy, move). Only the shapes the analysis reads need to be
 * exact; an operation that cannot be applied leaves the object as it was and is reported.
 */
import { reachesLeftOutField } from '../model/leanTree';
import { withItems } from '../model/collectionNodes';
import { isMap, isSeq, toPlain, type YMap, type YNode } from '../model/yamlTree';
import { plainToNode, setKey, type Span } from './treeEdit';

/** Sequences whose items strategic merge pairs by a key instead of replacing the list. */
function mergeKeyFor(path: readonly string[]): string | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'ports':
      // A container's ports merge by containerPort, a Service's by port; a NetworkPolicy rule's are replaced.
      if (parent === '*' && (path.includes('containers') || path.includes('initContainers'))) return 'containerPort';
      if (path.length === 2 && path[0] === 'spec') return 'port';
      return undefined;
    default:
      return undefined;
  }
}

/** The node with a strategic merge patch applied (undefined: the patch deletes it). */
export function strategicMerge(base: YNode | undefined, patch: unknown, anchor: Span, path: readonly string[] = []): YNode | undefined {
  if (patch === null) return undefined;
  const at: Span = base ? { start: base.start, end: base.end } : anchor;
  if (Array.isArray(patch)) return mergeList(base, patch, at, path);
  if (typeof patch !== 'object') return plainToNode(patch, at);
  const record = patch as Record<string, unknown>;
  const directive = record.$patch;
  if (directive === 'delete') return undefined;
  const fields = Object.entries(record).filter(([k]) => !k.startsWith('$'));
  if (directive === 'replace' || !isMap(base)) return plainToNode(Object.fromEntries(fields), at);
  let map: YMap = base;
  for (const [key, value] of fields) {
    const pair = lastPair(map, key);
    const next = strategicMerge(pair?.value, value, pair ? { start: pair.key.start, end: pair.key.end } : smallSpan(map), [...path, key]);
    map = setKey(map, key, next, smallSpan(map));
  }
  return map;
}

function mergeList(base: YNode | undefined, patch: readonly unknown[], at: Span, path: readonly string[]): YNode {
  const key = mergeKeyFor(path);
  if (!key || !isSeq(base)) return plainToNode(patch.filter((p) => !isDirective(p)), at);
  let items = [...base.items];
  for (const entry of patch) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const rec = entry as Record<string, unknown>;
    const id = rec[key];
    const index = items.findIndex((item) => isMap(item) && plainOf(lastPair(item, key)?.value) === id);
    if (rec.$patch === 'delete') {
      if (index >= 0) items = items.filter((_, i) => i !== index);
      continue;
    }
    if (index >= 0) {
      const merged = strategicMerge(items[index], entry, at, [...path, '*']);
      if (merged) items[index] = merged;
    } else items.push(plainToNode(entry, at));
  }
  return withItems(base, items);
}

function isDirective(p: unknown): boolean {
  return typeof p === 'object' && p !== null && '$patch' in p;
}

function plainOf(node: YNode | undefined): unknown {
  return toPlain(node);
}

function lastPair(map: YMap, key: string): { key: { start: number; end: number }; value: YNode | undefined } | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) {
    const p = map.pairs[i];
    if (p?.key.source === key) return p;
  }
  return undefined;
}

function smallSpan(node: YNode): Span {
  return { start: node.start, end: Math.min(node.end, node.start + 1) };
}

export interface JsonPatchOp {
  readonly op: string;
  readonly path: string;
  readonly value?: unknown;
  readonly from?: string;
}

/** The tree with the operations applied in order; `failed` counts those that did not apply. */
export function applyJsonPatch(root: YNode, ops: readonly JsonPatchOp[]): { root: YNode; failed: number } {
  let cur = root;
  let failed = 0;
  for (const op of ops) {
    const next = applyOne(cur, op);
    if (next === undefined) failed++;
    else cur = next;
  }
  return { root: cur, failed };
}

/**
 * Whether an operation's path (or `from`) reaches a field the lean tree of an object of one of
 * these kinds leaves out (`model/leanTree.ts`): then the patch needs the objects' full trees.
 */
export function reachesLeftOutFields(ops: readonly unknown[], kinds: ReadonlySet<string>): boolean {
  return ops.some((body) => {
    if (typeof body !== 'object' || body === null) return false;
    const op = body as Partial<JsonPatchOp>;
    return [op.path, op.from].some((p) => {
      const segments = typeof p === 'string' ? pointer(p) : undefined;
      return segments !== undefined && [...kinds].some((kind) => reachesLeftOutField(kind, segments));
    });
  });
}

function pointer(path: string | undefined): string[] | undefined {
  if (path === undefined || (path !== '' && !path.startsWith('/'))) return undefined;
  return path === '' ? [] : path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function applyOne(root: YNode, op: JsonPatchOp): YNode | undefined {
  const path = pointer(op.path);
  if (!path) return undefined;
  switch (op.op) {
    case 'add':
    case 'replace':
      return edit(root, path, op.op, op.value);
    case 'remove':
      return edit(root, path, 'remove', undefined);
    case 'copy':
    case 'move': {
      const from = pointer(op.from);
      if (!from) return undefined;
      const value = toPlain(lookup(root, from));
      if (value === undefined) return undefined;
      const removed = op.op === 'move' ? edit(root, from, 'remove', undefined) : root;
      return removed ? edit(removed, path, 'add', value) : undefined;
    }
    case 'test':
      return root;
    default:
      return undefined;
  }
}

function lookup(node: YNode | undefined, path: readonly string[]): YNode | undefined {
  let cur = node;
  for (const step of path) {
    if (isMap(cur)) cur = lastPair(cur, step)?.value;
    else if (isSeq(cur)) cur = cur.items[Number(step)];
    else return undefined;
  }
  return cur;
}

/** Undefined when the path does not exist as the operation needs it. */
function edit(node: YNode, path: readonly string[], op: 'add' | 'replace' | 'remove', value: unknown): YNode | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return op === 'remove' ? undefined : plainToNode(value, node);
  if (isMap(node)) {
    const pair = lastPair(node, head);
    if (rest.length === 0) {
      // kustomize's JSON patch sets a missing key on `replace` (only `remove` needs it to exist).
      if (op === 'remove' && !pair) return undefined;
      if (op === 'remove') return setKey(node, head, undefined, node);
      const span = pair?.value ?? (pair ? pair.key : smallSpan(node));
      return setKey(node, head, plainToNode(value, span), pair ? pair.key : smallSpan(node));
    }
    if (!pair?.value) return undefined;
    const next = edit(pair.value, rest, op, value);
    return next === undefined ? undefined : setKey(node, head, next, pair.key);
  }
  if (isSeq(node)) {
    const index = head === '-' ? node.items.length : /^\d+$/.test(head) ? Number(head) : -1;
    if (index < 0 || index > node.items.length) return undefined;
    const items = [...node.items];
    if (rest.length === 0) {
      if (op === 'add') items.splice(index, 0, plainToNode(value, items[index] ?? items[index - 1] ?? smallSpan(node)));
      else if (index >= items.length) return undefined;
      else if (op === 'remove') items.splice(index, 1);
      else items[index] = plainToNode(value, items[index] as YNode);
      return withItems(node, items);
    }
    const child = items[index];
    if (!child) return undefined;
    const next = edit(child, rest, op, value);
    if (next === undefined) return undefined;
    items[index] = next;
    return withItems(node, items);
  }
  return undefined;
}
