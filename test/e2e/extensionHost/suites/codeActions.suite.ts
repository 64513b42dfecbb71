import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeActions, openFixture, readOnDisk, waitForNoRule, waitForRule, waitForText } from '../vscodeHelpers';

export function codeActionsSuite(): void {
  describe('code actions', () => {
    it('the deprecated apiVersion offers its migration as the preferred quick fix', async () => {
      const doc = await openFixture('legacy-policy.yaml');
      const api = await waitForRule(doc.uri, 'deprecated-api-version', 3);
      const actions = await codeActions(doc.uri, api.range);
      const migrate = actions.find((a) => a.kind?.value === 'quickfix' && /networking\.k8s\.io\/v1/.test(a.title));
      assert.ok(migrate, `no migration among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(migrate.isPreferred, true);
    });

    it('source.fixAll.netpolLens is offered for the file', async () => {
      const doc = await openFixture('legacy-policy.yaml');
      await waitForRule(doc.uri, 'protocol-invalid', 18);
      const whole = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await codeActions(doc.uri, whole, 'source.fixAll.netpolLens');
      assert.ok(
        actions.some((a) => a.kind?.value === 'source.fixAll.netpolLens' && a.edit !== undefined),
        `no fix-all action among: ${actions.map((a) => `${a.title} (${a.kind?.value ?? '?'})`).join(' | ')}`,
      );
    });

    it('"Change to TCP" applies: the diagnostic goes, and the saved file has the fix', async () => {
      const doc = await openFixture('legacy-policy.yaml');
      const protocol = await waitForRule(doc.uri, 'protocol-invalid', 18);
      const actions = await codeActions(doc.uri, protocol.range);
      const fix = actions.find((a) => a.title.includes('Change to TCP'));
      assert.ok(fix?.edit, `no "Change to TCP" edit among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      await waitForText(doc, 'the upper-case protocol', (t) => t.includes('- protocol: TCP\n'));
      await waitForNoRule(doc.uri, 'protocol-invalid');
      assert.equal(await doc.save(), true);
      const disk = await readOnDisk(doc.uri);
      assert.match(disk, /- protocol: TCP\n/);
      assert.doesNotMatch(disk, /protocol: tcp/);
    });
  });
}
