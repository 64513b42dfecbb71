/**
 * `npm run screenshots`: the README's pictures, taken from the packaged extension in code-server +
 * Chromium exactly as the UI test drives it, on test/e2e/workspace-screenshots (committed to a
 * fresh git repository, for the "vs HEAD" lens). Writes
 * docs/images/{squiggles,hover,quick-fix,connectivity-matrix,connectivity-graph,compare-lens,compare-connectivity}.png,
 * each cropped to the part of the window it shows. Needs `bash test/e2e/setup.sh` first. On failure: a full screenshot and the
 * logs in test-output/screenshots/.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { launchChromium } from './support/browser';
import { CodeServer } from './support/codeServer';
import { commitAll, GIT_SETTINGS } from './support/gitWorkspace';
import { OUTPUT_DIR, REPO } from './support/paths';
import { ensureVsix } from './support/vsix';
import { Workbench } from './support/workbench';

// NETPOL_SCREENSHOT_THEME=… (e.g. "Default Dark Modern") takes the same pictures in another theme, into
// test-output/screenshots/<theme>/ instead of the README's folder: to look at, not to publish.
const THEME = process.env.NETPOL_SCREENSHOT_THEME;
const IMAGES = THEME ? join(OUTPUT_DIR, 'screenshots', THEME.replace(/\W+/g, '-')) : join(REPO, 'docs', 'images');
const OUT = join(OUTPUT_DIR, 'screenshots');
const WORKSPACE = join(REPO, 'test', 'e2e', 'workspace-screenshots');

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${String(l)} is not visible`);
  return b;
}

/** The smallest rectangle holding all boxes, grown by `pad`, kept inside the viewport (and `within`). */
function around(boxes: Box[], pad: number, viewport: { width: number; height: number }, within: Box = { x: 0, y: 0, ...viewport }): Box {
  const x0 = Math.max(0, within.x, Math.min(...boxes.map((b) => b.x)) - pad);
  const y0 = Math.max(0, within.y, Math.min(...boxes.map((b) => b.y)) - pad);
  const x1 = Math.min(viewport.width, within.x + within.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const y1 = Math.min(viewport.height, within.y + within.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  return { x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
}

async function main(): Promise<void> {
  const viewport = { width: 1120, height: 820 };
  if (!THEME) rmSync(OUT, { recursive: true, force: true });
  mkdirSync(IMAGES, { recursive: true });
  const vsix = ensureVsix();
  const server = await CodeServer.start({
    vsix,
    workspaceSource: WORKSPACE,
    prepareWorkspace: commitAll,
    // Nothing in the pictures that a reader's editor would not show by default, minus clutter.
    settings: { ...GIT_SETTINGS, 'workbench.colorTheme': THEME ?? 'Default Light Modern', 'editor.fontSize': 14, 'breadcrumbs.enabled': false },
  });
  let browser: Browser | undefined;
  let wb: Workbench | undefined;
  const written: string[] = [];
  const shoot = async (name: string, clip: Box): Promise<void> => {
    const path = join(IMAGES, `${name}.png`);
    await (wb as Workbench).page.screenshot({ path, clip });
    written.push(`${path} (${clip.width}×${clip.height}, ${Math.round(statSync(path).size / 1024)} KB)`);
  };
  try {
    browser = await launchChromium();
    wb = await Workbench.open(browser, server, undefined, { viewport });
    const { page } = wb;
    // The sidebar is not what the pictures are about: hide it (Ctrl+B toggles it, so check first).
    await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });

    // 1. Squiggles, with the Problems panel listing the same findings.
    await wb.openFile('payments-egress.yaml');
    await wb.waitForSquiggle('error', 1, 60_000);
    await wb.waitForSquiggle('error', 15);
    await wb.waitForSquiggle('warning', 17);
    await wb.waitForProblem(['203.0.113.7/24']);
    await page.locator('.markers-panel .monaco-list-row').nth(4).waitFor({ state: 'visible' });
    await page.mouse.move(viewport.width - 5, viewport.height / 2);
    await shoot('squiggles', around([await box(page.locator('.part.editor')), await box(page.locator('.part.panel'))], 0, viewport));
    await page.keyboard.press('Control+J'); // hide the panel

    // 2. The workload hover of a modest Deployment (4 policies, 2 peers in, 3 out): the combined
    // effect of every policy that selects it. VS Code caps a hover at a quarter of the editor's
    // height (250 px at least) and scrolls the rest: in a 1400×1300 window it must show whole.
    const tall = { width: 1400, height: 1300 };
    await page.setViewportSize(tall);
    await wb.openFile('deployments.yaml');
    await wb.hover('name: api', /isolated by 3 policies/, { part: 'api' });
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'isolated by' }).first();
    const fit = await hover.evaluate((el) => {
      const scrollable = el.querySelector('.monaco-scrollable-element');
      const content = scrollable?.firstElementChild;
      return { shown: scrollable?.clientHeight ?? 0, content: content?.scrollHeight ?? 0 };
    });
    console.log(`hover: ${fit.content} px of content in ${fit.shown} px`);
    if (fit.content > fit.shown + 1) {
      mkdirSync(OUT, { recursive: true });
      await hover.screenshot({ path: join(OUT, 'hover-too-tall.png') });
      throw new Error(`the workload hover needs a scrollbar in a 1400×1300 window: ${fit.content} px of content in ${fit.shown} px (see test-output/screenshots/hover-too-tall.png)`);
    }
    const name = await wb.textRect('name: api');
    await shoot('hover', around([await box(hover), name], 4, tall));
    await page.mouse.move(tall.width - 5, tall.height - 5);
    await hover.waitFor({ state: 'hidden' });
    await page.setViewportSize(viewport);

    // 3. Ctrl+. on a CIDR with host bits: the quick fixes.
    await wb.openFile('payments-egress.yaml');
    await wb.clickText('cidr: 203.0.113.7/24', { part: '203.0.113.7' });
    await wb.openQuickFixMenu(/203\.0\.113\.0\/24/);
    const menu = page.locator('.action-widget');
    const line = await wb.textRect('cidr: 203.0.113.7/24');
    const top = await wb.textRect('egress:');
    await shoot('quick-fix', around([await box(menu), line, top, { ...line, x: line.x - 60 }], 12, viewport));
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });

    // 4. The connectivity matrix webview, with one cell explained.
    await wb.runCommand('Netpol Lens: Show connectivity matrix');
    const frame = wb.webview();
    const cell = frame.locator('td.allowed[data-src^="shop/web["][data-dst^="shop/api["]');
    await cell.waitFor({ state: 'visible', timeout: 30_000 });
    await cell.click();
    await frame.locator('#explanation').filter({ hasText: /api-allow-web/ }).waitFor({ state: 'visible', timeout: 15_000 });
    const content = [await box(frame.locator('#toolbar')), await box(frame.locator('#matrix table')), await box(frame.locator('#explanation'))];
    const panel = await box(page.locator('iframe.webview.ready').last());
    await shoot('connectivity-matrix', around(content, 12, { width: viewport.width, height: viewport.height }, panel));

    // 5. The same connections as a graph (the "Graph" tab), with one edge explained.
    await frame.getByRole('tab', { name: 'Graph' }).click();
    const graph = frame.locator('#graph-panel svg.netpol-graph');
    await graph.waitFor({ state: 'visible', timeout: 10_000 });
    // The label: the middle of a curved edge's box may be empty canvas.
    await graph.locator('.edge[data-src^="shop/web["][data-dst^="shop/api["] .edge-label').click();
    await frame.locator('#explanation').filter({ hasText: /shop\/web\[Deployment\] → shop\/api\[Deployment\]/ }).waitFor({ state: 'visible', timeout: 15_000 });
    const drawn = [await box(frame.locator('#toolbar')), await box(graph), await box(frame.locator('#explanation'))];
    await shoot('connectivity-graph', around(drawn, 12, { width: viewport.width, height: viewport.height }, panel));
    await page.keyboard.press('Control+W');
    await page.locator('.tab.active').filter({ hasText: 'Connectivity matrix' }).waitFor({ state: 'detached' });

    // 6. A review of uncommitted edits: the api policy's peer moved to the gateway (closing
    // web → api), the db policy's peer fixed to api (opening api → db); the lens sums it up.
    await wb.openFile('shop-policies.yaml');
    await wb.replaceLastWord(26, 'gateway');
    await wb.replaceLastWord(46, 'api');
    await wb.replaceLastWord(48, 'TCP');
    await wb.save();
    await page.keyboard.press('Control+Home'); // the lens sits above the first line
    const lens = wb.codeLens('vs HEAD: opens 1 path, closes 1');
    await lens.waitFor({ state: 'visible', timeout: 45_000 });
    await wb.goToLineEnd(16); // the cursor out of the picture, and out of any word it would highlight
    await page.mouse.move(viewport.width - 5, viewport.height / 2);
    const editor = await box(page.locator('.part.editor'));
    const lensRow = await box(page.locator('.codelens-decoration').filter({ hasText: 'vs HEAD' }).first());
    const firstLines = await wb.textRect('namespace: shop');
    await shoot('compare-lens', around([lensRow, firstLines, { ...firstLines, x: editor.x }], 8, viewport, editor));

    // 7. Clicking it: the compare view against HEAD.
    await lens.click();
    const compare = wb.webview();
    await compare.locator('tr.added').first().waitFor({ state: 'visible', timeout: 30_000 });
    const view = await box(page.locator('iframe.webview.ready').last());
    const tables = await compare.locator('body > *:not(script)').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
    );
    const inPage = tables.map((r) => ({ ...r, x: r.x + view.x, y: r.y + view.y }));
    await shoot('compare-connectivity', around(inPage, 12, viewport, view));
  } catch (e) {
    mkdirSync(OUT, { recursive: true });
    await wb?.page.screenshot({ path: join(OUT, 'failure.png') }).catch(() => undefined);
    server.saveLogs(join(OUT, 'logs'));
    throw e;
  } finally {
    await browser?.close();
    await server.stop();
  }
  for (const w of written) console.log(`wrote ${w}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
