/**
 * Plain-language pieces of the engine's answers, shared by hovers, lenses and explanations:
 * a selector as `app=web, tier in (a,b)`, a port set as `TCP 80, 8080-8090 · UDP 53`, a rule
 * reference as `[ns/name](…) ingress[0].from[1]`, and what one allowed piece matches.
 */
import type { PolicyInfo, WorkloadInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { isEmptySelector } from '../engine/labelSelector';
import type { AllowedPiece } from '../engine/network';
import type { PortSet } from '../engine/portSet';
import { resolvePorts, type PortSpec } from '../engine/portSpec';
import { PROTOCOLS, type Direction, type LabelSelector, type NamedPort, type PolicyPeer, type RuleRef } from '../engine/types';
import { BUILT_IN_NAMESPACES, pinnedNamespaceNames, selectsByNameOnly } from '../rules/crossFile/clusterKnowledge';
import { joinCapped, labelText, shown } from '../text/displayText';
import { capList, code, policyLink, workloadLink } from './markdown';

/** `app=web, tier in (a,b), !legacy`, or `{}` (everything). */
export function selectorText(selector: LabelSelector | undefined): string {
  if (isEmptySelector(selector)) return '{}';
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => labelText(k, v));
  for (const r of selector?.matchExpressions ?? []) {
    const key = shown(r.key);
    const values = `(${joinCapped((r.values ?? []).map((v) => shown(v)), ',', 5)})`;
    switch (r.operator) {
      case 'In':
        parts.push(`${key} in ${values}`);
        break;
      case 'NotIn':
        parts.push(`${key} notin ${values}`);
        break;
      case 'Exists':
        parts.push(key);
        break;
      case 'DoesNotExist':
        parts.push(`!${key}`);
        break;
      default:
        parts.push(`${key} ${shown(r.operator)} ${values} (invalid operator: matches nothing)`);
    }
  }
  return joinCapped(parts, ', ', 6);
}

/** `all ports`, `no port`, or `TCP 80, 8080-8090 · UDP 53`. */
export function portSetText(set: PortSet): string {
  if (set.isAll()) return 'all ports';
  if (set.isEmpty()) return 'no port';
  return PROTOCOLS.filter((p) => set.ranges[p].length > 0)
    .map((p) => {
      const ranges = set.ranges[p];
      const whole = ranges.length === 1 && ranges[0]?.[0] === 1 && ranges[0][1] === 65535;
      return whole ? `all ${p}` : `${p} ${ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ')}`;
    })
    .join(' · ');
}

/** `no connection` for an empty set, else as `portSetText`: a matrix or compare cell. */
export function connectionText(set: PortSet): string {
  return set.isEmpty() ? 'no connection' : portSetText(set);
}

/**
 * The ports of a rule as text. Named ports resolve against the destination pods' container ports
 * (ingress: the selected pod; egress: each peer pod); when they resolve differently per
 * destination, or there is none, they are named as written.
 */
export function portSpecText(spec: PortSpec, destinations: readonly (readonly NamedPort[])[]): string {
  if (spec.all) return 'all ports';
  const named = spec.named.map((n) => (n.protocol ? `${code(n.name)}/${n.protocol}` : code(n.name)));
  if (named.length === 0) return portSetText(spec.numeric);
  const resolved = new Map(destinations.map((d) => resolvePorts(spec, d)).map((set) => [set.key, set]));
  const only = resolved.size === 1 ? [...resolved.values()][0] : undefined;
  if (only) return `${portSetText(only)} (named ${capList(named)})`;
  const numeric = spec.numeric.isEmpty() ? [] : [portSetText(spec.numeric)];
  const why = destinations.length === 0 ? 'no destination pod here' : 'resolved per destination';
  return [...numeric, `named port ${capList(named)} (${why})`].join(' · ');
}

/** The path of a rule or peer as the API names it: `ingress[0].from[1]`. */
export function rulePath(ref: RuleRef): string {
  const rule = `${ref.direction}[${ref.ruleIndex}]`;
  if (ref.peerIndex === undefined) return rule;
  return `${rule}.${ref.direction === 'ingress' ? 'from' : 'to'}[${ref.peerIndex}]`;
}

/** `[ns/name](…) ingress[0].from[1]`. */
export function ruleRefText(ref: RuleRef, analysis: WorkspaceAnalysis): string {
  const policy = analysis.policyById(ref.policy);
  const name = policy ? policyLink(policy, analysis.manifests) : code(ref.policy);
  return `${name} ${code(rulePath(ref))}`;
}

/** The peer (engine input) a reference points at; undefined for a rule without peers. */
export function peerOf(policy: PolicyInfo, ref: RuleRef): PolicyPeer | undefined {
  const rules = (ref.direction === 'ingress' ? policy.policy.ingress : policy.policy.egress) ?? [];
  return ref.peerIndex === undefined ? undefined : rules[ref.ruleIndex]?.peers?.[ref.peerIndex];
}

