/**
 * Conformance of `connectivity --format md|csv|dot`: netpol-analyzer's listings in those formats
 * (test/conformance/formats, inputs from ../shared/conformance) through the command, line for line.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectivityCommand } from '../../server/src/cli/connectivityCommand';
import { runInMemory, type CliRun } from '../support/memoryIo';

const repoRoot = resolve(__dirname, '..', '..');
const sharedDir = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repoRoot, '..', 'shared', 'conformance'));
const casesDir = join(__dirname, 'formats');

interface FormatCase {
  readonly id: string;
  readonly input: string;
  readonly expected: string;
  readonly format: string;
}

function run(args: string[]): Promise<CliRun> {
  return runInMemory(connectivityCommand, args, repoRoot);
}

const cases = (JSON.parse(readFileSync(join(casesDir, 'cases.json'), 'utf8')) as { cases: FormatCase[] }).cases;

if (existsSync(join(sharedDir, 'netpol-analyzer', 'cases.json'))) {
  let passed = 0;
  describe('netpol-analyzer output formats conformance', () => {
    after(() => console.log(`netpol-analyzer output formats conformance: ${passed}/${cases.length} cases pass`));
    for (const c of cases) {
      it(c.id, async () => {
        const r = await run([join(sharedDir, c.input), '--format', c.format]);
        assert.equal(r.code, 0, r.err);
        const expected = readFileSync(join(casesDir, c.expected), 'utf8');
        assert.deepEqual(r.out.trimEnd().split('\n'), expected.trimEnd().split('\n'));
        passed++;
      });
    }
  });
} else if (process.env.CI) {
  describe('netpol-analyzer output formats conformance', () => {
    it('finds the shared inputs', () => assert.fail(`corpus not found at ${sharedDir} (set NETPOL_CONFORMANCE_DIR)`));
  });
} else {
  describe('netpol-analyzer output formats conformance', () => {
    it(`inputs not found at ${sharedDir} (set NETPOL_CONFORMANCE_DIR): skipped, not passed`, { skip: true }, () => undefined);
  });
}
