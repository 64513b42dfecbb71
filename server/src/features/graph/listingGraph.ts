/**
 * The graph of a connectivity listing: the workloads shown (all, or the focus workloads and
 * their peers) grouped by namespace, the external addresses the listing names (joined per
 * workload, direction and connections: addressNodes.ts), one edge per connected pair labelled
 * with its connections as the matrix words them (`all ports`, `TCP 80, 443`; or the focus port,
 * as the listing then prints). One workload
 * reaching every workload of another namespace alike gets one edge (namespaceHubs.ts).
 */
import type { ListingEntry } from '../../engine/connectivityListing';
import type { Network } from '../../engine/network';
import { portSetText } from '../describe';
import { addressNode, joinPieces, type AddressPiece } from './addressNodes';
import { withNamespaceHubs } from './namespaceHubs';
import { buildGraph, workloadNode, type ConnectivityGraph, type DirectedEdge, type GraphNode } from './graphModel';

export function listingGraph(net: Network, entries: readonly ListingEntry[], shown: (index: number) => boolean, options: { title?: string; focusConn?: string } = {}): ConnectivityGraph {
  const nodes: GraphNode[] = [];
  net.workloads.forEach((w, i) => {
    if (shown(i)) nodes.push(workloadNode(w.id));
  });
  const edges: DirectedEdge[] = [];
  const edge = (src: GraphNode, dst: GraphNode, ports: string): void => {
    nodes.push(src, dst);
    const label = options.focusConn ?? ports;
    edges.push({ src: src.id, dst: dst.id, status: 'allowed', label, detail: label });
  };
  const pieces: AddressPiece<string>[] = [];
  for (const e of entries) {
    const ports = portSetText(e.ports);
    if (e.src.kind === 'address') pieces.push({ workload: e.dst.text, inbound: true, range: e.src.range, key: ports, value: ports });
    else if (e.dst.kind === 'address') pieces.push({ workload: e.src.text, inbound: false, range: e.dst.range, key: ports, value: ports });
    else edge(workloadNode(e.src.text), workloadNode(e.dst.text), ports);
  }
  for (const g of joinPieces(pieces)) {
    const w = workloadNode(g.workload);
    const x = addressNode(g.set);
    if (g.inbound) edge(x, w, g.value);
    else edge(w, x, g.value);
  }
  const grouped = withNamespaceHubs(nodes, edges);
  return buildGraph(options.title ?? '', grouped.nodes, grouped.edges, false);
}
