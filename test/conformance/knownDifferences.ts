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

/**
 * Explain cases (netpol-analyzer-explain/) where we answer differently, with the reason. Each of
 * these inputs holds AdminNetworkPolicy/BaselineAdminNetworkPolicy objects whose rules decide some
 * of the explained pairs (an ANP allow/deny/pass or a BANP line where we print the NetworkPolicy
 * or system-default verdict). Explain cases whose ANPs decide no explained pair already pass and
 * are not listed.
 */
export const EXPLAIN_KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map<string, string>(
  [
    ['anp_banp_blog_demo_2_explain_output', '2 ANPs and a BANP'],
    ['anp_banp_blog_demo_focus_workload_myfoo_ingress_explain_output', '2 ANPs and a BANP (focus myfoo, ingress)'],
    ['anp_banp_blog_demo_focus_workload_mymonitoring_egress_with_myfoo_allow_explain_output', '2 ANPs and a BANP (focus mymonitoring → myfoo, allow only)'],
    ['anp_banp_blog_demo_focus_workload_mymonitoring_egress_with_myfoo_tcp-80_allow_explain_output', '2 ANPs and a BANP (focus mymonitoring → myfoo on TCP 80)'],
    ['anp_banp_blog_demo_focus_workload_mymonitoring_mybaz_explain_output', '2 ANPs and a BANP (focus mymonitoring, mybaz)'],
    ['anp_banp_blog_demo_focus_workload_mymonitoring_with_myfoo_allow_explain_output', '2 ANPs and a BANP (focus mymonitoring with myfoo, allow only)'],
    ['anp_banp_blog_demo_focus_workload_mymonitoring_with_myfoo_explain_output', '2 ANPs and a BANP (focus mymonitoring with myfoo)'],
    ['anp_banp_test_with_named_port_matched_explain_output', 'an ANP and a BANP with named ports'],
    ['anp_banp_test_with_named_port_unmatched_explain_output', 'an ANP and a BANP with unmatched named ports'],
    ['anp_demo_explain_output', '4 ANPs and a BANP'],
    ['anp_test_10_explain_output', 'an ANP allowing UDP 53 and denying the rest'],
    ['exposure_test_with_anp_12_explain_exposure_output', 'an ANP and a BANP'],
    ['exposure_test_with_anp_15_explain_exposure_output', '4 ANPs'],
    ['exposure_test_with_anp_3_w_banp_explain_exposure_output', 'an ANP and a BANP'],
    ['exposure_test_with_anp_4_entire_cluster_example_explain_exposure_output', 'an ANP over the entire cluster'],
    ['exposure_test_with_anp_6_entire_cluster_example_explain_exposure_output', 'an ANP over the entire cluster'],
    ['exposure_test_with_anp_7_w_banp_explain_exposure_output', 'an ANP and a BANP'],
  ].map(([id, what]) => [id as string, `${NEEDS_ANP}: ${what as string}`]),
);
