/**
 * Entry point of `dist/server.js`. `createConnection` picks the transport from argv:
 * `--stdio` (Neovim, Helix, Emacs), `--node-ipc` (VS Code), or `--socket=<port>`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { limitHeapGrowth } from './heapGrowth';
import { startServer } from './startServer';

limitHeapGrowth();
startServer(createConnection(ProposedFeatures.all));
