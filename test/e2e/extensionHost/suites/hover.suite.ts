import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { fixtureUri, hoverText, openFixture, positionOf, waitForRule } from '../vscodeHelpers';

export function hoverSuite(): void {
  describe('hover', () => {
    // Hovers read the whole workspace: wait until the scan has reached an unopened file.
    const scanned = (): Promise<unknown> => waitForRule(fixtureUri('egress-payments.yaml'), 'ipblock-invalid-cidr');

    it('a Deployment selected by a policy: the combined effect of its policies', async () => {
      await scanned();
      const doc = await openFixture('deployments.yaml');
      const text = await hoverText(doc.uri, positionOf(doc, 'name: api', 'name: '.length + 1));
      assert.match(text, /\*\*Deployment shop\/api\*\* — ingress: isolated · egress: all allowed/);
      assert.match(text, /Selected by 1 policy: \[shop\/api-allow-web\]/);
      assert.match(text, /\*\*Ingress\*\* — isolated by 1 policy\. Allowed by its rules, everything else denied/);
      assert.match(text, /- from pods `app=web` in `shop`: \[shop\/web\]\([^)]*deployments\.yaml#L\d+\) on TCP 8080/);
      assert.match(text, /\*\*Egress\*\* — not isolated/);
    });

    it('a policy in another file with the removed API still counts: its namespace peer is listed', async () => {
      await scanned();
      const doc = await openFixture('deployments.yaml');
      const text = await hoverText(doc.uri, positionOf(doc, 'name: web', 'name: '.length + 1));
      assert.match(text, /\*\*Deployment shop\/web\*\* — ingress: isolated · egress: all allowed/);
      assert.match(text, /Selected by 1 policy: \[shop\/web-allow-shop\]\([^)]*legacy-policy\.yaml#L\d+\)/);
      assert.match(text, /- from all pods in namespaces `shop`: /);
      assert.match(text, /⚠ The API server rejects \[shop\/web-allow-shop\]\([^)]*\) \(`deprecated-api-version`\): it is never in force/);
    });

    it('a comment line has no Netpol Lens hover', async () => {
      await scanned();
      const doc = await openFixture('deployments.yaml');
      const text = await hoverText(doc.uri, positionOf(doc, '# Workloads', 3));
      assert.doesNotMatch(text, /Selected by|isolated/);
    });
  });
}
