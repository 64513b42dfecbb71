/**
 * One netpol-analyzer diff case: load both folders as the CLI does, diff them, print
 * netpol-analyzer's lines, and compare with the expected lines after normalisation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { diffManifests } from '../../server/src/features/diff/diffViews';
import type { ManifestSet } from '../../server/src/model/manifestSet';
import { diffLine } from '../../server/src/cli/diff/diffText';
import { loadFolder } from '../../server/src/workspace/loadFolder';
import { normalizeDiff } from './normalizeDiff';

export interface DiffCase {
  readonly id: string;
  readonly dir1: string;
  readonly dir2: string;
  readonly expected: string;
  readonly argNames?: { readonly ref1: string; readonly ref2: string };
  readonly note?: string;
}

export interface DiffCaseResult {
  readonly actual: string[];
  readonly expected: string[];
  readonly missing: string[];
  readonly extra: string[];
}

export function readDiffCases(dir: string): DiffCase[] {
  return (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: DiffCase[] }).cases;
}

export function runDiffCase(dir: string, c: DiffCase): DiffCaseResult {
  // Each folder whole, as netpol-analyzer reads it and as the listing cases run (runCase.ts); the
  // command diffs view by view, each view through this same function.
  const load = (folder: string): ManifestSet => loadFolder([join(dir, folder)], DEFAULT_SETTINGS).manifests;
  const { entries } = diffManifests(load(c.dir1), load(c.dir2), DEFAULT_SETTINGS, ['ipv4']);
  const labels = c.argNames ?? { ref1: 'ref1', ref2: 'ref2' };
  const actual = normalizeDiff(entries.map((e) => diffLine(e, labels)));
  const expected = normalizeDiff(readFileSync(join(dir, c.expected), 'utf8').split('\n'));
  const a = new Set(actual);
  const e = new Set(expected);
  return { actual, expected, missing: expected.filter((l) => !a.has(l)), extra: actual.filter((l) => !e.has(l)) };
}
