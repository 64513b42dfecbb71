/**
 * How we answer each of netpol-analyzer's invalid-input messages (netpol-analyzer-anp/cases.json
 * `invalid`): the finding (rule, words, severity) or listing warning that says the same thing
 * about the same input, or, where we answer differently on purpose, why. Keyed by the expected
 * text, trimmed (netpol-analyzer's words; cases that share a reason share an answer).
 *
 * One difference holds for every `fatal` case: netpol-analyzer refuses to list anything, while
 * Netpol Lens reports the error where it is (the editor and `check`) and still lists what the
 * rest of the input means (`connectivity`), reading the rejected values as matching nothing —
 * as it does for NetworkPolicy (docs/connectivity.md).
 */
export type InvalidAnswer =
  /** A finding of `check` over the input folder. */
  | { readonly kind: 'finding'; readonly ruleId: string; readonly messagePart?: string; readonly severity: 'error' | 'warning' | 'information'; readonly note?: string }
  /** A warning printed beside the connectivity listing. */
  | { readonly kind: 'listing-warning'; readonly messagePart: string }
  /** The CLI refuses the options (usage error) instead of warning. */
  | { readonly kind: 'usage-error'; readonly reason: string }
  /** Deliberately no warning: the reason. */
  | { readonly kind: 'different'; readonly reason: string };

const SAME_PRIORITY = 'Two policies are considered to be conflicting if they are assigned the same priority.';

export const INVALID_ANSWERS: ReadonlyMap<string, InvalidAnswer> = new Map<string, InvalidAnswer>([
  ['Invalid Priority Value: 1001 in Admin Network Policy: "invalid-priority"; Priority value must be between 0-1000', { kind: 'finding', ruleId: 'cluster-policy-priority-invalid', messagePart: 'Priority 1001 is outside 0–1000', severity: 'error' }],
  ['unrecognized action', { kind: 'finding', ruleId: 'cluster-policy-action-invalid', severity: 'error' }],
  ['to field must be defined and contain at least one item', { kind: 'finding', ruleId: 'cluster-policy-peer-invalid', messagePart: '`to` must be defined and contain at least one peer', severity: 'error' }],
  ['from field must be defined and contain at least one item', { kind: 'finding', ruleId: 'cluster-policy-peer-invalid', messagePart: '`from` must be defined and contain at least one peer', severity: 'error' }],
  [
    'port range 10-1 is legal; start and end values of the port range should be in {1-65535} and end may not be less than start',
    { kind: 'finding', ruleId: 'cluster-policy-port-invalid', messagePart: 'This range starts at 10 and ends at 1: it holds no port', severity: 'error' },
  ],
  ['invalid CIDR address', { kind: 'finding', ruleId: 'cluster-policy-network-invalid', messagePart: 'is not a CIDR', severity: 'error' }],
  ['exactly one field must be set in an AdminNetworkPolicyPort', { kind: 'finding', ruleId: 'cluster-policy-port-invalid', messagePart: 'This ports entry sets', severity: 'error' }],
  ['exactly one field must be set in a rule peer', { kind: 'finding', ruleId: 'cluster-policy-peer-invalid', messagePart: 'This peer sets', severity: 'error' }],
  ['exactly one field must be set in a subject', { kind: 'finding', ruleId: 'cluster-policy-subject-invalid', severity: 'error' }],
  [
    'an AdminNetworkPolicy "same-name" is already exists. Only one object of a given kind can have a given name at a time.',
    {
      kind: 'finding',
      ruleId: 'duplicate-policy',
      messagePart: 'Another AdminNetworkPolicy is named same-name in the cluster',
      severity: 'warning',
      note: 'a warning, as for NetworkPolicy: the API server accepts both applies, the later replaces the earlier',
    },
  ],
  [
    SAME_PRIORITY,
    {
      kind: 'finding',
      ruleId: 'cluster-policy-priority-overlap',
      messagePart: 'has the same priority (50)',
      severity: 'warning',
      note: 'a warning: the API server accepts equal priorities; upstream calls their order undefined where both match a connection, which is what is reported (and the listing says which order it assumed)',
    },
  ],
  [
    'IPv6 addresses are not supported',
    { kind: 'different', reason: 'IPv6 networks are judged like IPv4 ones (listed with --format json, which includes IPv6 ranges): there is nothing to warn about' },
  ],
  [
    'named port is not defined for IP addresses; skipped',
    {
      kind: 'finding',
      ruleId: 'cluster-policy-port-invalid',
      messagePart: 'A named port cannot apply to `networks`, `nodes` or `domainNames` peers',
      severity: 'error',
      note: "an error: the CRD's experimental channel rejects the combination (a CEL rule); the listing, like netpol-analyzer's, skips the named port for addresses",
    },
  ],
  ['Nodes field of an AdminNetworkPolicyEgressPeer is not supported', { kind: 'listing-warning', messagePart: 'has a `nodes` peer' }],
  ['port name:', { kind: 'finding', ruleId: 'named-port-unresolved', messagePart: 'declares a port named no-web', severity: 'warning' }],
  [
    'Workload {name} does not exist in the input resources.',
    { kind: 'usage-error', reason: 'the CLI refuses a focus name that matches no workload (exit 2, naming it) rather than listing without it: an empty listing for a typo would read as "nothing connects"' },
  ],
  [
    'may be used only with focusworkload flag, will be ignored',
    { kind: 'usage-error', reason: 'the CLI refuses --focus-direction and --focus-workload-peer without --focus-workload (exit 2) rather than ignoring them' },
  ],
]);

/** The answer for an expected text (the focus-workload messages share one). */
export function answerFor(expected: string): InvalidAnswer | undefined {
  return INVALID_ANSWERS.get(/^Workload .+ does not exist in the input resources\.$/.test(expected) ? 'Workload {name} does not exist in the input resources.' : expected);
}
