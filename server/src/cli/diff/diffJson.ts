/**
 * A diff as JSON: the labels of both sides, the views compared, and one object per change with
 * both connection sets, what it opens and closes, the workloads added or removed, and the policy
 * and rule behind it (with file and line).
 */
import { portsJson, type PortsJson } from '../portsJson';
import { changeReasons } from '../../features/diff/diffReasons';
import type { DiffLabels } from './diffText';
import { workloadsDiffInfo } from './diffText';
import type { DiffResult } from '../../features/diff/diffViews';

export interface DiffChangeJson {
  readonly view: string | null;
  readonly type: string;
  readonly src: string;
  readonly dst: string;
  readonly ref1: PortsJson;
  readonly ref2: PortsJson;
  readonly opened: PortsJson;
  readonly closed: PortsJson;
  readonly workloadsDiffInfo: string;
  readonly reasons: readonly { effect: string; text: string; ports: PortsJson; file: string | null; line: number | null }[];
}

export function diffJson(result: DiffResult, labels: DiffLabels, fileName: (uri: string) => string): string {
  const changes: DiffChangeJson[] = result.views.flatMap((v) =>
    v.entries.map((e) => {
      const { opened, closed, reasons } = changeReasons(e, v.analysis1, v.analysis2);
      return {
        view: result.multiView ? v.view.id : null,
        type: e.type,
        src: e.src.text,
        dst: e.dst.text,
        ref1: portsJson(e.ref1),
        ref2: portsJson(e.ref2),
        opened: portsJson(opened),
        closed: portsJson(closed),
        workloadsDiffInfo: workloadsDiffInfo(e),
        reasons: reasons.map((r) => ({
          effect: r.effect,
          text: r.text,
          ports: portsJson(r.ports),
          file: r.source ? fileName(r.source.uri) : null,
          line: r.source?.line ?? null,
        })),
      };
    }),
  );
  const views = result.views.map((v) => ({ id: v.view.id, kind: v.view.kind, name: v.view.name, partial: v.view.partial }));
  return `${JSON.stringify({ ref1: labels.ref1, ref2: labels.ref2, views, changes }, null, 1)}\n`;
}
