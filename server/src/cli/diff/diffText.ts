/**
 * netpol-analyzer's text form of a diff, line for line, so scripts written around
 * `netpol-analyzer diff` / `roxctl netpol connectivity diff` keep working:
 *
 *   diff-type: added, source: a/x[Deployment], destination: b/y[Deployment], dir1: No Connections, dir2: TCP 8080, workloads-diff-info: workload b/y[Deployment] added
 */
import { workloadsDiffInfo, type DiffEntry } from '../../features/diff/connectivityDiff';

export { workloadsDiffInfo };

export interface DiffLabels {
  readonly ref1: string;
  readonly ref2: string;
}

export const DIFF_HEADER = 'Connectivity diff:';

export function diffLine(e: DiffEntry, labels: DiffLabels): string {
  const line = `diff-type: ${e.type}, source: ${e.src.text}, destination: ${e.dst.text}, ${labels.ref1}: ${e.ref1.toString()}, ${labels.ref2}: ${e.ref2.toString()}`;
  const info = workloadsDiffInfo(e);
  return info === '' ? line : `${line}, workloads-diff-info: ${info}`;
}
