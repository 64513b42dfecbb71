/**
 * Kustomize patches are partial objects: analysing them as whole policies or workloads would
 * report false problems. This reads a kustomization file's patch references.
 */
import { parseYamlDocument } from '../yaml/parseYamlDocument';
import { getSeq, getString, isMap, isScalar, scalarString } from './yamlTree';

export function isKustomizationFile(path: string): boolean {
  return /(^|[\\/])(kustomization\.ya?ml|Kustomization)$/.test(path);
}

/** Relative paths of the files a kustomization uses as patches. */
export function kustomizePatchPaths(text: string): string[] {
  const { root } = parseYamlDocument(text, 0);
  if (!isMap(root)) return [];
  const out: string[] = [];
  for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
    for (const item of getSeq(root, key)?.items ?? []) {
      if (isScalar(item)) {
        const s = scalarString(item);
        if (s && !s.includes('\n')) out.push(s);
      } else if (isMap(item)) {
        const path = getString(item, 'path');
        if (path) out.push(path);
      }
    }
  }
  return out;
}
