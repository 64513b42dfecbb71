/**
 * Conformance of `netpol-lens explain`: every netpol-analyzer explain case (../shared/conformance/
 * netpol-analyzer-explain, or NETPOL_CONFORMANCE_DIR), compared pair by pair and class by class
 * (ports, verdict per direction, rule lines). Cases in EXPLAIN_KNOWN_DIFFERENCES must still differ.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPLAIN_KNOWN_DIFFERENCES } from './knownDifferences';
import { readExplainCases, runExplainCase, type ExplainCaseResult } from './runExplainCase';

const repoRoot = resolve(__dirname, '..', '..');
const sharedDir = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repoRoot, '..', 'shared', 'conformance'));
const explainDir = join(sharedDir, 'netpol-analyzer-explain');

function describeResult(r: ExplainCaseResult): string {
  const list = (sign: string, items: string[]): string =>
    items
      .slice(0, 10)
      .map((l) => `  ${sign} ${l}`)
      .join('\n') + (items.length > 10 ? `\n  ${sign} … ${items.length - 10} more` : '');
  const diffs = r.different
    .slice(0, 3)
    .map((d) => `  ~ ${d.pair}\n    expected:\n      ${d.expected.split('\n').join('\n      ')}\n    actual:\n      ${d.actual.split('\n').join('\n      ')}`)
    .join('\n');
  return `${r.pairs} expected pairs; missing:\n${list('-', r.missing)}\nunexpected:\n${list('+', r.extra)}\nexplained differently (${r.different.length}):\n${diffs}`;
}

if (existsSync(join(explainDir, 'cases.json'))) {
  const cases = readExplainCases(explainDir);
  let passed = 0;
  let known = 0;
  describe('netpol-analyzer explain conformance', () => {
    after(() => {
      console.log(`netpol-analyzer explain conformance: ${passed}/${cases.length} cases pass${known > 0 ? ` (${known} known differences)` : ''}`);
    });
    for (const c of cases) {
      it(c.id, () => {
        const r = runExplainCase(explainDir, c);
        const same = r.missing.length === 0 && r.extra.length === 0 && r.different.length === 0;
        if (EXPLAIN_KNOWN_DIFFERENCES.has(c.id)) {
          assert.ok(!same, `${c.id} now passes: remove it from EXPLAIN_KNOWN_DIFFERENCES in knownDifferences.ts`);
          known++;
          return;
        }
        assert.ok(same, `${c.id}: ${describeResult(r)}`);
        passed++;
      });
    }
  });
} else if (process.env.CI) {
  describe('netpol-analyzer explain conformance', () => {
    it('finds the explain corpus', () => assert.fail(`corpus not found at ${explainDir} (set NETPOL_CONFORMANCE_DIR)`));
  });
} else {
  describe('netpol-analyzer explain conformance', () => {
    it(`corpus not found at ${explainDir} (set NETPOL_CONFORMANCE_DIR): skipped, not passed`, { skip: true }, () => undefined);
  });
}
