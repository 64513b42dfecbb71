/**
 * "Compare connectivity with…": the workspace against a base version of its files (what the
 * client read from git; the server runs nothing), diffed view by view as `netpol-lens diff`
 * does, grouped by namespace, each change with the rules behind it and where they are written.
 */
import type { CompareChange, CompareConnectivityParams, CompareConnectivityResult, CompareReason } from '../../../shared/src/protocol';
import type { NetpolLensSettings } from '../../../shared/src/settings';
import { buildFileModel, type FileModel } from '../model/fileModel';
import { ManifestSet } from '../model/manifestSet';
import { PathIndex } from '../views/pathIndex';
import { kustomizePatchUris } from '../workspace/loadFolder';
import { closesSomething, opensSomething, workloadsDiffInfo, type DiffEntry } from './diff/connectivityDiff';
import { changeReasons, type SourceRef } from './diff/diffReasons';
import { diffInputs } from './diff/diffViews';

export function compareConnectivity(current: ManifestSet, params: CompareConnectivityParams, settings: NetpolLensSettings): CompareConnectivityResult {
  const baseFiles = new Map<string, FileModel>();
  for (const f of current.files()) baseFiles.set(f.uri, f);
  for (const f of params.files) {
    if (f.text === null) baseFiles.delete(f.uri);
    else baseFiles.set(f.uri, buildFileModel(f.uri, f.text, 0));
  }
  const models = [...baseFiles.values()];
  const base = new ManifestSet(models, 1, kustomizePatchUris(models));
  // One folder names the views of both sides, so a view keeps its id across the two.
  const folder = new PathIndex([...current.files(), ...models]).base;
  const result = diffInputs({ manifests: base, base: folder }, { manifests: current, base: folder }, settings, ['ipv4']);

  const byNamespace = new Map<string, CompareChange[]>();
  let opened = 0;
  let closed = 0;
  for (const view of result.views) {
    const viewName = result.multiView ? `${view.view.kind === 'kustomize' ? 'kustomize build' : view.view.kind === 'declared' ? 'declared view' : 'loose files'} ${view.view.name}` : '';
    for (const e of view.entries) {
      if (opensSomething(e)) opened++;
      if (closesSomething(e)) closed++;
      const { reasons } = changeReasons(e, view.analysis1, view.analysis2);
      const change: CompareChange = {
        type: e.type,
        src: e.src.text,
        dst: e.dst.text,
        before: e.ref1.toString(),
        after: e.ref2.toString(),
        workloadsInfo: workloadsDiffInfo(e),
        view: viewName,
        reasons: reasons.map(
          (r): CompareReason => ({
            effect: r.effect,
            text: r.text,
            ports: r.ports.toString(),
            location: location(r.source, r.effect === 'was' ? base : current),
          }),
        ),
      };
      const ns = namespaceOf(e);
      byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), change]);
    }
  }
  const namespaces = [...byNamespace.keys()].sort().map((namespace) => ({ namespace, changes: byNamespace.get(namespace) ?? [] }));
  return { baseLabel: params.baseLabel, namespaces, opened, closed };
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
