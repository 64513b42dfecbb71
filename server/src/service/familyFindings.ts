/**
 * Namespace-less objects of unrelated folders are read two ways (views/namespaceFamilies.ts): all
 * in the default namespace (the loose views), and each family of folders apart (its family view).
 * Where they land is decided when they are applied, so a loose view's finding in a family's file
 * is kept only where the family view has it too (same rule, same range): "this test's policy
 * blocks that sample's route" holds only if both are applied into one namespace, "this policy
 * selects nothing" only if nothing of another folder is applied beside it.
 *
 * A finding that holds both ways is worded as the family view words it: it names the pods of the
 * policy's own family, not every namespace-less pod of the repository (argo-cd's e2e default-deny
 * "isolated" 23 example workloads), and its related locations and fixes are the family view's.
 */
import type { ResolvedFinding } from '../rules/runRules';

function keyOf(f: ResolvedFinding): string {
  return `${f.ruleId}\u0000${f.start}\u0000${f.end}`;
}

/** A loose view's findings that its family view has too, in the family view's words. */
export function heldInFamily(findings: readonly ResolvedFinding[], family: readonly ResolvedFinding[]): ResolvedFinding[] {
  if (findings.length === 0) return [];
  const byPlace = new Map<string, ResolvedFinding>();
  for (const f of family) if (!byPlace.has(keyOf(f))) byPlace.set(keyOf(f), f);
  const out: ResolvedFinding[] = [];
  for (const f of findings) {
    const own = byPlace.get(keyOf(f));
    if (own) out.push(own);
  }
  return out;
}
