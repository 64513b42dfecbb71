/**
 * Conformance: every netpol-analyzer connectivity case (from ../shared/conformance, or
 * NETPOL_CONFORMANCE_DIR) — NetworkPolicy only, and with AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy — and every case of our own (test/conformance/cases) through the CLI's
 * code path, compared with the expected listing. Prints the pass count; without the shared
 * folder the public suite is skipped (and says so), never counted as passed — and under CI,
 * where shared/ is always beside the clone, it fails.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KNOWN_DIFFERENCES } from './knownDifferences';
import { readCases, runCase, type CaseResult, type ConnectivityCase } from './runCase';

const repoRoot = resolve(__dirname, '..', '..');
const sharedDir = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repoRoot, '..', 'shared', 'conformance'));
const publicDir = join(sharedDir, 'netpol-analyzer');
const anpDir = join(sharedDir, 'netpol-analyzer-anp');
const ownDir = join(__dirname, 'cases');

function describeDiff(r: CaseResult): string {
  const show = (sign: string, lines: string[]): string =>
    lines
      .slice(0, 15)
      .map((l) => `  ${sign} ${l}`)
      .join('\n') + (lines.length > 15 ? `\n  ${sign} … ${lines.length - 15} more` : '');
  return `expected ${r.expected.length} lines, got ${r.actual.length}\nmissing:\n${show('-', r.missing)}\nunexpected:\n${show('+', r.extra)}`;
}

function suite(name: string, dir: string, cases: readonly ConnectivityCase[]): void {
  let passed = 0;
  const known = cases.filter((c) => KNOWN_DIFFERENCES.has(c.id)).length;
  describe(name, () => {
    after(() => {
      console.log(`${name}: ${passed}/${cases.length} cases pass${known > 0 ? ` (${known} known differences)` : ''}`);
    });
    for (const c of cases) {
      it(c.id, () => {
        const r = runCase(dir, c);
        const same = r.missing.length === 0 && r.extra.length === 0;
        const reason = KNOWN_DIFFERENCES.get(c.id);
        if (reason !== undefined) {
          assert.ok(!same, `${c.id} now passes: remove it from knownDifferences.ts`);
          return;
        }
        assert.ok(same, `${c.id}: ${describeDiff(r)}`);
        passed++;
      });
    }
  });
}

function publicSuite(name: string, dir: string): void {
  if (existsSync(join(dir, 'cases.json'))) {
    suite(name, dir, readCases(dir));
  } else if (process.env.CI) {
    // CI always has shared/ beside the clone: a missing corpus there is a broken run, not a skip.
    describe(name, () => {
      it('finds the public corpus', () => assert.fail(`corpus not found at ${dir} (set NETPOL_CONFORMANCE_DIR)`));
    });
  } else {
    describe(name, () => {
      it(`corpus not found at ${dir} (set NETPOL_CONFORMANCE_DIR): skipped, not passed`, { skip: true }, () => undefined);
    });
  }
}

publicSuite('netpol-analyzer conformance', publicDir);
publicSuite('netpol-analyzer AdminNetworkPolicy conformance', anpDir);
suite('own connectivity cases', ownDir, readCases(ownDir));
