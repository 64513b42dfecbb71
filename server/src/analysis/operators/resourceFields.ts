/** Reading the fields of a custom resource that operators turn into pod labels and ports. */
import type { Labels, NamedPort, Protocol } from '../../engine/types';
import { at, getScalar, isMap, isSeq, scalarString, toStringMap, type YNode } from '../../model/yamlTree';
import { namedPortsOf } from '../readWorkload';

export function stringAt(node: YNode | undefined, path: readonly (string | number)[]): string | undefined {
  return scalarString(at(node, path));
}

export function labelsAt(node: YNode | undefined, path: readonly (string | number)[]): Record<string, string> {
  return toStringMap(at(node, path));
}

/** A whole number as written (`3`, `"3"`), or undefined. */
export function integerAt(node: YNode | undefined, path: readonly (string | number)[]): number | undefined {
  const text = stringAt(node, path);
  const n = text === undefined ? NaN : Number(text);
  return Number.isInteger(n) ? n : undefined;
}

export function isTrue(node: YNode | undefined, key: string): boolean {
  return getScalar(node, key)?.value === true;
}

/** Whether `path` holds a map (a section of the spec that is switched on by being there). */
export function hasMap(node: YNode | undefined, path: readonly (string | number)[]): boolean {
  return isMap(at(node, path));
}

export function stringListAt(node: YNode | undefined, path: readonly (string | number)[]): string[] | undefined {
  const seq = at(node, path);
  if (!isSeq(seq)) return undefined;
  return seq.items.flatMap((item) => scalarString(item) ?? []);
}

/** Named container ports of the containers listed in a pod spec at `path` (user-added containers). */
export function containerPortsAt(node: YNode | undefined, path: readonly (string | number)[]): NamedPort[] {
  return namedPortsOf(at(node, path));
}

export function port(name: string, number: number, protocol: Protocol = 'TCP'): NamedPort {
  return { name, port: number, protocol };
}

/** `v2.45.0` → `2.45.0`: the form operators write version labels in, when the version is a semver. */
export function semverOf(version: string | undefined): string | undefined {
  const m = version === undefined ? null : /^v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/.exec(version);
  return m?.[1];
}

/** Later maps win, as Go's `maps.Copy` and Java's `putAll` in order. */
export function merged(...maps: readonly Labels[]): Record<string, string> {
  return Object.assign({}, ...maps) as Record<string, string>;
}
