/**
 * Conformance cases where we deliberately answer differently from netpol-analyzer, each with the
 * reason (also documented for users). A case listed here is still run, and must still differ:
 * when it starts to pass, remove it from this list.
 *
 * Empty: every case of the public suite passes.
 */
export const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>([]);

/**
 * Why a case that needs AdminNetworkPolicy / BaselineAdminNetworkPolicy differs for now: the
 * engine reads only networking.k8s.io/v1 NetworkPolicy (the ANP tiers are being added to the
 * engine in their own change), so both folders of such a diff give the same connectivity and the
 * changes the admin tiers make are missing. Each case names its ANP/BANP objects; all of them go
 * once the engine applies the tiers (the test then says to remove them).
 */
const NEEDS_ANP = 'needs AdminNetworkPolicy/BaselineAdminNetworkPolicy tiers, which the engine does not apply yet';

/** Diff cases (netpol-analyzer-diff/) where we answer differently, with the reason. */
export const DIFF_KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>(
  [
    ['diff_between_anp_banp_core_test_and_anp_np_banp_core_test', 'both folders hold ANPs and a BANP'],
    ['diff_between_anp_test_10_swapping_rules_and_anp_test_10', 'the change swaps the rules of an ANP'],
    ['diff_between_anp_test_12_swapping_rules_and_anp_test_12', 'the change swaps the rules of an ANP'],
    ['diff_between_anp_test_4_with_priority_chang_pass_to_banp_and_anp_test_4', 'the change turns an ANP rule into Pass, to a BANP'],
    ['diff_between_anp_test_6_swapping_rules_and_anp_test_6', 'the change swaps the rules of an ANP'],
    ['diff_between_anp_test_7_swapping_rules_and_anp_test_7', 'the change swaps the rules of an ANP'],
    ['diff_between_anp_test_8_swapping_rules_and_anp_test_8', 'the change swaps the rules of an ANP'],
    ['diff_between_anp_test_9_swapping_rules_and_anp_test_9', 'the change swaps the rules of an ANP'],
    ['diff_between_banp_test_core_egress_sctp_swapping_rules_and_banp_test_core_egress_sctp_rules', 'the change swaps BANP egress rules (SCTP)'],
    ['diff_between_banp_test_core_egress_tcp_swapping_rules_and_banp_test_core_egress_tcp_rules', 'the change swaps BANP egress rules (TCP)'],
    ['diff_between_banp_test_core_egress_udp_swapping_rules_and_banp_test_core_egress_udp_rules', 'the change swaps BANP egress rules (UDP)'],
    ['diff_between_banp_test_core_gress_swapping_rules_and_banp_test_core_gress_rules', 'the change swaps BANP ingress and egress rules'],
    ['diff_between_banp_test_core_ingress_sctp_swapping_rules_and_banp_test_core_ingress_sctp_rules', 'the change swaps BANP ingress rules (SCTP)'],
    ['diff_between_banp_test_core_ingress_tcp_swapping_rules_and_banp_test_core_ingress_tcp_rules', 'the change swaps BANP ingress rules (TCP)'],
    ['diff_between_banp_test_core_ingress_udp_swapping_rules_and_banp_test_core_ingress_udp_rules', 'the change swaps BANP ingress rules (UDP)'],
  ].map(([id, what]) => [id as string, `${NEEDS_ANP}: ${what as string}`]),
);
