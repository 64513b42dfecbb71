/**
 * The data of the connectivity-matrix view: workloads (optionally of some namespaces only), the
 * connected pairs with their ports (worded as the explanation and the hovers word them: `all
 * ports`, `TCP 80, 443 · UDP 53`), the CLI's listing of the same workloads for export (in
 * netpol-analyzer's words, `All Connections`, as the CLI prints it), and the same connections
 * drawn as a graph (the CLI's SVG without its colours: the page themes it).
 */
import type { ConnectivityMatrixResult, MatrixCell, WorkloadsResult } from '../../../shared/src/protocol';
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { buildListing, entryLine, type ListingEndpoint } from '../engine/connectivityListing';
import { graphSvg } from './graph/graphSvg';
import { listingGraph } from './graph/listingGraph';
import { portSetText } from './describe';
import { workloadItem } from './locations';

export function workloadsData(analysis: WorkspaceAnalysis): WorkloadsResult {
  return {
    workloads: analysis.workloads().map((w) => workloadItem(analysis.manifests, w)),
    namespaces: analysis.namespaces().map((n) => n.namespace.name).sort(),
  };
}

export function connectivityMatrixData(analysis: WorkspaceAnalysis, namespaces: readonly string[] = []): ConnectivityMatrixResult {
  const wanted = namespaces.length > 0 ? new Set(namespaces) : undefined;
  const all = analysis.workloads();
  const shown = all.filter((w) => !wanted || wanted.has(w.workload.namespace));
  /** Engine index → row/column in `shown`. */
  const position = new Map(shown.map((w, i) => [w.index, i]));
  const matrix = analysis.connectivity();
  const cells: MatrixCell[] = [];
  for (const src of shown) {
    for (const dst of shown) {
      if (src === dst) continue;
      const ports = matrix.ports(src.index, dst.index);
      if (ports) cells.push({ src: position.get(src.index) as number, dst: position.get(dst.index) as number, ports: portSetText(ports) });
    }
  }
  const keep = (e: ListingEndpoint): boolean => e.kind === 'address' || position.has(e.index);
  const entries = buildListing(analysis.network, matrix).filter((e) => keep(e.src) && keep(e.dst));
  const graph = listingGraph(analysis.network, entries, (index) => position.has(index));
  return {
    workloads: shown.map((w) => workloadItem(analysis.manifests, w)),
    cells,
    namespaces: analysis.namespaces().map((n) => n.namespace.name).sort(),
    listing: entries.map(entryLine),
    graph: graphSvg([graph], { standalone: false, idPrefix: 'matrix' }),
  };
}
