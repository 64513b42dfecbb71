/**
 * Builds what the extension-host tests load: the extension's own bundles (`node esbuild.mjs`,
 * so `dist/client.js` and `dist/server.js` are the current sources) and the test module
 * `dist-test/extensionHost/index.js` (CommonJS for the Node extension host; `vscode` is the
 * host's, `mocha` is required from the repository's node_modules). dist-test/ stays out of the
 * VSIX: .vscodeignore ships only the files it lists.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO } from '../support/paths';

export const TESTS_BUNDLE_DIR = join(REPO, 'dist-test', 'extensionHost');
/** What `extensionTestsPath` names: the module without its `.js`. */
export const TESTS_MODULE = join(TESTS_BUNDLE_DIR, 'index');

export async function buildForExtensionHost(log: (line: string) => void = console.log): Promise<void> {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  await esbuild.build({
    entryPoints: { index: join(REPO, 'test', 'e2e', 'extensionHost', 'index.ts') },
    outdir: TESTS_BUNDLE_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  log(`built dist/ and ${TESTS_MODULE}.js in ${Date.now() - t0} ms`);
}
