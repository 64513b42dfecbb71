/**
 * Cross-file rules compute their findings for the whole workspace in one pass, once per
 * analysis (one per manifest version and settings), and answer each file from that result:
 * every file is re-checked after every change, so per-file work must be a lookup.
 *
 * Results are handed from one analysis to the next (`WorkspaceAnalysis.carried`): a file whose
 * findings did not change gets the very same array again, so the service and the publisher can
 * tell unchanged files by identity. A per-policy rule (`policyRule`) also re-checks only the
 * policies an edit can have affected (see policyInputs.ts) and keeps the others' findings; the
 * other cross-file rules are judged per item (itemRule.ts) or keep their own state.
 */
import type { RuleId } from '../../../../shared/src/ruleCatalogue';
import type { PolicyInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import type { YMap } from '../../model/yamlTree';
import type { Finding, Rule } from '../types';
import { moveFindings } from './movedPolicies';
import { OverlayMap } from '../../collections/overlayMap';
import { changedPolicies, policyInputs, type PolicyChanges, type PolicyInputs } from './policyInputs';

export interface LocatedFinding {
  readonly uri: string;
  readonly finding: Finding;
}

const NONE: readonly Finding[] = Object.freeze([]);

export type ByUri = ReadonlyMap<string, readonly Finding[]>;
type Lookup = Pick<ByUri, 'get'>;

interface PolicyRuleState {
  /**
   * What the policies were checked against: read by the next analysis only (to tell which
   * policies an edit concerns), so a first check of every policy leaves it to be made when first
   * asked (the CLI never asks; the server asks once the diagnostics are out, `prepareForEdits`).
   */
  readonly inputs: () => PolicyInputs;
  /** Findings per policy (by YAML node), in that policy's file. */
  readonly perPolicy: OverlayMap<YMap, readonly Finding[]>;
  readonly byUri: OverlayMap<string, readonly Finding[]>;
}

/**
 * A rule whose findings are about one policy at a time and land in that policy's file, reading
 * no more than policyInputs.ts lists. `prepare` builds what the checks of one analysis share
 * (built only when some policy needs checking).
 */
export function policyRule<S>(id: RuleId, prepare: (analysis: WorkspaceAnalysis) => S, check: (policy: PolicyInfo, shared: S, analysis: WorkspaceAnalysis) => Finding[]): Rule {
  const key = `rule:${id}`;
  const state = (analysis: WorkspaceAnalysis): PolicyRuleState =>
    analysis.carried<PolicyRuleState>(key, (a, previous, changed) => {
      let shared: { value: S } | undefined;
      const checkOne = (policy: PolicyInfo): readonly Finding[] => {
        shared ??= { value: prepare(a) };
        const found = check(policy, shared.value, a);
        return found.length > 0 ? found : NONE;
      };
      const changes = previous ? changedPolicies(a, previous.inputs()) : 'all';
      if (previous && changes !== 'all') {
        const next = update(a, previous, changes, checkOne);
        changed(next.changedUris);
        return next.state;
      }
      const next = checkAll(a, checkOne, previous);
      changed(previous ? differingUris(previous.byUri.toMap(), next.byUri.toMap()) : 'all');
      return next;
    });
  return {
    id,
    scope: 'workspace',
    check: ({ file, analysis }) => shared(state(analysis).byUri, file.uri),
    prepare: (analysis) => void state(analysis),
    prepareForEdits: (analysis) => void state(analysis).inputs(),
  };
}

/** The file's list itself, not a copy (its identity says "unchanged"): callers only read it. */
export function shared(byUri: Lookup, uri: string): Finding[] {
  return (byUri.get(uri) ?? NONE) as Finding[];
}

/** Every policy checked. */
function checkAll(analysis: WorkspaceAnalysis, checkOne: (policy: PolicyInfo) => readonly Finding[], previous: PolicyRuleState | undefined): PolicyRuleState {
  const perPolicy = new Map<YMap, readonly Finding[]>();
  const byUri = new Map<string, Finding[]>();
  for (const policy of analysis.policies()) {
    const findings = checkOne(policy);
    if (policy.source.node) perPolicy.set(policy.source.node, findings);
    if (findings.length === 0) continue;
    const list = byUri.get(policy.source.uri);
    if (list) list.push(...findings);
    else byUri.set(policy.source.uri, [...findings]);
  }
  return { inputs: later(() => policyInputs(analysis)), perPolicy: OverlayMap.of(perPolicy), byUri: OverlayMap.of(keepUnchanged(byUri, previous?.byUri, (x, y) => x === y)) };
}

/**
 * A function returning `value`, made outside the caller's scope: a closure made inside `update`
 * would share its context with the closures there that read `previous`, and so keep every earlier
 * state alive, one per edit.
 */
function constant<T>(value: T): () => T {
  return () => value;
}

/** `make`'s value, made on the first call (then `make` is let go). */
function later<T>(make: () => T): () => T {
  let pending: (() => T) | undefined = make;
  let value: T | undefined;
  return () => {
    if (pending) {
      value = pending();
      pending = undefined;
    }
    return value as T;
  };
}

/**
 * The previous state with the files of changed (or removed) policies redone, re-checking only the
 * changed policies; also the files whose findings differ.
 */
function update(
  analysis: WorkspaceAnalysis,
  previous: PolicyRuleState,
  changes: PolicyChanges,
  checkOne: (policy: PolicyInfo) => readonly Finding[],
): { state: PolicyRuleState; changedUris: Set<string> } {
  const inputs = policyInputs(analysis);
  const perPolicy = new Map<YMap, readonly Finding[] | undefined>();
  const byUri = new Map<string, readonly Finding[] | undefined>();
  const uris = new Set<string>();
  for (const r of changes.removed) {
    perPolicy.set(r.node, undefined);
    uris.add(r.uri);
  }
  for (const node of [...changes.recheck, ...changes.moved.keys()]) {
    const uri = inputs.policies.get(node)?.uri;
    if (uri !== undefined) uris.add(uri);
  }
  // A policy the edits only moved (or whose findings point into a file they moved) keeps its findings, moved with the text.
  const kept = (node: YMap, before: readonly Finding[] | undefined): readonly Finding[] | undefined => {
    const was = changes.moved.get(node);
    if (was === undefined) return before;
    const findings = previous.perPolicy.get(was);
    return findings && moveFindings(findings, inputs.policies.get(node)?.uri ?? '', changes.moves);
  };
  for (const uri of uris) {
    const list: Finding[] = [];
    for (const policy of analysis.policiesOfFile(uri)) {
      const node = policy.source.node;
      const before = node ? previous.perPolicy.get(node) : undefined;
      const findings = (node && !changes.recheck.has(node) ? kept(node, before) : undefined) ?? checkOne(policy);
      if (node && findings !== before) perPolicy.set(node, findings);
      list.push(...findings);
    }
    const old = previous.byUri.get(uri);
    if (list.length === 0) {
      if (old) byUri.set(uri, undefined);
    } else if (!(old && old.length === list.length && old.every((f, i) => f === list[i]))) byUri.set(uri, list);
  }
  return { state: { inputs: constant(inputs), perPolicy: previous.perPolicy.with(perPolicy), byUri: previous.byUri.with(byUri) }, changedUris: new Set(byUri.keys()) };
}

export function groupByUri(findings: readonly LocatedFinding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const { uri, finding } of findings) {
    const list = out.get(uri);
    if (list) list.push(finding);
    else out.set(uri, [finding]);
  }
  return out;
}

/** Each file's list, replaced by the previous analysis's when equal (so unchanged files keep the same array). */
export function keepUnchanged(next: Map<string, Finding[]>, previous: Lookup | undefined, same: (a: Finding, b: Finding) => boolean): ByUri {
  if (!previous) return next;
  const out = new Map<string, readonly Finding[]>();
  for (const [uri, list] of next) {
    const old = previous.get(uri);
    out.set(uri, old && old.length === list.length && old.every((f, i) => same(f, list[i] as Finding)) ? old : list);
  }
  return out;
}

/** Files whose list is not the very same array in both (lists are kept when equal, see keepUnchanged). */
export function differingUris(before: ByUri, after: ByUri): Set<string> {
  const out = new Set<string>();
  for (const [uri, list] of after) if (before.get(uri) !== list) out.add(uri);
  for (const uri of before.keys()) if (!after.has(uri)) out.add(uri);
  return out;
}

export function sameFinding(a: Finding, b: Finding): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
