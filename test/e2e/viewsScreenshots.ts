/**
 * `npm run screenshots:views`: pictures of cluster views in the packaged extension (code-server +
 * Chromium), on test/e2e/workspace-kustomize (one base, three overlays), in the light and the dark
 * theme: the base policy's squiggle whose message names the overlays it holds in, and the base
 * Deployment's hover answering per overlay. Light pictures go to docs/images/ (the README shows
 * them), dark ones to test-output/screenshots/ (to look at). Needs `bash test/e2e/setup.sh` first.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { launchChromium } from './support/browser';
import { CodeServer } from './support/codeServer';
import { OUTPUT_DIR, REPO } from './support/paths';
import { ensureVsix } from './support/vsix';
import { Workbench } from './support/workbench';

const WORKSPACE = join(REPO, 'test', 'e2e', 'workspace-kustomize');
type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${String(l)} is not visible`);
  return b;
}

function around(boxes: Box[], pad: number, viewport: { width: number; height: number }): Box {
  const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const x1 = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const y1 = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  return { x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
}

async function shootTheme(theme: string, dir: string, suffix: string): Promise<string[]> {
  const viewport = { width: 1120, height: 1100 };
  const server = await CodeServer.start({
    vsix: ensureVsix(),
    workspaceSource: WORKSPACE,
    settings: { 'workbench.colorTheme': theme, 'editor.fontSize': 14, 'breadcrumbs.enabled': false },
  });
  let browser: Browser | undefined;
  const written: string[] = [];
  try {
    browser = await launchChromium();
    const wb = await Workbench.open(browser, server, undefined, { viewport });
    const { page } = wb;
    const shoot = async (name: string, clip: Box): Promise<void> => {
      const path = join(dir, `${name}${suffix}.png`);
      await page.screenshot({ path, clip });
      written.push(`${path} (${clip.width}×${clip.height}, ${Math.round(statSync(path).size / 1024)} KB)`);
    };
    await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });

    // The base policy: its peer matches nothing in two of the three overlays, and says which.
    await wb.openFile('policy.yaml');
    await wb.waitForSquiggle('warning', 13, 90_000);
    // The first hover of a fresh window can be swallowed while the editor settles: try twice.
    const squiggled = await wb
      .hover('- podSelector:', /kustomize build overlays\/dev/, { part: 'podSelector' })
      .catch(() => wb.hover('- podSelector:', /kustomize build overlays\/dev/, { part: 'podSelector' }, 30_000));
    if (!/overlays\/staging/.test(squiggled)) throw new Error(`the message does not name overlays/staging: ${squiggled}`);
    const problem = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'overlays/dev' }).first();
    await shoot('kustomize-finding', around([await box(problem), await wb.textRect('- podSelector:'), await wb.textRect('apiVersion: networking.k8s.io/v1')], 8, viewport));
    await page.mouse.move(viewport.width - 5, viewport.height - 5);
    await problem.waitFor({ state: 'hidden' });

    // The base Deployment: one hover, an answer per overlay.
    await wb.openFile('deployment.yaml');
    const text = await wb.hover('name: web', /In overlays\/dev/, { part: 'web' });
    if (!/overlays\/prod/.test(text)) throw new Error(`the hover does not answer for overlays/prod: ${text}`);
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'overlays/dev' }).first();
    await shoot('kustomize-hover', around([await box(hover), await wb.textRect('name: web')], 6, viewport));
  } catch (e) {
    mkdirSync(join(OUTPUT_DIR, 'screenshots'), { recursive: true });
    server.saveLogs(join(OUTPUT_DIR, 'screenshots', `logs${suffix}`));
    throw e;
  } finally {
    await browser?.close();
    await server.stop();
  }
  return written;
}

async function main(): Promise<void> {
  const images = join(REPO, 'docs', 'images');
  const dark = join(OUTPUT_DIR, 'screenshots');
  mkdirSync(images, { recursive: true });
  mkdirSync(dark, { recursive: true });
  const written = [...(await shootTheme('Default Light Modern', images, '')), ...(await shootTheme('Default Dark Modern', dark, '-dark'))];
  for (const w of written) console.log(`wrote ${w}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
