import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, ours, revert, ruleOf, waitForNoRule, waitForRule } from '../vscodeHelpers';

export function diagnosticsSuite(): void {
  describe('diagnostics', () => {
    it('an opened file gets its findings on the expected lines', async () => {
      const doc = await openFixture('legacy-policy.yaml');
      const protocol = await waitForRule(doc.uri, 'protocol-invalid', 18);
      assert.equal(protocol.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(doc.getText(protocol.range), 'tcp');
      assert.match(protocol.message, /write TCP, not tcp/);
      const api = await waitForRule(doc.uri, 'deprecated-api-version', 3);
      assert.equal(doc.getText(api.range), 'extensions/v1beta1');
      const target = typeof api.code === 'object' ? api.code.target.toString() : '';
      assert.match(target, /docs\/rules\/deprecated-api-version\.md$/, 'the code links to the rule page');
    });

    it('a file that was never opened gets its findings from the workspace scan', async () => {
      const uri = fixtureUri('egress-payments.yaml');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'egress-payments.yaml must not be open');
      const cidr = await waitForRule(uri, 'ipblock-invalid-cidr', 14);
      assert.match(cidr.message, /"10\.20\.300\.0\/24" is not a valid CIDR/);
    });

    it('a clean policy has no findings', async () => {
      // Wait for the scan to have reached the workspace first (the unopened file above has findings).
      await waitForRule(fixtureUri('egress-payments.yaml'), 'ipblock-invalid-cidr');
      assert.deepEqual(ours(fixtureUri('policies.yaml')).map(ruleOf), []);
    });

    it("an unsaved edit of a Deployment's pod label squiggles the policy that selected it, and reverting clears it", async () => {
      const policies = fixtureUri('policies.yaml');
      const deployments = await openFixture('deployments.yaml');
      await waitForRule(fixtureUri('egress-payments.yaml'), 'ipblock-invalid-cidr');
      assert.deepEqual(ours(policies).map(ruleOf), [], 'policies.yaml starts clean');
      // The api pods' template label (the second `app: api`; the first is the selector).
      const text = deployments.getText();
      const offset = text.indexOf('app: api', text.indexOf('template:', text.indexOf('name: api')));
      assert.ok(offset > 0);
      const at = deployments.positionAt(offset + 'app: '.length);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(deployments.uri, new vscode.Range(at, at.translate(0, 3)), 'apx');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      try {
        const nothing = await waitForRule(policies, 'policy-selects-nothing', 8);
        assert.equal(nothing.severity, vscode.DiagnosticSeverity.Warning);
      } finally {
        await revert(deployments);
      }
      await waitForNoRule(policies, 'policy-selects-nothing');
      assert.ok(!deployments.getText().includes('app: apx'), 'the edit is reverted');
    });
  });
}
