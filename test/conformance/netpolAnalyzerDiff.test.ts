/**
 * Conformance of `netpol-lens diff`: every netpol-analyzer diff case (../shared/conformance/
 * netpol-analyzer-diff, or NETPOL_CONFORMANCE_DIR) through the CLI's code path, compared with
 * the expected lines. Cases listed in DIFF_KNOWN_DIFFERENCES must still differ (and say why).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIFF_KNOWN_DIFFERENCES } from './knownDifferences';
import { readDiffCases, runDiffCase, type DiffCaseResult } from './runDiffCase';

const repoRoot = resolve(__dirname, '..', '..');
const sharedDir = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repoRoot, '..', 'shared', 'conformance'));
const diffDir = join(sharedDir, 'netpol-analyzer-diff');

function describeDiff(r: DiffCaseResult): string {
  const show = (sign: string, lines: string[]): string =>
    lines
      .slice(0, 15)
      .map((l) => `  ${sign} ${l}`)
      .join('\n') + (lines.length > 15 ? `\n  ${sign} … ${lines.length - 15} more` : '');
  return `expected ${r.expected.length} lines, got ${r.actual.length}\nmissing:\n${show('-', r.missing)}\nunexpected:\n${show('+', r.extra)}`;
}

if (existsSync(join(diffDir, 'cases.json'))) {
  const cases = readDiffCases(diffDir);
  let passed = 0;
  let known = 0;
  describe('netpol-analyzer diff conformance', () => {
    after(() => {
      console.log(`netpol-analyzer diff conformance: ${passed}/${cases.length} cases pass${known > 0 ? ` (${known} known differences)` : ''}`);
    });
    for (const c of cases) {
      it(c.id, () => {
        const r = runDiffCase(diffDir, c);
        const same = r.missing.length === 0 && r.extra.length === 0;
        if (DIFF_KNOWN_DIFFERENCES.has(c.id)) {
          assert.ok(!same, `${c.id} now passes: remove it from DIFF_KNOWN_DIFFERENCES in knownDifferences.ts`);
          known++;
          return;
        }
        assert.ok(same, `${c.id}: ${describeDiff(r)}`);
        passed++;
      });
    }
  });
} else if (process.env.CI) {
  describe('netpol-analyzer diff conformance', () => {
    it('finds the diff corpus', () => assert.fail(`corpus not found at ${diffDir} (set NETPOL_CONFORMANCE_DIR)`));
  });
} else {
  describe('netpol-analyzer diff conformance', () => {
    it(`corpus not found at ${diffDir} (set NETPOL_CONFORMANCE_DIR): skipped, not passed`, { skip: true }, () => undefined);
  });
}
