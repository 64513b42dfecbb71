/**
 * Quick fixes as before/after pairs: test/fixtures/fixes/<rule-id>/<case>/before.yaml and
 * after.yaml (other files in the folder are context). Every finding of <rule-id> in before.yaml
 * has its fix applied (the one whose title contains `fix.json`'s "title", else the preferred one,
 * else the first); the result must equal after.yaml byte for byte, parse cleanly, and no longer
 * have that finding (unless `fix.json` says "remaining": N), nor any error that before.yaml did not have.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/rules/applyEdits';
import type { TextEditData } from '../../server/src/rules/types';
import { buildFileModel } from '../../server/src/model/fileModel';
import { ManifestSet } from '../../server/src/model/manifestSet';
import { WorkspaceAnalysis } from '../../server/src/analysis/workspaceAnalysis';
import { findingsFor, loadFixture } from '../support/fixtureWorkspace';

const root = join(__dirname, '..', 'fixtures', 'fixes');

interface FixSpec {
  readonly title?: string;
  readonly remaining?: number;
}

for (const ruleId of existsSync(root) ? readdirSync(root) : []) {
  describe(`fixes of ${ruleId}`, () => {
    for (const name of readdirSync(join(root, ruleId))) {
      const dir = join(root, ruleId, name);
      it(name, () => {
        const spec: FixSpec = existsSync(join(dir, 'fix.json')) ? (JSON.parse(readFileSync(join(dir, 'fix.json'), 'utf8')) as FixSpec) : {};
        const expectedAfter = readFileSync(join(dir, 'after.yaml'), 'utf8');
        // after.yaml is context only for the result; load the workspace without it.
        const ws = loadFixture(dir);
        const before = ws.files.find((f) => f.relativePath === 'before.yaml');
        assert.ok(before, 'before.yaml missing');
        const findings = findingsFor(ws, before).filter((f) => f.ruleId === ruleId);
        assert.ok(findings.length > 0, `before.yaml has no ${ruleId} finding`);
        const edits: TextEditData[] = [];
        for (const f of findings) {
          const fixes = f.fixes ?? [];
          const fix =
            (spec.title !== undefined ? fixes.find((x) => x.title.includes(spec.title as string)) : undefined) ??
            fixes.find((x) => x.preferred) ??
            fixes[0];
          assert.ok(fix, `finding "${f.message}" has no fix`);
          edits.push(...fix.edits);
        }
        const after = applyEdits(before.model.text, edits).text;
        assert.equal(after, expectedAfter);

        const afterModel = buildFileModel(before.uri, after, 2);
        assert.deepEqual(afterModel.problems, [], 'the fixed file must parse');
        const others = ws.files.filter((f) => f !== before && f.relativePath !== 'after.yaml').map((f) => f.model);
        const manifests = new ManifestSet([...others, afterModel], 2);
        const analysis = new WorkspaceAnalysis(manifests, ws.settings);
        const afterFindings = findingsFor({ ...ws, manifests, analysis }, { ...before, model: afterModel });
        const remaining = afterFindings.filter((f) => f.ruleId === ruleId);
        assert.equal(remaining.length, spec.remaining ?? 0, `still reported after the fix: ${remaining.map((r) => r.message).join('; ')}`);
        // Valid: the fix brings no error (what the API server would reject) that was not there before.
        const errorsBefore = new Set(findingsFor(ws, before).filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`));
        const newErrors = afterFindings.filter((f) => f.severity === 'error' && !errorsBefore.has(`${f.ruleId}: ${f.message}`));
        assert.deepEqual(newErrors.map((f) => `${f.ruleId}: ${f.message}`), [], 'the fix must not bring new errors');
      });
    }
  });
}
