/**
 * How much of the workspace the connectivity matrix shows. The page is a table of n × n cells:
 * beyond a few hundred workloads it no longer renders, so a larger workspace is shown by the
 * namespaces the user picks. Pure, so it is tested without VS Code.
 */
import type { WorkloadsResult } from '../../../shared/src/protocol';

/** Workloads the page shows without asking: 150² cells still render quickly. */
export const MATRIX_MAX_WORKLOADS = 150;

export interface NamespaceChoice {
  readonly label: string;
  /** `12 workloads`. */
  readonly description: string;
}

/** Undefined: show everything; else the namespaces to choose from, with their workload counts. */
export function namespaceChoices(result: WorkloadsResult, max = MATRIX_MAX_WORKLOADS): NamespaceChoice[] | undefined {
  if (result.workloads.length <= max) return undefined;
  const counts = new Map<string, number>();
  for (const w of result.workloads) counts.set(w.namespace, (counts.get(w.namespace) ?? 0) + 1);
  return [...counts.keys()].sort().map((ns) => {
    const n = counts.get(ns) ?? 0;
    return { label: ns, description: `${n} workload${n === 1 ? '' : 's'}` };
  });
}
