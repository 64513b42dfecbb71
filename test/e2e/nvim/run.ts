/**
 * `npm run test:nvim`: headless Neovim (Debian's 0.7) as the LSP client of `node dist/server.js
 * --stdio` on a copy of test/e2e/workspace, with the checks in init.lua. Builds dist/ first;
 * XDG_* point into a temporary folder (Neovim writes its LSP log and state there, nothing in the
 * user's home); a deadline kills Neovim and the server if they hang. Exit code: Neovim's
 * (0 when every check passed). On failure the LSP log goes to test-output/nvim/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_WORKSPACE, OUTPUT_DIR, REPO } from '../support/paths';
import { isAlive, stopProcessTree } from '../support/processTree';

const NVIM = process.env.NETPOL_E2E_NVIM ?? 'nvim';
const DEADLINE_MS = Number(process.env.NETPOL_NVIM_TIMEOUT_MS ?? 240_000);
const OUT = join(OUTPUT_DIR, 'nvim');

const log = (line: string): void => console.log(`[test:nvim] ${line}`);

async function main(): Promise<number> {
  const t0 = Date.now();
  const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    log(`FAILED: ${NVIM} not found or not runnable (${version.error?.message ?? version.status}): run bash test/e2e/setup.sh`);
    return 1;
  }
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) {
    log(`FAILED: node esbuild.mjs:\n${build.stdout}\n${build.stderr}`);
    return 1;
  }

  const root = mkdtempSync(join(tmpdir(), 'netpol-nvim-'));
  const workspace = join(root, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  const xdg = (name: string): string => {
    const dir = join(root, 'xdg', name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_STATE_HOME: xdg('state'),
    XDG_CACHE_HOME: xdg('cache'),
    XDG_RUNTIME_DIR: xdg('runtime'),
    NETPOL_SERVER: join(REPO, 'dist', 'server.js'),
    NETPOL_WORKSPACE: workspace,
  };
  const args = ['--headless', '--noplugin', '-n', '-i', 'NONE', '-u', join(REPO, 'test', 'e2e', 'nvim', 'init.lua'), join(workspace, 'legacy-policy.yaml')];
  log(`${version.stdout.split('\n')[0] ?? NVIM} on ${workspace} (deadline ${DEADLINE_MS / 1000} s)`);

  const nvim = spawn(NVIM, args, { cwd: workspace, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  nvim.stdout.on('data', (d: Buffer) => process.stdout.write(d));
  nvim.stderr.on('data', (d: Buffer) => process.stdout.write(d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    log(`deadline of ${DEADLINE_MS} ms passed: stopping Neovim and the server`);
    if (nvim.pid !== undefined) void stopProcessTree(nvim.pid);
  }, DEADLINE_MS);
  const code = await new Promise<number>((resolve) => {
    nvim.once('error', (e) => {
      log(`could not start ${NVIM}: ${e.message}`);
      resolve(1);
    });
    nvim.once('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  clearTimeout(timer);
  // The server is Neovim's child: make sure nothing outlives the run.
  if (nvim.pid !== undefined && isAlive(nvim.pid)) await stopProcessTree(nvim.pid);

  const passed = code === 0 && !timedOut;
  if (!passed) {
    mkdirSync(OUT, { recursive: true });
    for (const candidate of [join(root, 'xdg', 'state', 'nvim', 'lsp.log'), join(root, 'xdg', 'cache', 'nvim', 'lsp.log')]) {
      if (!existsSync(candidate)) continue;
      cpSync(candidate, join(OUT, 'lsp.log'));
      const tail = readFileSync(candidate, 'utf8').split('\n').slice(-20).join('\n');
      log(`LSP log (last lines; all of it in ${join(OUT, 'lsp.log')}):\n${tail}`);
    }
  }
  rmSync(root, { recursive: true, force: true });
  log(`${passed ? 'passed' : `FAILED (exit code ${code}${timedOut ? ', timed out' : ''})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return passed ? 0 : 1;
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
