/**
 * Custom LSP messages between the client and the server, defined once for both sides.
 * Plain method names and payload types only: no vscode or vscode-languageserver imports, so
 * other editors' users can read this as the protocol's documentation.
 */

/** Server → client: indexing progress and the count of findings, for the status bar. */
export const STATUS_NOTIFICATION = 'netpolLens/status';

export interface StatusParams {
  readonly state: 'indexing' | 'ready';
  /** Files indexed so far, and how many were found. */
  readonly indexed: number;
  readonly total: number;
  readonly errors: number;
  readonly warnings: number;
  /** Information and hints. */
  readonly others: number;
}

/** Commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  /** Apply every safe fix in a document: arguments `[uri]`. */
  fixAll: 'netpolLens.server.fixAll',
} as const;
