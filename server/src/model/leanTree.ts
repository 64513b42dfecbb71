/**
 * The lean tree of a workload document: it holds only what anything but the file-scope rules
 * reads. Its pod spec keeps `hostNetwork`, its service account, and each container's `name` and `ports`; the rest of a
 * pod spec (env, resources, probes, volumes, affinity, security contexts…) is half the nodes of a
 * typical repository. A controller's spec keeps its `selector` and its template (`replicas`,
 * `strategy`, `revisionHistoryLimit`, a StatefulSet's `volumeClaimTemplates`, a CronJob's
 * `schedule`… go), and the object's and its templates' metadata leave their `annotations` out
 * (their labels, name and namespace stay). No cross-file rule, hover, view or engine input reads
 * what goes, so the model keeps this tree and lets the full one go once the file-scope rules have
 * read it (`fileModel.ts` `fullDocument`: read again from the document's text when needed).
 *
 * Only built-in workload kinds are pruned (a custom resource's template may be anything), and
 * only maps without duplicate keys (`overridden` names pairs that must stay findable). Nodes kept
 * are the full tree's own nodes; the maps on the way down are copies with fewer pairs and the
 * same offsets.
 */
import { isCustomApiVersion } from './apiGroups';
import { withItems, withPairs } from './collectionNodes';
import { pairKey, withValue } from './pairNode';
import { getScalar, getString, isMap, isSeq, type YMap, type YNode, type YPair, type YSeq } from './yamlTree';

/** Pod spec fields read outside the file-scope rules (`analysis/readWorkload.ts`). */
const POD_SPEC_KEPT: ReadonlySet<string> = new Set(['hostNetwork', 'serviceAccountName', 'serviceAccount', 'containers', 'initContainers', 'ephemeralContainers']);
const CONTAINER_LISTS: ReadonlySet<string> = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const CONTAINER_KEPT: ReadonlySet<string> = new Set(['name', 'ports']);
/** Fields of a controller's spec (a Deployment's, a CronJob's, its job template's) read outside the file-scope rules. */
const CONTROLLER_SPEC_KEPT: ReadonlySet<string> = new Set(['selector', 'template', 'jobTemplate']);

/** Where each built-in workload kind holds its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The lean tree of a document's root, or the root itself when nothing in it is left out. */
export function leanRoot(root: YNode | undefined): YNode | undefined {
  if (!isMap(root)) return root;
  const kind = getString(root, 'kind');
  const path = kind === undefined ? undefined : POD_SPEC_PATHS[kind];
  if (!path || isCustomApiVersion(getScalar(root, 'apiVersion')?.source)) return root;
  return along(root, path, 0);
}

function along(map: YMap, path: readonly string[], depth: number): YMap {
  if (depth === path.length) return leanPodSpec(map);
  if (map.overridden) return map;
  const index = uniqueIndex(map, path[depth] as string);
  const controller = isControllerSpec(path, depth);
  let changed = false;
  const pairs: YPair[] = [];
  map.pairs.forEach((pair, i) => {
    const value = pair.value;
    let lean = value;
    if (i === index) lean = isMap(value) ? along(value, path, depth + 1) : value;
    else if (controller && !CONTROLLER_SPEC_KEPT.has(pairKey(pair))) {
      changed = true;
      return;
    } else if (!controller && pairKey(pair) === 'metadata' && isMap(value)) lean = withoutAnnotations(value);
    if (lean !== value) changed = true;
    pairs.push(lean === value ? pair : withValue(pair, lean));
  });
  return changed ? withPairs(map, exactSize(pairs)) : map;
}

/** The map at `depth` on the way to the pod spec is a controller's spec (not an object or a template). */
function isControllerSpec(path: readonly string[], depth: number): boolean {
  return depth > 0 && path[depth - 1] === 'spec';
}

function withoutAnnotations(metadata: YMap): YMap {
  if (metadata.overridden || !metadata.pairs.some((p) => pairKey(p) === 'annotations')) return metadata;
  return withPairs(metadata, exactSize(metadata.pairs.filter((p) => pairKey(p) !== 'annotations')));
}

function leanPodSpec(spec: YMap): YMap {
  if (spec.overridden) return spec;
  let changed = false;
  const pairs: YPair[] = [];
  for (const pair of spec.pairs) {
    const key = pairKey(pair);
    if (!POD_SPEC_KEPT.has(key)) {
      changed = true;
      continue;
    }
    const written = pair.value;
    const value = CONTAINER_LISTS.has(key) && isSeq(written) ? leanContainers(written) : written;
    if (value !== written) changed = true;
    pairs.push(value === written ? pair : withValue(pair, value));
  }
  return changed ? withPairs(spec, exactSize(pairs)) : spec;
}

function leanContainers(list: YSeq): YSeq {
  let changed = false;
  const items = list.items.map((item) => {
    if (!isMap(item) || item.overridden) return item;
    const kept = item.pairs.filter((p) => CONTAINER_KEPT.has(pairKey(p)));
    if (kept.length === item.pairs.length) return item;
    changed = true;
    return withPairs(item, exactSize(kept));
  });
  return changed ? withItems(list, items) : list;
}

/** A copy of `list` holding no spare room: an array grown by `push` or `filter` keeps some (a tree lives long). */
function exactSize<T>(list: T[]): T[] {
  return list.slice();
}

/** The index of the one pair with this key (-1 when absent or written twice). */
function uniqueIndex(map: YMap, key: string): number {
  if (map.overridden) return -1;
  return map.pairs.findIndex((p) => pairKey(p) === key);
}

/**
 * Whether a JSON pointer (as segments) of a patch reaches a field a lean tree leaves out, in an
 * object of this kind: the patch must be applied to the full tree to fail or succeed as kustomize's.
 */
export function reachesLeftOutField(kind: string, segments: readonly string[]): boolean {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return false;
  for (let depth = 0; depth < path.length; depth++) {
    const segment = segments[depth];
    if (segment === undefined) return false;
    if (isControllerSpec(path, depth) ? !CONTROLLER_SPEC_KEPT.has(segment) : segment === 'metadata' && segments[depth + 1] === 'annotations') return true;
    if (segment !== path[depth]) return false;
  }
  const field = segments[path.length];
  if (field === undefined) return false;
  if (!POD_SPEC_KEPT.has(field)) return true;
  const inContainer = segments[path.length + 2];
  return CONTAINER_LISTS.has(field) && inContainer !== undefined && !CONTAINER_KEPT.has(inContainer);
}
