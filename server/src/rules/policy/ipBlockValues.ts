/**
 * The CIDR values of an ipBlock (`cidr` and each `except` entry), parsed, with their nodes and
 * field paths. Shared by the ipblock-* rules so that they agree on what is valid.
 */
import { parseCidr, type Cidr, type CidrParseResult } from '../../engine/cidr';
import { isScalar, type YNode, type YScalar } from '../../model/yamlTree';
import type { IpBlock } from './networkPolicyTree';

export interface CidrValue {
  /** `spec.ingress[0].from[0].ipBlock.except[1]`. */
  readonly path: string;
  readonly node: YNode;
  /** The scalar, when the value is one; undefined for a map, a list or an alias. */
  readonly scalar: YScalar | undefined;
  /** The value as the API server reads the string (`null` and non-scalars: undefined). */
  readonly text: string | undefined;
  readonly result: CidrParseResult | undefined;
  /** Index in `except`; undefined for `cidr`. */
  readonly exceptIndex: number | undefined;
}

function cidrValue(path: string, node: YNode, exceptIndex: number | undefined): CidrValue {
  const scalar = isScalar(node) ? node : undefined;
  const text = scalar && scalar.value !== null ? (typeof scalar.value === 'string' ? scalar.value : scalar.source) : undefined;
  return { path, node, scalar, text, result: text === undefined ? undefined : parseCidr(text), exceptIndex };
}

/** The `cidr` value, when a value node is there. */
export function ipBlockCidr(block: IpBlock): CidrValue | undefined {
  return block.cidr ? cidrValue(`${block.path}.cidr`, block.cidr, undefined) : undefined;
}

/** Each `except` entry. */
export function ipBlockExcepts(block: IpBlock): CidrValue[] {
  return (block.except?.items ?? []).map((node, i) => cidrValue(`${block.path}.except[${i}]`, node, i));
}

/** The parsed CIDR of a value that is valid. */
export function validCidr(value: CidrValue | undefined): Cidr | undefined {
  return value?.result?.ok ? value.result.cidr : undefined;
}
