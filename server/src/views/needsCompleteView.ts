/**
 * Rules whose findings say that something is absent (no pod matches, no port is declared, no
 * policy isolates): in a partial view (a remote resource, a Helm chart, a file outside the
 * workspace) the missing objects could be exactly what they look for, so they stand down there.
 * Rules that report what is present (an allow that undoes a deny, a CIDR error) still run.
 */
const IDS: ReadonlySet<string> = new Set([
  'policy-selects-nothing',
  'peer-pod-selector-matches-nothing',
  'peer-namespace-selector-matches-nothing',
  'named-port-unresolved',
  // "The pods do not listen on it": a patch the workspace does not show may declare the port.
  'port-is-service-port',
  'workload-not-isolated',
  'pass-without-lower-tier',
  'policy-selects-host-network',
  // "No rule admits the controller", "the Service's pods are these": a policy or pod the workspace does not show may change it.
  'ingress-controller-blocked',
  // "No rule allows cluster DNS": a policy of the view the workspace does not show may.
  'egress-blocks-dns',
]);

export function needsCompleteView(ruleId: string): boolean {
  return IDS.has(ruleId);
}
