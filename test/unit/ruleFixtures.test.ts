/**
 * Every fixture under test/fixtures/rules/<rule-id>/ is a specification of that rule: a file (or a
 * folder of files, for cross-file rules) whose annotations list exactly the diagnostics of that
 * rule. Fixtures under test/fixtures/workspaces/ are checked against every rule.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../shared/src/ruleCatalogue';
import { compareWithAnnotations, loadFixture } from '../support/fixtureWorkspace';

const root = join(__dirname, '..', 'fixtures');

function cases(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => !n.endsWith('.settings.json') && n !== 'settings.json')
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isDirectory() || /\.(ya?ml|json)$/.test(p));
}

const knownRules = new Set<string>(RULES.map((r) => r.id));

for (const ruleDir of existsSync(join(root, 'rules')) ? readdirSync(join(root, 'rules')) : []) {
  describe(`rule ${ruleDir}`, () => {
    it('is a rule of the catalogue', () => assert.ok(knownRules.has(ruleDir), `no rule ${ruleDir} in shared/src/ruleCatalogue.ts`));
    for (const fixture of cases(join(root, 'rules', ruleDir))) {
      it(fixture.slice(root.length + 1), () => {
        const ws = loadFixture(fixture);
        const problems = ws.files.flatMap((f) => compareWithAnnotations(ws, f, ruleDir));
        assert.deepEqual(problems, []);
      });
    }
  });
}

describe('whole-workspace fixtures (every rule)', () => {
  for (const fixture of cases(join(root, 'workspaces'))) {
    it(fixture.slice(root.length + 1), () => {
      const ws = loadFixture(fixture);
      const problems = ws.files.flatMap((f) => compareWithAnnotations(ws, f, undefined));
      assert.deepEqual(problems, []);
    });
  }
});
