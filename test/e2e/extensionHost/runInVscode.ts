/**
 * `npm run test:vscode`: the same compiled extension-host suites in desktop VS Code through
 * @vscode/test-electron, for machines that can download VS Code (it fetches it from
 * update.code.visualstudio.com into .vscode-test/). Where that is unreachable (no network, as on
 * the team's sandbox machines) it stops with a clear message and exit code 1 within ~1 minute
 * rather than hang; run `npm run test:exthost` (the suites inside code-server) there.
 *
 * Environment: VSCODE_EXECUTABLE_PATH uses an installed VS Code instead of downloading one;
 * VSCODE_TEST_VERSION picks the version (default: the newest stable satisfying engines.vscode).
 * On Linux VS Code needs a display: without DISPLAY, run it under `xvfb-run -a npm run test:vscode`.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { FIXTURE_WORKSPACE, REPO } from '../support/paths';
import { descendants } from '../support/processTree';
import { buildForExtensionHost, TESTS_MODULE } from './build';

/** The test run once VS Code is there (its download has its own 15 s request timeouts and retries). */
const RUN_DEADLINE_MS = Number(process.env.NETPOL_VSCODE_TIMEOUT_MS ?? 600_000);
const DOWNLOAD_DEADLINE_MS = 20 * 60_000;

const log = (line: string): void => console.log(`[test:vscode] ${line}`);

function withDeadline<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function killChildren(): void {
  for (const pid of descendants(process.pid).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function main(): Promise<number> {
  const t0 = Date.now();
  await buildForExtensionHost(log);

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    const version = process.env.VSCODE_TEST_VERSION;
    log(`downloading VS Code ${version ?? '(newest stable matching engines.vscode)'} into .vscode-test/ with @vscode/test-electron`);
    try {
      vscodeExecutablePath = await withDeadline(
        'downloading VS Code',
        DOWNLOAD_DEADLINE_MS,
        downloadAndUnzipVSCode({ cachePath: join(REPO, '.vscode-test'), extensionDevelopmentPath: REPO, ...(version ? { version } : {}) }),
      );
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      log(`FAILED: could not download VS Code: ${reason}`);
      log('@vscode/test-electron needs https://update.code.visualstudio.com (no network here?).');
      log('Set VSCODE_EXECUTABLE_PATH to an installed VS Code, or run the same suites in code-server: npm run test:exthost');
      return 1;
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('FAILED: VS Code needs a display and DISPLAY is not set: run `xvfb-run -a npm run test:vscode`');
    return 1;
  }

  const root = mkdtempSync(join(tmpdir(), 'netpol-vscode-'));
  const workspace = join(root, 'workspace');
  const userData = join(root, 'user-data');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'git.enabled': false, 'files.autoSave': 'off' }, null, 2),
  );
  try {
    log(`running the suites in ${vscodeExecutablePath} on ${workspace}`);
    const code = await withDeadline(
      'the extension-host tests in VS Code',
      RUN_DEADLINE_MS,
      runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: REPO,
        extensionTestsPath: TESTS_MODULE,
        launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userData, '--extensions-dir', join(root, 'extensions')],
      }),
    );
    log(`passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return code;
  } catch (e) {
    killChildren();
    log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    console.error(e);
    killChildren();
    process.exit(1);
  },
);
