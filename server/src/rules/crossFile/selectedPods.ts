/**
 * The pods a policy selects, each with what is allowed to it in one direction (the union over
 * every policy selecting it), for rules comparing a policy with the others.
 *
 * When the workspace holds none of the policy's pods (namespace deployed from elsewhere), one
 * stand-in pod is used, governed by the policy itself and by the policies of its namespace that
 * certainly select the same pods: an empty podSelector, or the very same selector. That keeps the
 * classic two-policy case (deny or except in one, allow-all in another) visible without workloads.
 *
 * Host-network pods are left out: NetworkPolicy does not isolate them, so what policies allow
 * them says nothing about their traffic (policy-selects-host-network reports a policy selecting
 * only such pods).
 */
import type { PolicyInfo, WorkspaceAnalysis } from '../../analysis/workspaceAnalysis';
import { isEmptySelector, selectorKey } from '../../engine/labelSelector';
import type { AllowedPiece } from '../../engine/network';
import type { Direction, NamedPort } from '../../engine/types';
import type { ClusterKnowledge } from './clusterKnowledge';
import { selectorText } from './describe';

export interface SelectedPod {
  /** `shop/web[Deployment]`, or `the pods app=web selects` for the stand-in. */
  readonly label: string;
  /** The pod's container ports; undefined for the stand-in (unknown). */
  readonly namedPorts: readonly NamedPort[] | undefined;
  readonly pieces: readonly AllowedPiece[];
}

export function selectedPods(analysis: WorkspaceAnalysis, known: ClusterKnowledge, policy: PolicyInfo, direction: Direction): SelectedPod[] {
  const selected = analysis.selectedWorkloads(policy);
  if (selected.length > 0) {
    return selected.filter((w) => !w.workload.hostNetwork).map((w) => ({
      label: w.workload.id,
      namedPorts: w.workload.namedPorts,
      pieces: analysis.allowed(w, direction).pieces,
    }));
  }
  const { namespace, podSelector } = policy.policy;
  if (known.workloadsKnown(namespace, namespace)) return [];
  const pieces = sameSelectionPolicies(analysis, policy).flatMap((p) => analysis.network.piecesOf(p.index, direction));
  const label = isEmptySelector(podSelector) ? `every pod of ${namespace}` : `the pods ${selectorText(podSelector)} selects in ${namespace}`;
  return [{ label, namedPorts: undefined, pieces }];
}

/** The policy and those of its namespace that certainly select the same pods (without workloads). */
export function sameSelectionPolicies(analysis: WorkspaceAnalysis, policy: PolicyInfo): PolicyInfo[] {
  const { namespace, podSelector } = policy.policy;
  const key = selectorKey(podSelector);
  return analysis
    .policies()
    .filter((p) => p.policy.namespace === namespace && (p === policy || isEmptySelector(p.policy.podSelector) || selectorKey(p.policy.podSelector) === key));
}
