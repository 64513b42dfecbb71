/**
 * The hover of a file used by several cluster views (a kustomize base under overlays that set
 * other namespaces or labels): the answer of each view, under the view's name, and one answer
 * when every view gives the same.
 */
import type { WorkspaceAnalysis } from '../analysis/workspaceAnalysis';
import type { FileModel } from '../model/fileModel';
import type { ClusterView } from '../views/clusterViews';
import { familyFolder } from '../views/familyViews';
import { hoverAt, type HoverResult, type IndexingProgress } from './hover';

export interface FileInView {
  readonly view: ClusterView | undefined;
  /** The family view the file is read in instead (views/familyViews.ts), where its folders' namespace-less objects are read apart. */
  readonly family?: ClusterView;
  readonly analysis: WorkspaceAnalysis;
  readonly file: FileModel;
}

/** At most this many views are shown; the rest are counted. */
const SHOWN = 3;

export function hoverInViews(inViews: readonly FileInView[], offset: number, indexing?: IndexingProgress): HoverResult | undefined {
  const found = answersInViews(inViews, offset, indexing);
  const family = inViews.find((v) => v.family)?.family;
  if (!found || !family) return found;
  // Say why pods and policies of other folders are missing from the answer.
  const folder = familyFolder(family);
  const note = `_Read with its family of folders (\`${folder}\`): objects without a namespace in unrelated folders are not assumed to share its namespace._`;
  return { ...found, markdown: `${found.markdown}\n\n${note}` };
}

function answersInViews(inViews: readonly FileInView[], offset: number, indexing?: IndexingProgress): HoverResult | undefined {
  const answers: { view: ClusterView | undefined; result: HoverResult }[] = [];
  for (const v of inViews) {
    const result = hoverAt(v.analysis, v.file, offset, indexing);
    if (result) answers.push({ view: v.view, result });
  }
  const first = answers[0];
  if (!first) return undefined;
  if (answers.length === 1 || answers.every((a) => a.result.markdown === first.result.markdown)) {
    return answers.length === 1 || !first.view ? first.result : { ...first.result, markdown: `${first.result.markdown}\n\n_The same in all ${answers.length} views of this file._` };
  }
  // Distinct answers: group the views that agree.
  const groups: { views: ClusterView[]; markdown: string }[] = [];
  for (const a of answers) {
    const g = groups.find((x) => x.markdown === a.result.markdown);
    if (g && a.view) g.views.push(a.view);
    else groups.push({ views: a.view ? [a.view] : [], markdown: a.result.markdown });
  }
  const parts = groups.slice(0, SHOWN).map((g) => `**In ${g.views.map((v) => `\`${v.name}\``).join(', ')}**\n\n${g.markdown}`);
  if (groups.length > SHOWN) parts.push(`_…and ${groups.length - SHOWN} more views with other answers._`);
  return { ...first.result, markdown: parts.join('\n\n---\n\n') };
}
