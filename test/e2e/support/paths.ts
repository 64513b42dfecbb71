/** Where the real-editor tests find the repository, code-server, the fixture and their output. */
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..', '..');
export const CODE_SERVER_DIR = join(REPO, '.vscode-test', 'code-server');
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const FIXTURE_WORKSPACE = join(REPO, 'test', 'e2e', 'workspace');
export const OUTPUT_DIR = join(REPO, 'test-output');
export const CHROMIUM = process.env.NETPOL_E2E_CHROMIUM ?? '/usr/bin/chromium';
