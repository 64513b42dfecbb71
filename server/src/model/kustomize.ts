/**
 * Kustomize patches are partial objects: analysing them as whole policies or workloads would
 * report false problems. This reads a kustomization file's patch references.
 */
import { parseYamlDocument } from '../yaml/parseYamlDocument';
import { getSeq, getString, isMap, isScalar, scalarString } from './yamlTree';

/** The names kustomize reads a folder's kustomization from. */
export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function isKustomizationFile(path: string): boolean {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return KUSTOMIZATION_FILE_NAMES.includes(name);
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
