/**
 * The VSIX under test: `dist-vsix/netpol-lens-<version>.vsix`, packaged again with
 * `npm run package` unless it is newer than every source and manifest file that goes into it
 * (NETPOL_E2E_REPACKAGE=1 forces it), or the VSIX that NETPOL_E2E_VSIX names.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './paths';

const INPUTS = ['client/src', 'server/src', 'shared/src', 'syntaxes', 'package.json', 'MARKETPLACE.md', 'docs/images', 'esbuild.mjs', '.vscodeignore'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

export function vsixPath(): string {
  const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
  return join(REPO, 'dist-vsix', `netpol-lens-${version}.vsix`);
}

/**
 * Returns the path of a VSIX built from the current sources, packaging it if needed; or the VSIX
 * named by NETPOL_E2E_VSIX (a release candidate, or a deliberately broken build).
 */
export function ensureVsix(log: (line: string) => void = console.log): string {
  const given = process.env.NETPOL_E2E_VSIX;
  if (given) {
    if (!existsSync(given)) throw new Error(`NETPOL_E2E_VSIX=${given} does not exist`);
    log(`using ${given} (NETPOL_E2E_VSIX)`);
    return given;
  }
  const vsix = vsixPath();
  const sources = Math.max(...INPUTS.map((p) => newestMtime(join(REPO, p))));
  if (existsSync(vsix) && statSync(vsix).mtimeMs > sources && process.env.NETPOL_E2E_REPACKAGE !== '1') {
    log(`using ${vsix} (newer than its sources)`);
    return vsix;
  }
  log('packaging the VSIX (npm run package)');
  const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return vsix;
}
