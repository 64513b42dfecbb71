/**
 * netpol-analyzer's invalid inputs with AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * (../shared/conformance/netpol-analyzer-anp, `invalid`): each input must be reported for the
 * same reason — a finding of `check` (rule, words and severity as invalidAnswers.ts maps them), or
 * a warning beside the connectivity listing — or differ on purpose, as that table says. The input
 * is read as the whole cluster (`workspaceIsWholeCluster`), as netpol-analyzer reads it.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/src/settings';
import { connectivityCommand, listConnections } from '../../server/src/cli/connectivityCommand';
import { UsageError, type CliIo } from '../../server/src/cli/io';
import { FindingsService } from '../../server/src/service/findingsService';
import { loadFolder } from '../../server/src/workspace/loadFolder';
import { answerFor } from './invalidAnswers';

interface InvalidCase {
  readonly id: string;
  readonly input: string;
  readonly kind: 'fatal' | 'warning';
  readonly expectedError?: string;
  readonly expectedWarning?: string;
  readonly scope?: { readonly focusWorkloads?: string[]; readonly focusWorkloadPeers?: string[]; readonly focusDirection?: 'ingress' | 'egress' };
  readonly emptyResult?: boolean;
}

const repoRoot = resolve(__dirname, '..', '..');
const sharedDir = resolve(process.env.NETPOL_CONFORMANCE_DIR ?? join(repoRoot, '..', 'shared', 'conformance'));
const dir = join(sharedDir, 'netpol-analyzer-anp');
const settings = { ...DEFAULT_SETTINGS, workspaceIsWholeCluster: true };

function findings(input: string): { ruleId: string; severity: string; message: string }[] {
  const { manifests } = loadFolder([input], settings);
  const service = new FindingsService((rule, error) => {
    throw new Error(`rule ${rule.id} threw: ${String(error)}`);
  });
  return [...manifests.files()].flatMap((f) => service.findings(f.uri, manifests, settings));
}

async function usageError(args: string[]): Promise<boolean> {
  const io: CliIo = { out: () => Promise.resolve(), err: () => undefined, readStdin: () => Promise.resolve(''), cwd: repoRoot };
  try {
    await connectivityCommand(args, io);
    return false;
  } catch (error) {
    return error instanceof UsageError;
  }
}

if (existsSync(join(dir, 'cases.json'))) {
  const cases = (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { invalid: InvalidCase[] }).invalid;
  const tally = { reported: 0, different: 0 };
  describe('netpol-analyzer invalid inputs (AdminNetworkPolicy)', () => {
    after(() => console.log(`netpol-analyzer invalid ANP inputs: ${tally.reported}/${cases.length} reported for the same reason, ${tally.different} answered differently on purpose`));
    for (const c of cases) {
      it(c.id, async () => {
        const expected = (c.expectedError ?? c.expectedWarning ?? '').trim();
        const answer = answerFor(expected);
        assert.ok(answer, `no answer mapped for ${JSON.stringify(expected)} (test/conformance/invalidAnswers.ts)`);
        const input = join(dir, c.input);
        const options = { focusWorkloads: c.scope?.focusWorkloads, focusPeers: c.scope?.focusWorkloadPeers, focusDirection: c.scope?.focusDirection };
        switch (answer.kind) {
          case 'finding': {
            const all = findings(input);
            const hit = all.find((f) => f.ruleId === answer.ruleId && f.severity === answer.severity && (answer.messagePart === undefined || f.message.includes(answer.messagePart)));
            assert.ok(hit, `no ${answer.severity} ${answer.ruleId}${answer.messagePart ? ` with "${answer.messagePart}"` : ''}; got:\n${all.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n')}`);
            tally.reported++;
            return;
          }
          case 'listing-warning': {
            const { manifests } = loadFolder([input], settings);
            const { notes } = listConnections(manifests, settings, options);
            assert.ok(notes.some((n) => n.includes(answer.messagePart)), `no listing warning with "${answer.messagePart}"; got:\n${notes.join('\n')}`);
            tally.reported++;
            return;
          }
          case 'usage-error': {
            const args = [
              ...(c.scope?.focusWorkloads ?? []).flatMap((w) => ['--focus-workload', w]),
              ...(c.scope?.focusDirection ? ['--focus-direction', c.scope.focusDirection] : []),
              ...(c.scope?.focusWorkloadPeers ?? []).flatMap((p) => ['--focus-workload-peer', p]),
              input,
            ];
            assert.ok(await usageError(args), 'expected the CLI to refuse the options');
            tally.different++;
            return;
          }
          case 'different': {
            // Still read and listed without error.
            const { manifests } = loadFolder([input], settings);
            assert.ok(listConnections(manifests, settings, options).entries.length > 0);
            tally.different++;
            return;
          }
        }
      });
    }
  });
} else {
  describe('netpol-analyzer invalid inputs (AdminNetworkPolicy)', () => {
    it(`corpus not found at ${dir}: skipped, not passed`, { skip: !process.env.CI }, () => assert.fail(`corpus not found at ${dir}`));
  });
}
