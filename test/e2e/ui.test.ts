/**
 * The packaged extension in a real VS Code: the VSIX installed into code-server, the workbench
 * driven in Debian's Chromium, checked the way a user sees it (squiggles, Problems panel, hovers,
 * quick fixes, cross-file updates). Run with `npm run test:ui` after `bash test/e2e/setup.sh`.
 * On failure: a screenshot and code-server's and the extension host's logs in test-output/ui/.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { CodeServer } from './support/codeServer';
import { OUTPUT_DIR } from './support/paths';
import { pollUntil } from './support/pollUntil';
import { ensureVsix } from './support/vsix';
import { Workbench } from './support/workbench';

const EXTENSION_ID = 'netpol-lens.netpol-lens';

/** The page's `getComputedStyle`, for code run in the browser (the tests are typed without the DOM). */
interface Computed {
  getComputedStyle(el: unknown): { backgroundColor: string; color: string };
}
const OUT = join(OUTPUT_DIR, 'ui');

describe('Netpol Lens VSIX in code-server + Chromium', { timeout: 300_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench;
  let failures = 0;

  /** A test whose failure leaves a screenshot and the logs behind. */
  const check = (name: string, body: () => Promise<void>): void => {
    it(name, { timeout: 90_000 }, async () => {
      try {
        await body();
      } catch (e) {
        failures++;
        const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
        mkdirSync(OUT, { recursive: true });
        await wb?.page.screenshot({ path: join(OUT, `${slug}.png`) }).catch(() => undefined);
        if (wb) writeFileSync(join(OUT, `${slug}.console.txt`), wb.consoleErrors.join('\n'));
        server?.saveLogs(OUT);
        throw e;
      }
    });
  };

  before(async () => {
    rmSync(OUT, { recursive: true, force: true });
    const vsix = ensureVsix();
    server = await CodeServer.start({ vsix });
    browser = await launchChromium();
    wb = await Workbench.open(browser, server);
  });

  after(async () => {
    await browser?.close();
    if (failures > 0) server?.saveLogs(OUT);
    await server?.stop();
  });

  const onDisk = (name: string): string => readFileSync(join((server as CodeServer).workspace, name), 'utf8');

  check('activates when a YAML file is opened, and the status bar reports the scan', async () => {
    await wb.openFile('policies.yaml');
    await pollUntil('the extension host to log the activation', () => (wb.server.extHostLog().includes(`ExtensionService#_doActivateExtension ${EXTENSION_ID}`) ? true : undefined), 30_000);
    const item = wb.statusBarItem(`${EXTENSION_ID}.netpolLens.status`);
    await item.filter({ hasText: /Netpol Lens: \d+ errors?, \d+ warnings?/ }).waitFor({ state: 'visible', timeout: 30_000 });
  });

  check('squiggles appear on the lower-case protocol of an opened file', async () => {
    await wb.openFile('legacy-policy.yaml');
    await wb.waitForSquiggle('error', 18);
    assert.ok(!(await wb.squiggleLines('error')).includes(17), 'the port line has no squiggle');
  });

  check('the Problems panel lists the finding of a file that was never opened', async () => {
    assert.equal(await wb.page.locator('.tab[data-resource-name="egress-payments.yaml"]').count(), 0, 'egress-payments.yaml must not be open');
    const row = await wb.waitForProblem(['10.20.300.0/24', 'Ln 14']);
    assert.match(row, /not a valid CIDR/);
    await wb.page.keyboard.press('Control+J'); // hide the panel again
  });

  check('hovering the squiggle shows the diagnostic text', async () => {
    await wb.openFile('legacy-policy.yaml');
    const text = await wb.hover('protocol: tcp', 'write TCP, not tcp', { part: 'tcp' });
    assert.match(text, /protocol-invalid/);
  });

  check('the removed extensions/v1beta1 apiVersion is squiggled and its hover says what to use', async () => {
    await wb.openFile('legacy-policy.yaml');
    await wb.waitForSquiggle('error', 3);
    const text = await wb.hover('apiVersion: extensions/v1beta1', 'networking.k8s.io/v1', { part: 'extensions/v1beta1' });
    assert.match(text, /deprecated-api-version/);
  });

  check('hovering a Deployment shows the combined effect of the policies selecting it', async () => {
    await wb.openFile('deployments.yaml');
    const text = await wb.hover('name: api', /isolated by 1 policy/, { part: 'api' });
    assert.match(text, /Selected by 1 policy: shop\/api-allow-web/);
    assert.match(text, /Ingress — isolated by 1 policy\. Allowed by its rules, everything else denied/);
    assert.match(text, /from .*web.* on .*8080/);
    assert.match(text, /Egress — not isolated/);
  });

  check('a quick fix (Ctrl+.) upper-cases the protocol; the squiggle goes; the saved file has the fix', async () => {
    await wb.openFile('legacy-policy.yaml');
    await wb.waitForSquiggle('error', 18);
    await wb.clickText('protocol: tcp', { part: 'tcp' });
    await wb.applyQuickFix('Change to TCP');
    await wb.waitForNoSquiggle('error', 18);
    await wb.save();
    const text = await pollUntil('the fix on disk', () => (onDisk('legacy-policy.yaml').includes('- protocol: TCP\n') ? onDisk('legacy-policy.yaml') : undefined), 10_000);
    assert.doesNotMatch(text, /protocol: tcp/);
  });

  check('a quick fix migrates extensions/v1beta1 to networking.k8s.io/v1', async () => {
    await wb.openFile('legacy-policy.yaml');
    await wb.waitForSquiggle('error', 3);
    await wb.clickText('apiVersion: extensions/v1beta1', { part: 'extensions/v1beta1' });
    await wb.applyQuickFix(/networking\.k8s\.io\/v1/);
    await wb.waitForNoSquiggle('error', 3);
    await wb.save();
    await pollUntil('the migrated apiVersion on disk', () => (onDisk('legacy-policy.yaml').includes('apiVersion: networking.k8s.io/v1\n') ? true : undefined), 10_000);
  });

  check('"Netpol Lens: Show connectivity matrix" opens a webview whose cells say who may connect', async () => {
    await wb.openFile('policies.yaml');
    await wb.runCommand('Netpol Lens: Show connectivity matrix');
    const frame = wb.webview();
    const cell = frame.locator('td.allowed[data-src^="shop/web["][data-dst^="shop/api["]');
    await cell.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await cell.innerText(), /TCP 8080/);
    // Clicking a cell asks the server why; the answer lands under the table.
    await cell.click();
    const explanation = frame.locator('#explanation');
    await explanation.filter({ hasText: /api-allow-web/ }).waitFor({ state: 'visible', timeout: 15_000 });
  });

  check('the matrix\'s "Graph" tab draws the workloads by namespace, and an edge (clicked, or Enter) says which rule allows it', async () => {
    await wb.openFile('policies.yaml');
    await wb.runCommand('Netpol Lens: Show connectivity matrix');
    const frame = wb.webview();
    const tab = frame.getByRole('tab', { name: 'Graph' });
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    await tab.click();
    const graph = frame.locator('#graph-panel svg.netpol-graph');
    await graph.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await frame.locator('#matrix-panel').isHidden(), true, 'the matrix gives way to the graph');
    // The shop namespace is a box holding its workloads; the internet is a node of its own.
    assert.deepEqual(await graph.locator('.cluster[data-namespace] .cluster-label').allTextContents(), ['shop']);
    const names = await graph.locator('.node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
    assert.ok(names.includes('shop/web[Deployment]') && names.includes('shop/api[Deployment]'), names.join(', '));
    assert.equal(await graph.locator('.node.external .node-label').first().textContent(), '0.0.0.0/0');
    const edge = graph.locator('.edge[data-src^="shop/web["][data-dst^="shop/api["]');
    assert.equal(await edge.locator('.edge-label').textContent(), 'TCP 8080');
    assert.match((await edge.locator('title').textContent()) ?? '', /shop\/web\[Deployment\] → shop\/api\[Deployment\]: TCP 8080/);
    // A click asks the server why; the answer names the policy and rule.
    await edge.locator('.edge-label').click(); // the label: a curved edge's middle may be empty canvas
    const explanation = frame.locator('#explanation');
    await explanation.filter({ hasText: /api-allow-web/ }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await explanation.innerText(), /shop\/web\[Deployment\] → shop\/api\[Deployment\]/);
    // From the keyboard: focus the web node and press Enter; its connections are explained.
    await graph.locator('.node[data-id^="shop/web["]').focus();
    await wb.page.keyboard.press('Enter');
    await explanation.filter({ hasText: /0\.0\.0\.0/ }).waitFor({ state: 'visible', timeout: 15_000 });
  });

  // The matrix and a workload hover in the dark theme, as pictures to look at (test-output/ui/dark/)
  // and with the colours that read wrong there before. The workbench stays dark: the checks after
  // this one read no colours.
  check('in the dark theme the matrix toolbar and the workload hover take the theme colours (pictures in test-output/ui/dark)', async () => {
    const { page } = wb;
    // As a user would: Preferences: Color Theme, then Dark Modern (clicked, not the first row:
    // the Marketplace command ranks above it).
    const input = page.locator('.quick-input-widget input');
    await page.keyboard.press('F1');
    await input.fill('>Preferences: Color Theme');
    await page.locator('.quick-input-widget .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click({ timeout: 15_000 });
    await input.fill('Dark Modern');
    await page.locator('.quick-input-widget .monaco-list-row[aria-label^="Dark Modern"]').first().click({ timeout: 15_000 });
    await page.locator('.monaco-workbench.vs-dark').waitFor({ state: 'attached', timeout: 30_000 });
    const dark = join(OUT, 'dark');
    mkdirSync(dark, { recursive: true });
    /** Relative luminance (0 black … 1 white) of a CSS `rgb(…)`/`rgba(…)` colour. */
    const luminance = (css: string): number => {
      const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };

    await wb.openFile('deployments.yaml');
    const text = await wb.hover('name: api', /isolated by 1 policy/, { part: 'api' });
    assert.match(text, /Allowed by its rules, everything else denied/);
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'isolated by' }).first();
    await hover.screenshot({ path: join(dark, 'hover.png') });
    assert.ok(luminance(await hover.evaluate((el) => (globalThis as unknown as Computed).getComputedStyle(el).backgroundColor)) < 0.3, 'the hover is dark');
    await page.mouse.move(5, 5);
    await hover.waitFor({ state: 'hidden' });

    await wb.runCommand('Netpol Lens: Show connectivity matrix');
    const frame = wb.webview();
    const cell = frame.locator('td.allowed[data-src^="shop/web["][data-dst^="shop/api["]');
    await cell.waitFor({ state: 'visible', timeout: 30_000 });
    await cell.click();
    await frame.locator('#explanation').filter({ hasText: /api-allow-web/ }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('iframe.webview.ready').last().screenshot({ path: join(dark, 'matrix.png') });
    const colours = async (control: string): Promise<{ bg: number; fg: number; text: string }> => {
      const c = await frame.locator(control).evaluate((el) => {
        const style = (globalThis as unknown as Computed).getComputedStyle(el);
        return { bg: style.backgroundColor, fg: style.color };
      });
      return { bg: luminance(c.bg), fg: luminance(c.fg), text: `background ${c.bg}, text ${c.fg}` };
    };
    // The filter takes the dropdown's dark colours; the button the theme's button colour (Dark
    // Modern's blue), not an unstyled white; both with light text.
    const select = await colours('#ns');
    assert.ok(select.bg < 0.3 && select.fg > 0.6, `the namespace filter is dark with light text (${select.text})`);
    const button = await colours('#export');
    assert.ok(button.bg < 0.6 && button.fg > button.bg + 0.3, `the Export listing button is the theme's, with light text (${button.text})`);
    const exportBox = await frame.locator('#export').boundingBox();
    assert.ok(exportBox && exportBox.height < 40, `the Export listing button stays on one line (${exportBox?.height ?? 0} px high)`);
  });

  check("renaming a Deployment's pod label (unsaved) squiggles the policy that selected it", async () => {
    await wb.openFile('policies.yaml');
    assert.deepEqual(await wb.squiggleLines('warning'), [], 'policies.yaml starts clean');
    await wb.openFile('deployments.yaml');
    await wb.replaceLastWord(35, 'apx');
    await wb.openFile('policies.yaml');
    await wb.waitForSquiggle('warning', 8);
    assert.match(onDisk('deployments.yaml'), /app: api\n/, 'the edit is unsaved: the server saw the editor buffer');
  });
});
