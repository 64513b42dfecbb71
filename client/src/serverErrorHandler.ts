/**
 * What the client does when the server's connection errors or closes: restart the server while
 * the crash budget lasts, then stop and let the owner tell the user (with a way to restart).
 */
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient/node';
import { type CrashBudget } from './crashBudget';

/** Connection errors tolerated in a row before the connection is shut down (the library's default). */
const MAX_CONSECUTIVE_ERRORS = 3;

export class ServerErrorHandler implements ErrorHandler {
  constructor(
    private readonly budget: CrashBudget,
    /** Called once the budget is spent; the handler has already decided not to restart. */
    private readonly onGiveUp: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A write to a server that just died fails (EPIPE over IPC, without a count): carry on, the
   * close that follows restarts it within the budget. Shutting down here would stop the client
   * for good, with a second message, before `closed` gets a say.
   */
  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    if (count === undefined || count <= MAX_CONSECUTIVE_ERRORS) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown, message: `The connection to the Netpol Lens server keeps failing; the server was stopped. Use "Netpol Lens: Restart server" to start it again.` };
  }

  closed(): CloseHandlerResult {
    if (this.budget.recordCrash(this.now()) === 'restart') {
      return { action: CloseAction.Restart, message: `The Netpol Lens server stopped unexpectedly; restarting it.` };
    }
    const message = crashMessage(this.budget);
    this.onGiveUp(message);
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }
}

function crashMessage(budget: CrashBudget): string {
  const minutes = Math.round(budget.options.windowMs / 60_000);
  return `The Netpol Lens server crashed ${budget.recentCrashes} times in the last ${minutes} minutes and will not be restarted automatically.`;
}
