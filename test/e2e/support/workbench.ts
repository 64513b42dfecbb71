/**
 * What a user does and sees in the code-server workbench, as Playwright steps on the DOM: open a
 * file with Quick Open, read which lines carry squiggles, hover a piece of text, open the quick-fix
 * menu, read the Problems panel. Every wait is on a DOM state with a timeout.
 */
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import type { CodeServer } from './codeServer';

export type Squiggle = 'error' | 'warning' | 'info' | 'hint';

const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';

export interface TextPosition {
  /** Which occurrence of the needle among the rendered lines (0 = first). */
  readonly nth?: number;
  /** A substring of the needle to point at instead of the whole needle. */
  readonly part?: string;
}

export class Workbench {
  readonly consoleErrors: string[] = [];

  private constructor(
    readonly page: Page,
    readonly server: CodeServer,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
  }

  /** Opens the workspace folder; `payload` entries are passed to the workbench as VS Code's own browser tests do. */
  static async open(browser: Browser, server: CodeServer, payload?: [string, string][], options: { viewport?: { width: number; height: number } } = {}): Promise<Workbench> {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 1000 } });
    const wb = new Workbench(page, server);
    await page.addInitScript({ path: join(__dirname, 'pageHelpers.js') });
    let url = `${server.origin}/?folder=${encodeURIComponent(server.workspace)}`;
    if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    return wb;
  }

  get editor(): Locator {
    return this.page.locator(EDITOR).first();
  }

  /** Quick Open (Ctrl+P), type the name, Enter; waits until the file's tab is the active one. */
  async openFile(name: string): Promise<void> {
    const { page } = this;
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
    const input = page.locator('.quick-input-widget input');
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(name);
    // Wait for the *focused* row: right after typing, the list still shows the editor history,
    // whose first row (the active editor) Enter would pick.
    await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible', timeout: 20_000 });
    await this.editor.locator('.view-lines .view-line').first().waitFor({ state: 'visible' });
  }

  /** Line numbers (1-based) of the rendered squiggles of one severity in the active editor. */
  async squiggleLines(severity: Squiggle): Promise<number[]> {
    return this.page.evaluate((q) => (globalThis as unknown as HelperWindow).__netpolE2e.squiggleLines(q), { selector: EDITOR, severity });
  }

  async waitForSquiggle(severity: Squiggle, line: number, timeoutMs = 30_000): Promise<void> {
    await this.page
      .waitForFunction((q) => (globalThis as unknown as HelperWindow).__netpolE2e.squiggleLines(q).includes(q.line), { selector: EDITOR, severity, line }, { timeout: timeoutMs })
      .catch(async (e: unknown) => this.squiggleTimeout(e, `an ${severity} squiggle on line ${line}`, severity));
  }

  async waitForNoSquiggle(severity: Squiggle, line: number, timeoutMs = 30_000): Promise<void> {
    await this.page
      .waitForFunction((q) => !(globalThis as unknown as HelperWindow).__netpolE2e.squiggleLines(q).includes(q.line), { selector: EDITOR, severity, line }, { timeout: timeoutMs })
      .catch(async (e: unknown) => this.squiggleTimeout(e, `the ${severity} squiggle on line ${line} to go`, severity));
  }

  /** Rethrows a squiggle wait's timeout with what the editor shows instead. */
  private async squiggleTimeout(e: unknown, what: string, severity: Squiggle): Promise<never> {
    const tab = await this.page.locator('.tab.active').getAttribute('data-resource-name').catch(() => null);
    const lines = await this.squiggleLines(severity).catch(() => []);
    const cause = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new Error(`waited in vain for ${what} of ${tab ?? 'the active editor'}; its ${severity} squiggles are on lines [${[...new Set(lines)].sort((a, b) => a - b).join(', ')}] (${cause})`);
  }

  /** Screen rectangle of a piece of text in the active editor's rendered lines. */
  async textRect(needle: string, at: TextPosition = {}): Promise<Rect> {
    const rect = await this.page.evaluate((q) => (globalThis as unknown as HelperWindow).__netpolE2e.textRect(q), { selector: EDITOR, needle, nth: at.nth ?? 0, part: at.part ?? needle });
    if (!rect) throw new Error(`"${needle}" is not among the rendered lines of the active editor`);
    return rect;
  }

  /** Moves the mouse onto the text and waits for a hover that contains `expected`; returns its text. */
  async hover(needle: string, expected: string | RegExp, at: TextPosition = {}, timeoutMs = 15_000): Promise<string> {
    const r = await this.textRect(needle, at);
    // Leave first, so the move below is a fresh hover even if the mouse already was there.
    await this.page.mouse.move(r.x + r.width / 2, Math.max(0, r.y - 200));
    await this.page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 5 });
    const hover = this.page.locator('.monaco-hover').filter({ hasText: expected }).first();
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
    return hover.innerText();
  }

  /** Puts the cursor inside the text (a click, as a user would). */
  async clickText(needle: string, at: TextPosition = {}, timeoutMs = 10_000): Promise<void> {
    // Lines can move between measuring and clicking (a CodeLens arriving above them), so click
    // until the editor's cursor is drawn inside the text.
    const cursor = this.editor.locator('.cursors-layer .cursor').first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.textRect(needle, at);
      await this.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
      const c = await cursor.boundingBox();
      const now = await this.textRect(needle, at);
      if (c && c.x >= now.x - 1 && c.x <= now.x + now.width + 1 && c.y + c.height / 2 >= now.y && c.y + c.height / 2 <= now.y + now.height) return;
      if (Date.now() > deadline) throw new Error(`could not put the cursor inside "${at.part ?? needle}" of "${needle}"`);
      // Re-measure after the next frames have been laid out.
      await this.page.evaluate(() => {
        const w = globalThis as unknown as { requestAnimationFrame(cb: () => void): void };
        const raf = (cb: () => void): void => w.requestAnimationFrame(cb);
        return new Promise<void>((resolve) => raf(() => raf(resolve)));
      });
    }
  }

  /**
   * Ctrl+. and waits for the quick-fix menu to list `title`; returns the menu row. A menu opened
   * while the diagnostics of the document's new version were still on their way lists only what
   * the old ones offered: it is closed and opened again, as a user would, until the deadline.
   */
  async openQuickFixMenu(title: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
    const row = this.page.locator('.action-widget .monaco-list-row').filter({ hasText: title }).first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press('Control+.');
      const wait = Math.min(3_000, Math.max(0, deadline - Date.now()));
      try {
        await row.waitFor({ state: 'visible', timeout: wait });
        return row;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Ctrl+. and picks `title` from the quick-fix menu with the keyboard, as a user does (a mouse
   * click on the menu lands on the context view's pointer block). Waits for the menu to close.
   */
  async applyQuickFix(title: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const row = await this.openQuickFixMenu(title, timeoutMs);
    const rows = this.page.locator('.action-widget .monaco-list-row');
    const count = await rows.count();
    for (let i = 0; i <= count; i++) {
      if (await row.evaluate((el) => el.classList.contains('focused'))) break;
      if (i === count) throw new Error(`could not move the quick-fix menu's focus to ${String(title)}`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  /** Ctrl+S, then waits until the active tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 15_000 });
  }

  /** Ctrl+G to a line, End: the cursor at the end of that line. */
  async goToLineEnd(line: number): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await this.page.keyboard.press('Control+G');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await this.page.keyboard.press('End');
  }

  /** Shows the Problems panel and waits for a marker row containing every given text. */
  async waitForProblem(texts: readonly string[], timeoutMs = 30_000): Promise<string> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    let row = panel.locator('.monaco-list-row');
    for (const t of texts) row = row.filter({ hasText: t });
    await row.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return row.first().innerText();
  }

  /** F1, the command's title as the palette shows it ("Category: Title"), Enter. */
  async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  /** The CodeLens of the active editor whose title contains `text`. */
  codeLens(text: string | RegExp): Locator {
    return this.editor.locator('.codelens-decoration a').filter({ hasText: text });
  }

  /** Selects the word before the cursor at the end of `line` and types `text` over it. */
  async replaceLastWord(line: number, text: string): Promise<void> {
    await this.goToLineEnd(line);
    await this.page.keyboard.press('Control+Shift+ArrowLeft');
    await this.page.keyboard.type(text);
  }

  /** The page inside the active webview panel (the workbench nests it in two iframes). */
  webview(): FrameLocator {
    return this.page.locator('iframe.webview.ready').last().contentFrame().locator('iframe#active-frame').contentFrame();
  }

  /** The status bar entry of an extension (`publisher.name.itemId`). */
  statusBarItem(id: string): Locator {
    return this.page.locator(`[id="${id}"]`);
  }
}

interface SquiggleQuery {
  readonly selector: string;
  readonly severity: Squiggle;
}

interface TextQuery {
  readonly selector: string;
  readonly needle: string;
  readonly nth: number;
  readonly part: string;
}

type Rect = { x: number; y: number; width: number; height: number };

/** What pageHelpers.js installs on the page's window (the callbacks above run in the page). */
interface HelperWindow {
  readonly __netpolE2e: {
    squiggleLines(q: SquiggleQuery): number[];
    textRect(q: TextQuery): Rect | undefined;
  };
}
