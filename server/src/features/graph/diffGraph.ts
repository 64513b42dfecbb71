/**
 * The graph of a connectivity diff: the pairs whose connections changed, coloured by the change
 * (added, removed, changed), their ends grouped by namespace; a workload that exists on one side
 * only is marked added or removed. Address pieces of one workload with the same change are one
 * node (addressNodes.ts).
 */
import { portSetText } from '../describe';
import type { DiffEntry } from '../diff/connectivityDiff';
import { addressNode, joinPieces, type AddressPiece } from './addressNodes';
import { buildGraph, workloadNode, type ConnectivityGraph, type DirectedEdge, type GraphNode, type NodeStatus } from './graphModel';

export interface DiffGraphLabels {
  readonly ref1: string;
  readonly ref2: string;
}

export function diffGraph(entries: readonly DiffEntry[], labels: DiffGraphLabels, title = ''): ConnectivityGraph {
  const nodes: GraphNode[] = [];
  const edges: DirectedEdge[] = [];
  const edge = (src: GraphNode, dst: GraphNode, e: DiffEntry): void => {
    nodes.push(src, dst);
    const before = portSetText(e.ref1);
    const after = portSetText(e.ref2);
    const label = e.type === 'added' ? after : e.type === 'removed' ? before : `${before} → ${after}`;
    const detail =
      e.type === 'added' ? `added ${after} (${labels.ref1}: none)` : e.type === 'removed' ? `removed ${before} (${labels.ref2}: none)` : `changed from ${before} (${labels.ref1}) to ${after} (${labels.ref2})`;
    edges.push({ src: src.id, dst: dst.id, status: e.type, label, detail });
  };
  const status = (e: DiffEntry, newOrRemoved: boolean): NodeStatus => (!newOrRemoved ? 'same' : e.type === 'removed' ? 'removed' : 'added');
  const pieces: AddressPiece<DiffEntry>[] = [];
  for (const e of entries) {
    const key = `${e.type}\u0000${e.ref1.toString()}\u0000${e.ref2.toString()}`;
    if (e.src.kind === 'address') pieces.push({ workload: e.dst.text, inbound: true, range: e.src.range, key, value: e });
    else if (e.dst.kind === 'address') pieces.push({ workload: e.src.text, inbound: false, range: e.dst.range, key, value: e });
    else edge(workloadNode(e.src.text, status(e, e.srcNewOrRemoved)), workloadNode(e.dst.text, status(e, e.dstNewOrRemoved)), e);
  }
  for (const g of joinPieces(pieces)) {
    const e = g.value;
    const x = addressNode(g.set);
    if (g.inbound) edge(x, workloadNode(g.workload, status(e, e.dstNewOrRemoved)), e);
    else edge(workloadNode(g.workload, status(e, e.srcNewOrRemoved)), x, e);
  }
  return buildGraph(title, nodes, edges, true);
}
