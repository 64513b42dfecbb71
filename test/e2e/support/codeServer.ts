/**
 * One code-server for one test run: its own config file, user-data, extensions and XDG folders
 * under a fresh temporary root, a copy of the fixture workspace (tests edit and save files), the
 * VSIX installed with `--install-extension`, and the server on 127.0.0.1 at a free port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_BIN, FIXTURE_WORKSPACE } from './paths';
import { pollUntil } from './pollUntil';
import { isAlive, stopProcessTree } from './processTree';

export interface CodeServerOptions {
  /** The VSIX to install; omitted when the extension is loaded from source (extension-host tests). */
  readonly vsix?: string;
  /** Extra user settings on top of the quiet defaults below. */
  readonly settings?: Record<string, unknown>;
  /** Folder copied as the workspace; the fixture workspace by default. */
  readonly workspaceSource?: string;
  /** Runs on the copied workspace before code-server starts (e.g. to make it a git repository). */
  readonly prepareWorkspace?: (workspace: string) => void;
  readonly log?: (line: string) => void;
}

/** Nothing that pops up over the editor, phones home, or updates itself during a test. */
const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? findFiles(p, name) : n === name ? [p] : [];
  });
}

export class CodeServer {
  private constructor(
    readonly root: string,
    readonly port: number,
    readonly workspace: string,
    readonly userDataDir: string,
    private readonly proc: ChildProcess,
    readonly outputLog: string,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A file or folder of this machine as the workbench addresses it (authority = the browser's host). */
  remoteUri(absPath: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${absPath}`;
  }

  static async start(options: CodeServerOptions = {}): Promise<CodeServer> {
    if (!existsSync(CODE_SERVER_BIN)) throw new Error(`code-server is not installed at ${CODE_SERVER_BIN}: run bash test/e2e/setup.sh`);
    const log = options.log ?? ((l: string) => console.log(l));
    const root = mkdtempSync(join(tmpdir(), 'netpol-e2e-'));
    const userDataDir = join(root, 'user-data');
    const extensionsDir = join(root, 'extensions');
    const workspace = join(root, 'workspace');
    const config = join(root, 'config.yaml');
    const port = await freePort();
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    cpSync(options.workspaceSource ?? FIXTURE_WORKSPACE, workspace, { recursive: true });
    options.prepareWorkspace?.(workspace);
    writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
      XDG_DATA_HOME: join(root, 'xdg', 'data'),
      XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
      XDG_STATE_HOME: join(root, 'xdg', 'state'),
    };
    const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

    if (options.vsix) {
      const t0 = Date.now();
      const r = spawnSync(CODE_SERVER_BIN, [...common, '--install-extension', options.vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`--install-extension failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
      log(`installed ${options.vsix} in ${Date.now() - t0} ms`);
    }

    const outputLog = join(root, 'code-server.log');
    const out = createWriteStream(outputLog);
    const args = [
      ...common,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      workspace,
    ];
    const proc = spawn(CODE_SERVER_BIN, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.pipe(out);
    proc.stderr?.pipe(out);
    const server = new CodeServer(root, port, workspace, userDataDir, proc, outputLog);
    process.once('exit', server.killOnExit);
    const t0 = Date.now();
    try {
      await pollUntil(`code-server on port ${port} to answer /healthz`, async () => {
        if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}: ${readFileSync(outputLog, 'utf8')}`);
        const res = await fetch(`${server.origin}/healthz`);
        return res.ok ? true : undefined;
      }, 60_000, 200);
    } catch (e) {
      await server.stop();
      throw e;
    }
    log(`code-server ${port} up in ${Date.now() - t0} ms (root ${root})`);
    return server;
  }

  /** The remote extension host's log (activation lines, extension errors). */
  extHostLog(): string {
    return findFiles(join(this.userDataDir, 'logs'), 'remoteexthost.log').map((f) => readFileSync(f, 'utf8')).join('\n');
  }

  /** Copies code-server's output and every log of the user-data dir into `dest`. */
  saveLogs(dest: string): void {
    mkdirSync(dest, { recursive: true });
    if (existsSync(this.outputLog)) cpSync(this.outputLog, join(dest, 'code-server.log'));
    const logs = join(this.userDataDir, 'logs');
    if (existsSync(logs)) cpSync(logs, join(dest, 'logs'), { recursive: true });
  }

  /**
   * The safety net when the test process ends without calling stop() (an uncaught error, a
   * process.exit): 'exit' handlers must be synchronous, so SIGKILL to the whole process group.
   */
  private readonly killOnExit = (): void => {
    const pid = this.proc.pid;
    if (pid === undefined || !isAlive(pid)) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };

  async stop(options: { keepRoot?: boolean } = {}): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    const pid = this.proc.pid;
    if (pid !== undefined && isAlive(pid)) await stopProcessTree(pid);
    if (!options.keepRoot) rmSync(this.root, { recursive: true, force: true });
  }
}
