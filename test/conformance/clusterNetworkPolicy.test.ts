/**
 * ClusterNetworkPolicy (v1alpha2) against AdminNetworkPolicy (v1alpha1): every listing case of
 * netpol-analyzer's ANP corpus, with its ANP and BANP objects rewritten as the equivalent
 * ClusterNetworkPolicies (toClusterNetworkPolicy.ts), must give the expected listing unchanged.
 * Our own v1alpha2 cases (test/conformance/cases, ids `cnp-*`) cover what v1alpha1 cannot say:
 * several Baseline tier policies by priority, and a Pass in the Baseline tier.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KNOWN_DIFFERENCES } from './knownDifferences';
import { readCases, runCase } from './runCase';
import { rewriteAsClusterNetworkPolicies } from './toClusterNetworkPolicy';

const repoRoot = resolve(__dirname, '..', '..');
const sharedDir = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repoRoot, '..', 'shared', 'conformance'));
const anpDir = join(sharedDir, 'netpol-analyzer-anp');

/** A copy of the input folder with ANP/BANP documents rewritten; returns how many files changed. */
function rewriteFolder(from: string, to: string): number {
  mkdirSync(to, { recursive: true });
  let changed = 0;
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) {
      changed += rewriteFolder(src, dst);
      continue;
    }
    const rewritten = /\.ya?ml$/.test(name) ? rewriteAsClusterNetworkPolicies(readFileSync(src, 'utf8')) : undefined;
    if (rewritten === undefined) copyFileSync(src, dst);
    else {
      writeFileSync(dst, rewritten);
      changed++;
    }
  }
  return changed;
}

if (existsSync(join(anpDir, 'cases.json'))) {
  const cases = readCases(anpDir);
  const work = mkdtempSync(join(tmpdir(), 'netpol-lens-cnp-'));
  let passed = 0;
  describe('ClusterNetworkPolicy: netpol-analyzer ANP cases rewritten for v1alpha2', () => {
    after(() => {
      rmSync(work, { recursive: true, force: true });
      console.log(`ClusterNetworkPolicy rewrite of the ANP corpus: ${passed}/${cases.length} cases pass`);
    });
    for (const c of cases) {
      it(c.id, () => {
        const input = join(work, c.input);
        if (!existsSync(input)) assert.ok(rewriteFolder(join(anpDir, c.input), input) > 0, 'no ANP or BANP to rewrite');
        mkdirSync(join(work, 'expected'), { recursive: true });
        copyFileSync(join(anpDir, c.expected), join(work, c.expected));
        const r = runCase(work, c);
        const same = r.missing.length === 0 && r.extra.length === 0;
        if (KNOWN_DIFFERENCES.has(c.id)) return;
        assert.ok(same, `missing: ${r.missing.slice(0, 10).join('\n')}\nunexpected: ${r.extra.slice(0, 10).join('\n')}`);
        passed++;
      });
    }
  });
} else {
  describe('ClusterNetworkPolicy: netpol-analyzer ANP cases rewritten for v1alpha2', () => {
    it(`corpus not found at ${anpDir}: skipped, not passed`, { skip: !process.env.CI }, () => assert.fail(`corpus not found at ${anpDir}`));
  });
}
