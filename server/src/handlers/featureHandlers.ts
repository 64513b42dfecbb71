/**
 * Hover, CodeLens and the analysis commands register here (one place, so startServer stays a
 * composition root). Returns the capabilities they add.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../startServer';

export function registerFeatureHandlers(_ctx: ServerContext): Partial<ServerCapabilities> {
  return {};
}
