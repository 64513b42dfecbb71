// `npm test`: build the bundles (LSP and CLI tests run the real dist/ files), then run every
// test file under test/unit, test/conformance, test/lsp and test/cli with node's test runner.
// Real-editor suites (code-server, Neovim) run with `npm run test:e2e`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const suites = ['test/unit', 'test/conformance', 'test/lsp', 'test/cli'];
const only = process.argv.slice(2);

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.test.ts') ? [p] : [];
  });
}

const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: ['ignore', 'inherit', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = (only.length > 0 ? only : suites).flatMap((s) => (s.endsWith('.ts') ? [s] : walk(s))).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const reporter = process.env.CI ? ['--test-reporter=spec'] : ['--test-reporter=spec'];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...reporter, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
