import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, openFixture } from '../vscodeHelpers';

export function activationSuite(): void {
  describe('activation', () => {
    it('activates on a YAML file and registers every contributed command', async () => {
      await openFixture('policies.yaml');
      const extension = await activateExtension();
      assert.equal(extension.isActive, true);
      const manifest = extension.packageJSON as { contributes: { commands: { command: string }[] } };
      const contributed = manifest.contributes.commands.map((c) => c.command);
      assert.ok(contributed.length > 0, 'package.json contributes commands');
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = contributed.filter((c) => !registered.has(c));
      assert.deepEqual(missing, [], 'contributed commands without a registration');
    });
  });
}
