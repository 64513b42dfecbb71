/**
 * The "vs HEAD" CodeLens and the compare view, in code-server with its git extension: the
 * fixture workspace committed to a fresh repository, a policy's port edited in the editor, the
 * lens read from the DOM as the edit is typed, saved and taken back, then clicked — the compare
 * view must open and show the change. Run with `npm run test:ui`. On failure: a screenshot and
 * the logs in test-output/ui-compare/.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { CodeServer } from './support/codeServer';
import { commitAll, GIT_SETTINGS } from './support/gitWorkspace';
import { OUTPUT_DIR } from './support/paths';
import { ensureVsix } from './support/vsix';
import { Workbench } from './support/workbench';

const OUT = join(OUTPUT_DIR, 'ui-compare');
/** policies.yaml line 20: `port: 8080` of api-allow-web (web → api). */
const PORT_LINE = 20;

describe('"vs HEAD" CodeLens and compare view in code-server', { timeout: 300_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench;

  before(async () => {
    rmSync(OUT, { recursive: true, force: true });
    server = await CodeServer.start({ vsix: ensureVsix(), prepareWorkspace: commitAll, settings: GIT_SETTINGS });
    browser = await launchChromium();
    wb = await Workbench.open(browser, server);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the lens follows the edit against HEAD, and clicking it opens the compare view with the change', { timeout: 240_000 }, async () => {
    try {
      await wb.openFile('policies.yaml');
      // The server's own lens first: the file is read and analysed.
      await wb.codeLens('selects 1 workload').waitFor({ state: 'visible', timeout: 60_000 });
      assert.equal(await wb.codeLens('vs HEAD').count(), 0, 'no HEAD lens on a committed, unchanged file');

      // Typed, not saved: compared with the file on disk, which is HEAD's.
      await wb.replaceLastWord(PORT_LINE, '9090');
      await wb.codeLens('vs HEAD: opens 1 path, closes 1').waitFor({ state: 'visible', timeout: 45_000 });

      // Saved: git now reports the file changed and the HEAD text comes from the git extension,
      // so typing HEAD's port back leaves nothing to show.
      await wb.save();
      await wb.replaceLastWord(PORT_LINE, '8080');
      await wb.codeLens('vs HEAD').waitFor({ state: 'detached', timeout: 45_000 });
      await wb.replaceLastWord(PORT_LINE, '9090');
      const lens = wb.codeLens('vs HEAD: opens 1 path, closes 1');
      await lens.waitFor({ state: 'visible', timeout: 45_000 });

      await lens.click();
      await wb.page.locator('.tab.active').filter({ hasText: 'Connectivity vs HEAD' }).waitFor({ state: 'visible', timeout: 30_000 });
      const frame = wb.webview();
      const row = frame.locator('tr.changed').filter({ hasText: 'shop/web[Deployment]' }).filter({ hasText: 'shop/api[Deployment]' });
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      const cells = await row.locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(0, 5), ['changed', 'shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080', 'TCP 9090']);
      assert.match(cells[5] ?? '', /opens TCP 9090: shop\/api-allow-web allows it/);
      assert.match(cells[5] ?? '', /policies\.yaml:\d+/);
      assert.match(await frame.locator('body').innerText(), /Against HEAD: 1 connection differs — 1 opens something, 1 closes something\./);
      assert.match(await frame.locator('h2').first().innerText(), /Namespace shop/);
    } catch (e) {
      mkdirSync(OUT, { recursive: true });
      await wb.page.screenshot({ path: join(OUT, 'failure.png') }).catch(() => undefined);
      writeFileSync(join(OUT, 'console.txt'), wb.consoleErrors.join('\n'));
      server?.saveLogs(OUT);
      throw e;
    }
  });
});
