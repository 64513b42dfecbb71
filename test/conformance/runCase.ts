/**
 * One connectivity case (netpol-analyzer's format, also used for our own cases): load the input
 * folder as the CLI does, list the connections with the case's scope, and compare with the
 * expected listing after normalisation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import type { IpFamily } from '../../server/src/engine/cidr';
import { listConnections } from '../../server/src/cli/connectivityCommand';
import { entryLine } from '../../server/src/engine/connectivityListing';
import { loadFolder } from '../../server/src/workspace/loadFolder';
import { normalizeListing } from './normalizeListing';

export interface ConnectivityCase {
  readonly id: string;
  readonly input: string;
  readonly expected: string;
  readonly scope?: {
    readonly focusWorkloads?: readonly string[];
    readonly focusDirection?: 'ingress' | 'egress';
    readonly focusWorkloadPeers?: readonly string[];
  };
  readonly note?: string;
  /** Our extension: address families listed (default IPv4 only, as netpol-analyzer). */
  readonly families?: readonly IpFamily[];
}

export interface CaseResult {
  readonly actual: string[];
  readonly expected: string[];
  readonly missing: string[];
  readonly extra: string[];
}

export function readCases(dir: string): ConnectivityCase[] {
  const raw = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: ConnectivityCase[] };
  return raw.cases;
}

export function runCase(dir: string, c: ConnectivityCase): CaseResult {
  const { manifests } = loadFolder([join(dir, c.input)], DEFAULT_SETTINGS);
  const { entries } = listConnections(manifests, DEFAULT_SETTINGS, {
    focusWorkloads: c.scope?.focusWorkloads,
    focusDirection: c.scope?.focusDirection,
    focusPeers: c.scope?.focusWorkloadPeers,
    families: c.families,
  });
  const actual = normalizeListing(entries.map(entryLine));
  const expected = normalizeListing(readFileSync(join(dir, c.expected), 'utf8').split('\n'));
  const a = new Set(actual);
  const e = new Set(expected);
  return { actual, expected, missing: expected.filter((l) => !a.has(l)), extra: actual.filter((l) => !e.has(l)) };
}
