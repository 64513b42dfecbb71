/**
 * `peer-namespace-selector-matches-nothing`: a peer's namespaceSelector matches no namespace, so
 * the peer allows nothing. Outside strict mode the cluster may hold namespaces (and labels) the
 * workspace does not show, so only what is certain is reported: a selector on a label such as
 * `name: kube-system` that Kubernetes does not set (the namespace's labels are known and lack it),
 * or one limited by `kubernetes.io/metadata.name` to namespaces whose labels are all known.
 * Where the workspace declares its namespaces (Namespace manifests for every namespace it names,
 * none external), a selector that matches none of them is reported as information: the mistake
 * is likely, but a namespace created elsewhere may carry the labels.
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import { selectorMatches } from '../engine/labelSelector';
import { rulesOf } from '../engine/policyTypes';
import { NAMESPACE_NAME_LABEL, type Direction, type LabelSelector } from '../engine/types';
import { getMap, getPair, isScalar, type YPair } from '../model/yamlTree';
import { replaceScalar } from './edit/replaceScalar';
import { BUILT_IN_NAMESPACES, ClusterKnowledge, isWellFormedSelector, pinnedNamespaceNames } from './crossFile/clusterKnowledge';
import { selectorText } from './crossFile/describe';
import { pairSpan, peerMap } from './crossFile/policySource';
import { policyRule } from './crossFile/workspaceFindings';
import type { Finding, FixData } from './types';
import { joinCapped, labelText, listText, quoted, shown } from '../text/displayText';

export const peerNamespaceSelectorMatchesNothingRule = policyRule(
  'peer-namespace-selector-matches-nothing',
  (analysis) => new ClusterKnowledge(analysis),
  (policy, known, analysis): Finding[] => {
    const out: Finding[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      if (!analysis.network.governs(policy.index, direction)) continue;
      rulesOf(policy.policy, direction).forEach((rule, ruleIndex) => {
        rule.peers?.forEach((peer, peerIndex) => {
          const selector = peer.namespaceSelector;
          if (!selector || peer.ipBlock || !isWellFormedSelector(selector)) return;
          if (analysis.network.namespacesMatching(selector).length > 0 || matchesBuiltIn(analysis, selector)) return;
          const pair = getPair(peerMap(policy, direction, ruleIndex, peerIndex), 'namespaceSelector');
          if (!pair) return;
          const finding = judge(analysis, known, policy, direction, selector, pair);
          if (finding) out.push(finding);
        });
      });
    }
    return out;
  },
);

/** The namespaces every cluster has count as present, with their automatic label only. */
function matchesBuiltIn(analysis: WorkspaceAnalysis, selector: LabelSelector): boolean {
  const inWorkspace = new Set(analysis.network.namespaces.map((n) => n.name));
  return BUILT_IN_NAMESPACES.some((n) => !inWorkspace.has(n) && selectorMatches(selector, { [NAMESPACE_NAME_LABEL]: n }));
}

function judge(
  analysis: WorkspaceAnalysis,
  known: ClusterKnowledge,
  policy: PolicyInfo,
  direction: Direction,
  selector: LabelSelector,
  pair: YPair,
): Finding | undefined {
  const side = direction === 'ingress' ? 'accepts traffic from no pod' : 'allows traffic to no pod';
  const base = `namespaceSelector ${selectorText(selector)} matches no namespace`;
  const misused = misusedNameLabel(analysis, known, selector, pair);
  if (misused) {
    const labels = Object.entries(analysis.network.namespaceLabelsOf(misused.namespace));
    const has = labels.length > 0 ? joinCapped(labels.map(([k, v]) => labelText(k, v)), ', ', 6) : `${NAMESPACE_NAME_LABEL}=${misused.namespace}`;
    return {
      ruleId: 'peer-namespace-selector-matches-nothing',
      message:
        `${base}: Kubernetes does not set the label ${quoted(misused.key)} on namespaces (${shown(misused.namespace)} has ${has}), so this peer ${side}. ` +
        `Select the namespace by ${NAMESPACE_NAME_LABEL}, which every namespace carries.`,
      ...pairSpan(pair),
      fixes: misused.fix ? [misused.fix] : [],
    };
  }
  const pinned = pinnedNamespaceNames(selector);
  const certain = known.wholeCluster || (pinned !== undefined && pinned.every((n) => known.exists(n) && known.labelsKnown(n)));
  if (!certain) return known.namespacesDeclared() ? undeclaredLabels(analysis, selector, side, pair) : undefined;
  const namespaces = analysis.network.namespaces.map((n) => n.name);
  const scope = known.wholeCluster ? ` among the workspace's namespaces (${namespaces.length > 0 ? listText(namespaces.map((n) => shown(n))) : 'none'})` : '';
  return {
    ruleId: 'peer-namespace-selector-matches-nothing',
    message: `${base}${scope}: this peer ${side}.`,
    ...pairSpan(pair),
  };
}

/**
 * Information: no Namespace the workspace declares matches, though one created elsewhere might.
 * A selector naming its namespaces says which to list as external when they are installed apart.
 */
function undeclaredLabels(analysis: WorkspaceAnalysis, selector: LabelSelector, side: string, pair: YPair): Finding {
  const declared = joinCapped(analysis.namespaces().flatMap((n) => (n.source ? [shown(n.namespace.name)] : [])), ', ', 6);
  const pinned = pinnedNamespaceNames(selector);
  const message =
    pinned !== undefined && pinned.length > 0
      ? `namespaceSelector ${selectorText(selector)} names no Namespace this workspace declares (${declared}): ` +
        `if ${listText(pinned.map((n) => shown(n)))} ${pinned.length === 1 ? 'is' : 'are'} created elsewhere, list ${pinned.length === 1 ? 'it' : 'them'} in netpolLens.externalNamespaces; otherwise this peer ${side}.`
      : `namespaceSelector ${selectorText(selector)} matches none of the Namespaces this workspace declares (${declared}) nor a built-in one: ` +
        `unless a namespace created elsewhere has these labels, this peer ${side}.`;
  return { ruleId: 'peer-namespace-selector-matches-nothing', message, ...pairSpan(pair), severity: 'information' };
}

interface MisusedLabel {
  readonly key: string;
  readonly namespace: string;
  readonly fix: FixData | undefined;
}

/** `name: kube-system`: a matchLabels value naming a namespace whose known labels lack that pair. */
function misusedNameLabel(analysis: WorkspaceAnalysis, known: ClusterKnowledge, selector: LabelSelector, pair: YPair): MisusedLabel | undefined {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (key === NAMESPACE_NAME_LABEL || !known.exists(value) || !known.labelsKnown(value)) continue;
    if (analysis.network.namespaceLabelsOf(value)[key] === value) continue;
    const keyNode = getPair(getMap(pair.value, 'matchLabels'), key)?.key;
    const fix: FixData | undefined =
      keyNode && isScalar(keyNode)
        ? { title: `Select namespace ${value} by ${NAMESPACE_NAME_LABEL}`, edits: [replaceScalar(keyNode, NAMESPACE_NAME_LABEL)], preferred: true, safe: false }
        : undefined;
    return { key, namespace: value, fix };
  }
  return undefined;
}
