/**
 * The focus options (`--focus-workload`, `--focus-direction`, `--focus-workload-peer`,
 * `--focus-conn`) applied to a diff, as `connectivity` applies them to a listing: only the
 * changes of the focus workloads (into or out of them, toward the focus peers), and with a focus
 * port only what changed on that port.
 */
import type { DiffEntry } from '../../features/diff/connectivityDiff';
import type { FocusOptions } from '../focusOptions';

/** `ns/name[Kind]` matches `name` and `ns/name`; an address range matches no name. */
function endpointMatches(text: string, names: readonly string[]): boolean {
  const m = /^([^/]*)\/(.*)\[[^\]]*\]$/.exec(text);
  if (!m) return false;
  return names.some((n) => n === m[2] || n === `${m[1] ?? ''}/${m[2] ?? ''}`);
}

export function focusDiff(entries: readonly DiffEntry[], focus: FocusOptions): DiffEntry[] {
  const { focusWorkloads, focusDirection, focusPeers, focusConn } = focus;
  const kept = entries.filter((e) => {
    if (focusWorkloads.length === 0) return true;
    const peer = (text: string): boolean => focusPeers.length === 0 || endpointMatches(text, focusPeers);
    const out = focusDirection !== 'ingress' && endpointMatches(e.src.text, focusWorkloads) && peer(e.dst.text);
    const into = focusDirection !== 'egress' && endpointMatches(e.dst.text, focusWorkloads) && peer(e.src.text);
    return out || into;
  });
  if (!focusConn) return kept;
  return kept.flatMap((e): DiffEntry[] => {
    const ref1 = e.ref1.intersect(focusConn.ports);
    const ref2 = e.ref2.intersect(focusConn.ports);
    if (ref1.equals(ref2)) return [];
    const type = ref1.isEmpty() ? 'added' : ref2.isEmpty() ? 'removed' : 'changed';
    return [{ ...e, type, ref1, ref2, srcNewOrRemoved: type === e.type && e.srcNewOrRemoved, dstNewOrRemoved: type === e.type && e.dstNewOrRemoved }];
  });
}
