/**
 * Which directions a policy governs, after the API server's defaulting: `policyTypes` as written
 * when it lists anything; otherwise Ingress, plus Egress only when `spec.egress` has a rule (so
 * `egress: []` without `policyTypes` does not isolate egress). Unknown entries are ignored.
 */
import type { Direction, Policy } from './types';

export function governedDirections(policy: Policy): ReadonlySet<Direction> {
  const types = policy.policyTypes ?? [];
  const out = new Set<Direction>();
  if (types.length === 0) {
    out.add('ingress');
    if ((policy.egress ?? []).length > 0) out.add('egress');
    return out;
  }
  if (types.includes('Ingress')) out.add('ingress');
  if (types.includes('Egress')) out.add('egress');
  return out;
}

/** The rules of a direction (missing and `[]` are the same: none). */
export function rulesOf(policy: Policy, direction: Direction): NonNullable<Policy['ingress']> {
  return (direction === 'ingress' ? policy.ingress : policy.egress) ?? [];
}