/** Workloads of a piece, as links (cut to a readable length). */
export function workloadsText(workloads: readonly WorkloadInfo[], analysis: WorkspaceAnalysis, max = 8): string {
  return capList(
    workloads.map((w) => workloadLink(w, analysis.manifests)),
    max,
  );
}

/** Workloads of a piece, in engine order. */
export function pieceWorkloads(piece: AllowedPiece, analysis: WorkspaceAnalysis): WorkloadInfo[] {
  const all = analysis.workloads();
  return [...piece.workloads].map((i) => all[i] as WorkloadInfo);
}

/** Namespaces a peer's namespaceSelector matches, by name. */
export function namespacesOf(peer: PolicyPeer, analysis: WorkspaceAnalysis): string[] {
  return analysis.network.namespacesMatching(peer.namespaceSelector).map((n) => n.name);
}

/**
 * Namespaces every cluster has (`kube-system`…) that the selector names through
 * `kubernetes.io/metadata.name` although the workspace neither declares nor uses them: they exist,
 * only their workloads are deployed from elsewhere.
 */
export function builtInNamespacesOf(peer: PolicyPeer, analysis: WorkspaceAnalysis): string[] {
  const known = new Set(namespacesOf(peer, analysis));
  return (pinnedNamespaceNames(peer.namespaceSelector) ?? []).filter((n) => BUILT_IN_NAMESPACES.includes(n) && !known.has(n));
}

/**
 * `namespaces `a`, `b``, the built-in ones marked, or the selector with `(none here)`; a selector
 * by `kubernetes.io/metadata.name` alone names its namespaces without the word.
 */
export function peerNamespacesText(peer: PolicyPeer, analysis: WorkspaceAnalysis, max = 6): string {
  const names = [...namespacesOf(peer, analysis).map(code), ...builtInNamespacesOf(peer, analysis).map((n) => `${code(n)} (built in, workloads not here)`)];
  if (names.length === 0) return `namespaces ${code(selectorText(peer.namespaceSelector))} (none in this workspace)`;
  return `${selectsByNameOnly(peer.namespaceSelector) ? '' : 'namespaces '}${capList(names, max)}`;
}

/**
 * What a piece matches, in words: `anyone`, an address list, or the pods with their selectors
 * (`pods app=web in shop: shop/web, shop/api`).
 */
export function pieceTargetText(piece: AllowedPiece, analysis: WorkspaceAnalysis, direction: Direction): string {
  const policy = analysis.policyById(piece.rule.policy);
  const peer = policy ? peerOf(policy, piece.rule) : undefined;
  if (!peer) return direction === 'ingress' ? 'any source (every pod and address)' : 'any destination (every pod and address)';
  if (peer.ipBlock) {
    const except = (peer.ipBlock.except ?? []).length > 0 ? ` except ${(peer.ipBlock.except ?? []).map(code).join(', ')}` : '';
    const ranges = piece.addresses.toCidrs();
    // `= …` only where the effective ranges differ from what is written.
    if (except === '' && ranges.length === 1 && ranges[0] === peer.ipBlock.cidr) return `addresses ${code(peer.ipBlock.cidr)}`;
    return `addresses ${code(peer.ipBlock.cidr)}${except}${ranges.length > 0 ? ` = ${capList(ranges.map(code), 6)}` : ' = none (the block is empty)'}`;
  }
  if (!peer.podSelector && !peer.namespaceSelector) return 'an empty peer, which matches nothing (the API server rejects it)';
  const workloads = pieceWorkloads(piece, analysis);
  const pods = isEmptySelector(peer.podSelector) ? 'all pods' : `pods ${code(selectorText(peer.podSelector))}`;
  const someNamespace = namespacesOf(peer, analysis).length > 0 || builtInNamespacesOf(peer, analysis).length > 0;
  if (peer.namespaceSelector && !isEmptySelector(peer.namespaceSelector) && !someNamespace && workloads.length === 0) {
    // Said once: no namespace matches, so no workload either.
    return `${pods} in namespaces ${code(selectorText(peer.namespaceSelector))}: no such namespace in this workspace`;
  }
  // A built-in namespace is said to hold no workload of this workspace already.
  const onlyBuiltIn = namespacesOf(peer, analysis).length === 0 && builtInNamespacesOf(peer, analysis).length > 0;
  const found = workloads.length > 0 ? `: ${workloadsText(workloads, analysis)}` : onlyBuiltIn ? '' : ': no workload in this workspace';
  if (!peer.namespaceSelector) return `${pods} in ${code(policy?.policy.namespace ?? '')}${found}`;
  if (isEmptySelector(peer.namespaceSelector)) return `${pods} in every namespace${found}`;
  return `${pods} in ${peerNamespacesText(peer, analysis)}${found}`;
}

/** Said when a hover lands in rules of a direction the policy does not govern. */
export function notGovernedText(analysis: WorkspaceAnalysis, policy: PolicyInfo, direction: Direction): string {
  const label = direction === 'ingress' ? 'Ingress' : 'Egress';
  return `**Ignored**: ${policyLink(policy, analysis.manifests)} does not list ${code(label)} in its policyTypes, so its ${direction} rules have no effect.`;
}
