/** Which files the workspace indexes: YAML (and JSON) manifests, minus excluded globs. */
import { Minimatch } from 'minimatch';

const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

export interface FileFilter {
  /** `relativePath` uses forward slashes, relative to its workspace folder. */
  accepts(relativePath: string): boolean;
  /** A folder to skip entirely while walking (saves reading node_modules). */
  skipsFolder(relativePath: string): boolean;
}

export function createFileFilter(include: readonly string[], exclude: readonly string[]): FileFilter {
  // Each glob is compiled once: `minimatch(path, glob)` compiles it again on every call, which
  // was the largest part of walking a 5,000-file workspace (two folder checks and one file check each).
  const compile = (globs: readonly string[]): Minimatch[] => globs.map((g) => new Minimatch(g, { dot: true, nocase: false }));
  const excludes = compile(exclude);
  const includes = compile(include);
  const excluded = (p: string): boolean => excludes.some((m) => m.match(p));
  return {
    accepts(relativePath) {
      if (!MANIFEST_EXTENSION.test(relativePath)) return false;
      if (excluded(relativePath)) return false;
      return includes.length === 0 || includes.some((m) => m.match(relativePath));
    },
    skipsFolder(relativePath) {
      // A folder is skipped when everything inside it would be excluded.
      return excluded(`${relativePath}/`) || excluded(`${relativePath}/x`);
    },
  };
}
