import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { fixtureUri, ours, revert, ruleOf, showAt, waitForDiagnostics, waitForTabs, waitForNoRule, waitForRule, waitForText } from '../vscodeHelpers';

export function commandsSuite(): void {
  describe('commands', () => {
    it('netpolLens.fixAll applies the safe fixes of the active file', async () => {
      const editor = await showAt('legacy-policy.yaml', 'protocol: tcp');
      const doc = editor.document;
      await waitForRule(doc.uri, 'protocol-invalid', 18);
      try {
        await vscode.commands.executeCommand('netpolLens.fixAll');
        await waitForText(doc, 'the protocol upper-cased', (t) => t.includes('- protocol: TCP\n'));
        await waitForNoRule(doc.uri, 'protocol-invalid');
      } finally {
        await revert(doc);
      }
      await waitForRule(doc.uri, 'protocol-invalid', 18);
    });

    it('netpolLens.migrateDeprecatedApis rewrites the removed apiVersion in the editor', async () => {
      const editor = await showAt('legacy-policy.yaml', 'apiVersion');
      const doc = editor.document;
      await waitForRule(doc.uri, 'deprecated-api-version', 3);
      try {
        await vscode.commands.executeCommand('netpolLens.migrateDeprecatedApis');
        await waitForText(doc, 'the networking.k8s.io/v1 apiVersion', (t) => t.includes('apiVersion: networking.k8s.io/v1\n'));
        await waitForNoRule(doc.uri, 'deprecated-api-version');
        assert.ok(doc.isDirty, 'the migration is left for the user to review and save');
      } finally {
        await revert(doc);
      }
    });

    it('netpolLens.allowDnsEgress adds a DNS egress rule to the policy under the cursor', async () => {
      const editor = await showAt('egress-payments.yaml', 'podSelector');
      const doc = editor.document;
      assert.doesNotMatch(doc.getText(), /port: 53/);
      try {
        await vscode.commands.executeCommand('netpolLens.allowDnsEgress');
        const text = await waitForText(doc, 'an egress rule on port 53', (t) => /port: 53/.test(t));
        assert.match(text, /k8s-app: kube-dns/);
        assert.match(text, /protocol: UDP/);
      } finally {
        await revert(doc);
      }
    });

    it('netpolLens.showConnectivityMatrix opens the matrix webview', async () => {
      await showAt('policies.yaml', 'podSelector');
      const isMatrix = (t: vscode.Tab): boolean => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('netpolLens.matrix');
      const matrixTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isMatrix);
      assert.equal(matrixTabs().length, 0, 'no matrix open before');
      await vscode.commands.executeCommand('netpolLens.showConnectivityMatrix');
      const tab = await waitForTabs('the matrix webview as the active tab', () => matrixTabs().find((t) => t.isActive));
      assert.equal(tab.label, 'Connectivity matrix');
      assert.equal(matrixTabs().length, 1);
      // Tab objects are replaced as the workbench updates them: close the active editor instead.
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitForTabs('the matrix to close', () => (matrixTabs().length === 0 ? true : undefined));
    });

    it('netpolLens.restartServer: the diagnostics go with the old server and come back from the new one', async () => {
      const uri = fixtureUri('egress-payments.yaml');
      await waitForRule(uri, 'ipblock-invalid-cidr', 14);
      let cleared = false;
      const seen = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString()) && ours(uri).length === 0) cleared = true;
      });
      try {
        await vscode.commands.executeCommand('netpolLens.restartServer');
        await waitForDiagnostics(uri, 'the diagnostics cleared and published again', (ds) => cleared && ds.some((d) => ruleOf(d) === 'ipblock-invalid-cidr'));
      } finally {
        seen.dispose();
      }
    });
  });
}
