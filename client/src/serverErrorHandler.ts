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

/** Connection errors tolerated in a row before the connection is shut down (as the library's default). */
const MAX_CONSECUTIVE_ERRORS = 3;

export class ServerErrorHandler implements ErrorHandler {
  constructor(
    private readonly budget: CrashBudget,
    /** Called once the budget is spent; the handler has already decided not to restart. */
    private readonly onGiveUp: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= MAX_CONSECUTIVE_ERRORS ? ErrorAction.Continue : ErrorAction.Shutdown };
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
