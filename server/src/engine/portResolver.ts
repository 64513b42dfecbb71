/**
 * A rule's ports toward a destination, memoised: the numeric part is the same for every
 * destination, named ports resolve on the destination workload's container ports (none toward an
 * address). Workloads with the same named ports share one answer per spec, so the matrix and the
 * tier analysis resolve each (spec, kind of destination) once, whatever the number of pairs.
 */
import { PortSetTable, type InternedPortSet } from './portSetTable';
import { resolvePorts, type PortSpec } from './portSpec';
import type { NamedPort, Workload } from './types';

export class PortResolver {
  /** Per workload: the id of its set of named ports (equal sets, equal ids). */
  private readonly namedClass: readonly number[];
  /** The id that stands for an address (no named ports). */
  private readonly addressClass: number;
  private readonly fixed = new Map<PortSpec, InternedPortSet>();
  private readonly perClass = new Map<PortSpec, (InternedPortSet | undefined)[]>();
  private readonly byKey = new Map<string, InternedPortSet>();

  constructor(
    private readonly workloads: readonly Workload[],
    readonly table: PortSetTable = new PortSetTable(),
  ) {
    const ids = new Map<string, number>();
    this.namedClass = workloads.map((w) => {
      const key = namedPortsKey(w.namedPorts);
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
    this.addressClass = ids.size;
  }

  /** The named-port class of a workload: workloads of one class resolve every spec alike. */
  classOf(workload: number): number {
    return this.namedClass[workload] ?? this.addressClass;
  }

  /** Ports of `spec` toward a workload (by index) or an address (undefined). */
  resolve(spec: PortSpec, destination: number | undefined): InternedPortSet {
    if (spec.named.length === 0) {
      let r = this.fixed.get(spec);
      if (!r) this.fixed.set(spec, (r = this.intern(spec, undefined)));
      return r;
    }
    let list = this.perClass.get(spec);
    if (!list) this.perClass.set(spec, (list = []));
    const slot = destination === undefined ? this.addressClass : this.classOf(destination);
    return (list[slot] ??= this.intern(spec, destination === undefined ? undefined : this.workloads[destination]?.namedPorts));
  }

  private intern(spec: PortSpec, namedPorts: readonly NamedPort[] | undefined): InternedPortSet {
    // Specs are compiled per rule: equal specs of different rules share their sets by key.
    const key = `${spec.key}@${namedPorts ? namedPortsKey(namedPorts) : '-'}`;
    let r = this.byKey.get(key);
    if (!r) this.byKey.set(key, (r = this.table.intern(resolvePorts(spec, namedPorts))));
    return r;
  }
}

export function namedPortsKey(ports: readonly NamedPort[]): string {
  return ports
    .map((p) => `${p.protocol}/${p.name}=${p.port}`)
    .sort()
    .join(',');
}
