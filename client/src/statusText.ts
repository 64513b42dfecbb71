/**
 * What the status bar item says, from the client's state and the server's last
 * `netpolLens/status` notification. Pure, so the wording is tested without VS Code.
 */
import type { StatusParams } from '../../shared/src/protocol';

export type ServerState = 'starting' | 'running' | 'stopped';

/** What a click on the item does. */
export type StatusAction = 'showProblems' | 'showOutput' | 'restartServer';

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly action: StatusAction;
  /** Drawn with the error background (the server is not running). */
  readonly alarming: boolean;
}

const NAME = 'Netpol Lens';

export function describeStatus(state: ServerState, status: StatusParams | undefined): StatusView {
  if (state === 'stopped') {
    return {
      text: `$(error) ${NAME}: stopped`,
      tooltip: `The ${NAME} server is not running. Click to restart it.`,
      action: 'restartServer',
      alarming: true,
    };
  }
  if (state === 'starting' || status === undefined) {
    return { text: `$(sync~spin) ${NAME}: starting`, tooltip: `The ${NAME} server is starting.`, action: 'showOutput', alarming: false };
  }
  const found = findingsSummary(status);
  if (status.state === 'indexing') {
    return {
      // Before the file scan has counted anything, n/N would read "0/0".
      text: `$(sync~spin) ${NAME}: indexing${status.total > 0 ? ` ${status.indexed}/${status.total}` : ''}`,
      tooltip: `Indexing Kubernetes manifests: ${status.indexed} of ${plural(status.total, 'file')}. ${found} so far.`,
      action: 'showProblems',
      alarming: false,
    };
  }
  if (status.errors === 0 && status.warnings === 0) {
    return {
      text: `$(check) ${NAME}`,
      tooltip: `${NAME}: no errors or warnings in ${plural(status.total, 'indexed file')}${status.others > 0 ? ` (${plural(status.others, 'other finding')})` : ''}.`,
      action: 'showProblems',
      alarming: false,
    };
  }
  return {
    text: `$(shield) ${NAME}: ${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}`,
    tooltip: `${NAME}: ${found} in ${plural(status.total, 'indexed file')}. Click to open the Problems panel.`,
    action: 'showProblems',
    alarming: false,
  };
}

function findingsSummary(s: StatusParams): string {
  const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
  if (s.others > 0) parts.push(plural(s.others, 'other finding'));
  return parts.join(', ');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
