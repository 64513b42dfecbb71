/**
 * Every request handler runs through here: a thrown error is logged and answered with a
 * fallback, and a cancelled request stops early. One bug never takes the server down.
 */
import { ResponseError, LSPErrorCodes, type CancellationToken } from 'vscode-languageserver';
import { StaleTextError } from '../model/fileText';

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export async function runSafe<T>(
  log: Logger,
  name: string,
  token: CancellationToken | undefined,
  fallback: T,
  work: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    const result = await work();
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return result;
  } catch (error) {
    // A file changed on disk since it was indexed: it is being read again (`model/fileText.ts`).
    if (error instanceof StaleTextError) log.info(`${name}: ${error.message}; reading it again`);
    else log.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
