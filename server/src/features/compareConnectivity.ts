/**
 * "Compare connectivity with…": the workspace against a base version of its files (what the
 * client read from git, on the disk's files: `diff/baseManifests.ts`; the server runs nothing),
 * diffed view by view as `netpol-lens diff` does, grouped by namespace, each change with the rules
 * behind it and where they are written, and the changes drawn as a graph in colour.
 */
import type { CompareChange, CompareConnectivityResult, CompareReason } from '../../../shared/src/protocol';
import type { ManifestSet } from '../model/manifestSet';
import { workloadsDiffInfo, type DiffEntry } from './diff/connectivityDiff';
import { changeReasons, type SourceRef } from './diff/diffReasons';
import type { DiffResult, DiffViewLabel } from './diff/diffViews';
import { diffCounts } from './diff/editorDiff';
import { diffGraph } from './graph/diffGraph';
import { graphSvg } from './graph/graphSvg';
import { connectionText, portSetText } from './describe';

/** The diff of `current` against `base` (see `EditorDiff`) as the compare view shows it. */
export function compareConnectivity(result: DiffResult, base: ManifestSet, current: ManifestSet, baseLabel: string): CompareConnectivityResult {
  const byNamespace = new Map<string, CompareChange[]>();
  for (const view of result.views) {
    const viewName = result.multiView ? viewLabel(view.view) : '';
    for (const e of view.entries) {
      const { reasons } = changeReasons(e, view.analysis1, view.analysis2);
      const change: CompareChange = {
        type: e.type,
        src: e.src.text,
        dst: e.dst.text,
        before: connectionText(e.ref1),
        after: connectionText(e.ref2),
        workloadsInfo: workloadsDiffInfo(e),
        view: viewName,
        reasons: reasons.map(
          (r): CompareReason => ({
            effect: r.effect,
            text: r.text,
            ports: portSetText(r.ports),
            location: location(r.source, r.effect === 'was' ? base : current),
          }),
        ),
      };
      const ns = namespaceOf(e);
      byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), change]);
    }
  }
  const namespaces = [...byNamespace.keys()].sort().map((namespace) => ({ namespace, changes: byNamespace.get(namespace) ?? [] }));
  const labels = { ref1: baseLabel, ref2: 'now' };
  const graphs = result.views.map((v) => diffGraph(v.entries, labels, result.multiView ? viewLabel(v.view) : ''));
  return { baseLabel, namespaces, ...diffCounts(result), graph: graphSvg(graphs, { standalone: false, idPrefix: 'compare' }) };
}

function viewLabel(view: DiffViewLabel): string {
  return `${view.kind === 'kustomize' ? 'kustomize build' : view.kind === 'declared' ? 'declared view' : 'loose files'} ${view.name}`;
}

function namespaceOf(e: DiffEntry): string {
  const owner = e.dst.kind === 'workload' ? e.dst : e.src;
  const slash = owner.text.indexOf('/');
  return slash < 0 ? '' : owner.text.slice(0, slash);
}

function location(source: SourceRef | undefined, manifests: ManifestSet): CompareReason['location'] {
  if (!source || !manifests.getFile(source.uri)) return undefined;
  const position = { line: source.line - 1, character: 0 };
  return { uri: source.uri, range: { start: position, end: position } };
}
