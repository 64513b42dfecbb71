/**
 * One netpol-analyzer explain case: load the input folder as the CLI does (whole, as the listing
 * cases run), explain it with the case's options through the command's own function, and compare
 * the pairs with the expected text after normalisation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { explainManifests, explainOptionsFrom } from '../../server/src/cli/explainCommand';
import { parseFocusConn } from '../../server/src/cli/focusOptions';
import { loadFolder } from '../../server/src/workspace/loadFolder';
import { parseExplanation } from './normalizeExplanation';

export interface ExplainCase {
  readonly id: string;
  readonly input: string;
  readonly expected: string;
  readonly options: {
    readonly focusWorkloads?: readonly string[];
    readonly focusWorkloadPeers?: readonly string[];
    readonly focusDirection?: 'ingress' | 'egress';
    readonly focusConn?: string;
    readonly explainOnly?: 'allow' | 'deny';
    readonly exposure?: boolean;
  };
  readonly note?: string;
}

export interface ExplainCaseResult {
  readonly pairs: number;
  readonly missing: string[];
  readonly extra: string[];
  /** Pairs in both, explained differently: expected, then actual. */
  readonly different: { pair: string; expected: string; actual: string }[];
}

export function readExplainCases(dir: string): ExplainCase[] {
  return (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: ExplainCase[] }).cases;
}

export function runExplainCase(dir: string, c: ExplainCase): ExplainCaseResult {
  const { manifests } = loadFolder([join(dir, c.input)], DEFAULT_SETTINGS);
  const o = c.options;
  const options = explainOptionsFrom(
    {
      focusWorkloads: o.focusWorkloads ?? [],
      focusDirection: o.focusDirection,
      focusPeers: o.focusWorkloadPeers ?? [],
      focusConn: o.focusConn === undefined ? undefined : parseFocusConn(o.focusConn),
    },
    o.explainOnly,
  );
  const actual = parseExplanation(explainManifests(manifests, DEFAULT_SETTINGS, options).text);
  const expected = parseExplanation(readFileSync(join(dir, c.expected), 'utf8'));
  const missing = [...expected.keys()].filter((k) => !actual.has(k));
  const extra = [...actual.keys()].filter((k) => !expected.has(k));
  const different = [...expected.entries()].flatMap(([pair, e]) => {
    const a = actual.get(pair);
    return a !== undefined && a !== e ? [{ pair, expected: e, actual: a }] : [];
  });
  return { pairs: expected.size, missing, extra, different };
}
