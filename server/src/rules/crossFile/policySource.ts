/**
 * Where the parts of an analysed policy are written: the YAML nodes a cross-file finding points
 * at, found from the engine's indexes (rule and peer numbers are the YAML list positions).
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { Direction, RuleRef } from '../../engine/types';
import { at, getMap, getPair, getSeq, isMap, scalarString, type YMap, type YNode, type YPair } from '../../model/yamlTree';
import type { RelatedData } from '../types';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function specOf(policy: PolicyInfo): YMap | undefined {
  return getMap(policy.source.node, 'spec');
}

/** A key with its value. */
export function pairSpan(pair: YPair): Span {
  return { start: pair.key.start, end: Math.max(pair.key.end, pair.value?.end ?? pair.key.end) };
}

/**
 * A key with its value when the value is written on the key's line (`podSelector: {}`), else the
 * key alone: a range over several lines is drawn from column 0 on the lines after the first, under
 * the indentation.
 */
export function keyLineSpan(pair: YPair): Span {
  const value = pair.value;
  const block = value !== undefined && (value.type === 'map' || value.type === 'seq') && !value.flow;
  return block ? { start: pair.key.start, end: pair.key.end } : pairSpan(pair);
}

export function peersKey(direction: Direction): 'from' | 'to' {
  return direction === 'ingress' ? 'from' : 'to';
}

export function ruleMap(policy: PolicyInfo, direction: Direction, ruleIndex: number): YMap | undefined {
  const node = at(specOf(policy), [direction, ruleIndex]);
  return isMap(node) ? node : undefined;
}

export function peerMap(policy: PolicyInfo, direction: Direction, ruleIndex: number, peerIndex: number): YMap | undefined {
  const node = at(ruleMap(policy, direction, ruleIndex), [peersKey(direction), peerIndex]);
  return isMap(node) ? node : undefined;
}

/** The `Ingress`/`Egress` entry of policyTypes, else the direction's key, else `podSelector`. */
export function directionSpan(policy: PolicyInfo, direction: Direction): Span {
  const spec = specOf(policy);
  const wanted = direction === 'ingress' ? 'Ingress' : 'Egress';
  const entry = getSeq(spec, 'policyTypes')?.items.find((n) => scalarString(n) === wanted);
  if (entry) return entry;
  const key = getPair(spec, direction) ?? getPair(spec, 'podSelector');
  if (key) return key.key;
  return policy.source.kindNode ?? policy.source;
}

/** The first line of a rule: its first key, or the rule itself when it has none. */
export function ruleSpan(node: YNode): Span {
  if (isMap(node)) {
    const first = node.pairs[0];
    if (first) return first.key;
  }
  return node;
}

/** A rule's readable name: `allow-dns: egress[0]`. */
export function ruleLabel(analysis: WorkspaceAnalysis, ref: RuleRef): string {
  const policy = analysis.policyById(ref.policy);
  return `policy ${policy?.policy.name ?? ref.policy} (${ref.direction}[${ref.ruleIndex}])`;
}

/** Related information pointing at a rule (or its peer). */
export function relatedRule(analysis: WorkspaceAnalysis, ref: RuleRef, message: string): RelatedData | undefined {
  const policy = analysis.policyById(ref.policy);
  const node = analysis.ruleNode(ref) ?? analysis.ruleNode({ ...ref, peerIndex: undefined });
  if (!policy || !node) return undefined;
  const span = ref.peerIndex === undefined ? ruleSpan(node) : node;
  return { uri: policy.source.uri, start: span.start, end: span.end, message };
}
