/**
 * Conformance cases where we deliberately answer differently from netpol-analyzer, each with the
 * reason (also documented for users). A case listed here is still run, and must still differ:
 * when it starts to pass, remove it from this list.
 *
 * Empty: every case of the public suite passes.
 */
export const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Diff cases (netpol-analyzer-diff/) where we answer differently, with the reason. Empty: all 37 agree. */
export const DIFF_KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);

/** Explain cases (netpol-analyzer-explain/) where we answer differently, with the reason. */
export const EXPLAIN_KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([
  [
    'exposure_test_with_anp_4_entire_cluster_example_explain_exposure_output',
    "for the ports the AdminNetworkPolicy leaves (all but TCP 80), netpol-analyzer prints no reason for the side that denies them; we name it: NetworkPolicy 'hello-world/deny-all-app-a' isolates the workload and has no rule (the same verdicts and ports, one more reason line)",
  ],
]);
