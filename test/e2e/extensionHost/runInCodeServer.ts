/**
 * `npm run test:exthost`: the extension-host suites inside code-server, the way VS Code's own
 * browser integration tests run. code-server starts on loopback with a copy of the fixture
 * workspace and no extension installed; Chromium opens the workbench with a `payload` naming the
 * repository as `extensionDevelopmentPath` and the compiled suites as `extensionTestsPath`. The
 * remote (Node) extension host loads the extension from source, calls `run()`, and the workbench
 * reports the result through `codeAutomationExit`, which this script exposes to the page.
 *
 * Results are written by the suites to a report file (the extension host inherits code-server's
 * environment, NETPOL_EXTHOST_REPORT included) and printed here. On failure or timeout: the
 * report, a screenshot, the page console and code-server's logs in test-output/exthost/.
 * Exit code 0 only when the workbench reported 0 and the report has its summary line.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { CodeServer } from '../support/codeServer';
import { OUTPUT_DIR, REPO } from '../support/paths';
import { buildForExtensionHost, TESTS_MODULE } from './build';

const OUT = join(OUTPUT_DIR, 'exthost');
/**
 * Deadlines for the run inside the workbench: no new result line for IDLE_MS (a test's mocha
 * timeout is 90 s, its waits 45 s each), or TOTAL_MS overall. A passing run takes 10-40 s; a
 * failing one waits out each failed wait, so the limit follows progress rather than a fixed total.
 */
const IDLE_MS = Number(process.env.NETPOL_EXTHOST_IDLE_MS ?? 150_000);
const TOTAL_MS = Number(process.env.NETPOL_EXTHOST_TIMEOUT_MS ?? 900_000);

const log = (line: string): void => console.log(`[exthost] ${line}`);

async function main(): Promise<number> {
  const t0 = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const report = join(OUT, 'report.txt');
  writeFileSync(report, '');
  process.env.NETPOL_EXTHOST_REPORT = report;

  await buildForExtensionHost(log);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const consoleLines: string[] = [];
  let code: number | 'timeout' | 'error' = 'error';
  const stopAll = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await server?.stop({ keepRoot: false });
    server = undefined;
  };
  const onSignal = (sig: NodeJS.Signals): void => {
    log(`${sig}: stopping code-server and Chromium`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    server = await CodeServer.start({ log });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));

    let exited: (c: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      consoleLines.push(`[automation ${type}] ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    });
    await page.exposeFunction('codeAutomationExit', (c: number) => exited(c));

    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(REPO)],
      ['extensionTestsPath', server.remoteUri(TESTS_MODULE)],
    ];
    const url = `${server.origin}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening the workbench with the test payload (deadline: ${IDLE_MS / 1000} s without a result, ${TOTAL_MS / 1000} s in all)`);
    const tOpen = Date.now();
    await page.goto(url);

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      let size = 0;
      let progressed = Date.now();
      timer = setInterval(() => {
        const now = statSync(report).size;
        if (now !== size) [size, progressed] = [now, Date.now()];
        if (Date.now() - progressed > IDLE_MS || Date.now() - tOpen > TOTAL_MS) resolve('timeout');
      }, 1_000);
    });
    code = await Promise.race([exitCode, deadline]);
    clearInterval(timer);
    log(`workbench reported ${code === 'timeout' ? 'nothing before the deadline' : `exit code ${code}`} after ${Date.now() - tOpen} ms`);
  } catch (e) {
    log(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  const results = existsSync(report) ? readFileSync(report, 'utf8') : '';
  process.stdout.write(results || '(the suites wrote no results: see the logs below)\n');
  const summarised = /^extension-host tests: \d+ passed, 0 failed/m.test(results);
  const passed = code === 0 && summarised;
  if (!passed) {
    await page?.screenshot({ path: join(OUT, 'workbench.png') }).catch(() => undefined);
    writeFileSync(join(OUT, 'page-console.txt'), consoleLines.join('\n'));
    if (server) {
      server.saveLogs(join(OUT, 'logs'));
      const extHost = server.extHostLog();
      const tail = extHost.split('\n').filter((l) => /error|fail|netpol/i.test(l)).slice(-30).join('\n');
      if (tail) log(`extension host log (errors and netpol lines):\n${tail}`);
    }
    log(`FAILED${code === 'timeout' ? ' (deadline passed)' : ''}: report, screenshot, page console and logs in ${OUT}`);
  }
  await stopAll();
  log(`${passed ? 'passed' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return passed ? 0 : 1;
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
