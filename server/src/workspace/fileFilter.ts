/** Which files the workspace indexes: YAML (and JSON) manifests, minus excluded globs. */
import { minimatch } from 'minimatch';

const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

export interface FileFilter {
  /** `relativePath` uses forward slashes, relative to its workspace folder. */
  accepts(relativePath: string): boolean;
  /** A folder to skip entirely while walking (saves reading node_modules). */
  skipsFolder(relativePath: string): boolean;
}

export function createFileFilter(include: readonly string[], exclude: readonly string[]): FileFilter {
  const opts = { dot: true, nocase: false };
  const excluded = (p: string): boolean => exclude.some((g) => minimatch(p, g, opts));
  return {
    accepts(relativePath) {
      if (!MANIFEST_EXTENSION.test(relativePath)) return false;
      if (excluded(relativePath)) return false;
      return include.length === 0 || include.some((g) => minimatch(relativePath, g, opts));
    },
    skipsFolder(relativePath) {
      // A folder is skipped when everything inside it would be excluded.
      return excluded(`${relativePath}/`) || excluded(`${relativePath}/x`);
    },
  };
}
