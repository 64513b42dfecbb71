/**
 * One file judged in several cluster views (a kustomize base under three overlays, a policy
 * beside alternative bundles): each finding is reported once per place. One that holds in every
 * view with the same words stays as it is; one that holds in some views only says in which, so
 * nobody "fixes" the base for an overlay that never has the problem. Where the views word it
 * differently (each names its own namespace), the first view's words are the message and the
 * others' follow as related information at the same place.
 */
import type { Severity } from '../../../shared/src/ruleCatalogue';
import type { RelatedData } from '../rules/types';
import type { ResolvedFinding } from '../rules/runRules';
import type { ClusterView } from '../views/clusterViews';

export interface ViewFindings {
  readonly view: ClusterView;
  readonly findings: readonly ResolvedFinding[];
}

const NAMED = 3;
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function mergeViewFindings(perView: readonly ViewFindings[], uri: string): ResolvedFinding[] {
  const byKey = new Map<string, { view: ClusterView; finding: ResolvedFinding }[]>();
  for (const { view, findings } of perView) {
    for (const f of findings) {
      const key = `${f.ruleId}\u0000${f.start}\u0000${f.end}`;
      const list = byKey.get(key);
      if (!list) byKey.set(key, [{ view, finding: f }]);
      else if (!list.some((x) => x.view === view && x.finding.message === f.message)) list.push({ view, finding: f });
    }
  }
  const out: ResolvedFinding[] = [];
  for (const list of byKey.values()) {
    const first = list[0] as { view: ClusterView; finding: ResolvedFinding };
    const views = [...new Set(list.map((x) => x.view))];
    const severity = list.reduce<Severity>((s, x) => (RANK[x.finding.severity] < RANK[s] ? x.finding.severity : s), first.finding.severity);
    const where = views.length === perView.length ? '' : ` (${viewList(views)})`;
    const others = list.filter((x) => x.finding.message !== first.finding.message);
    if (others.length === 0) {
      out.push(where === '' && severity === first.finding.severity ? first.finding : { ...first.finding, severity, message: `${first.finding.message}${where}` });
      continue;
    }
    const firstViews = list.filter((x) => x.finding.message === first.finding.message).map((x) => x.view);
    const related: RelatedData[] = others.map((x) => ({ uri, start: x.finding.start, end: x.finding.end, message: `${viewList([x.view])}: ${x.finding.message}` }));
    out.push({
      ...first.finding,
      severity,
      message: `${first.finding.message} (${viewList(firstViews)}; ${others.length === 1 ? 'also' : 'likewise'} ${viewList(others.map((x) => x.view)).replace(/^in /, 'in ')})`,
      related: [...(first.finding.related ?? []), ...related],
    });
  }
  return out;
}

/** `in kustomize build overlays/prod`, `in kustomize builds overlays/dev and overlays/prod`, `in views a, b, c and 2 more`. */
export function viewList(views: readonly ClusterView[]): string {
  const names = views.map((v) => v.name);
  const kind = views.every((v) => v.kind === 'kustomize') ? (views.length === 1 ? 'kustomize build ' : 'kustomize builds ') : views.length === 1 ? 'view ' : 'views ';
  if (names.length <= NAMED) return `in ${kind}${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`}`;
  return `in ${kind}${names.slice(0, NAMED).join(', ')} and ${names.length - NAMED} more`;
}
