/**
 * `legacy-isolation-annotation`: the pre-1.7 `net.beta.kubernetes.io/network-policy` annotation on a
 * Namespace (`{"ingress": {"isolation": "DefaultDeny"}}`). Kubernetes ignores it since 1.7, so the
 * namespace is not isolated. The fix adds the default-deny NetworkPolicy that means what the
 * annotation meant (a document after the Namespace's) and removes the annotation.
 */
import { objectsOfDocument, textReleasable, type FileModel } from '../model/fileModel';
import type { K8sObject } from '../model/k8sObject';
import { getMap, getPair, scalarString, type YMap, type YPair } from '../model/yamlTree';
import { removeMapPair } from './edit/removeEntry';
import { renderBlockMap } from './edit/renderYaml';
import { detectLayout } from './edit/yamlLayout';
import type { Finding, FixData, Rule, TextEditData } from './types';

export const LEGACY_ISOLATION_ANNOTATION = 'net.beta.kubernetes.io/network-policy';

export const legacyIsolationAnnotationRule: Rule = {
  id: 'legacy-isolation-annotation',
  scope: 'file',
  // The fix's policy name must not be taken by another policy of the namespace in the file.
  wholeFile: true,
  check({ file }) {
    const findings: Finding[] = [];
    for (const object of annotatedObjects(file)) {
      if (object.kind !== 'Namespace' || !object.node) continue;
      const metadata = getMap(object.node, 'metadata');
      const annotations = getMap(metadata, 'annotations');
      const pair = getPair(annotations, LEGACY_ISOLATION_ANNOTATION);
      if (!metadata || !annotations || !pair) continue;
      const denies = isDefaultDeny(scalarString(pair.value));
      const ns = object.name ?? 'this namespace';
      const fix = denies ? defaultDenyFix(file, object, metadata, annotations, pair) : undefined;
      findings.push({
        ruleId: 'legacy-isolation-annotation',
        message:
          denies ?
            `Kubernetes ignores ${LEGACY_ISOLATION_ANNOTATION} since 1.7: namespace ${ns} is NOT isolated, and its pods accept ingress from anywhere ` +
            'unless a NetworkPolicy selects them. Isolate it with a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress]).'
          : `Kubernetes ignores ${LEGACY_ISOLATION_ANNOTATION} since 1.7: it has no effect on namespace ${ns}; use NetworkPolicies instead.`,
        start: pair.key.start,
        end: pair.key.end,
        tags: ['deprecated'],
        fixes: fix ? [fix] : [],
      });
    }
    return findings;
  },
};

/**
 * The objects of the documents that can hold the annotation, in file order: its key is written out
 * in a document's text (`network-policy`) unless an escape of a double-quoted key spells it (a
 * backslash). The other documents' trees are not read: in a bundle an edit only moved, reading
 * them would copy each one (`relocate`). A file read from disk is never edited, and its documents'
 * texts may be let go (read again from disk, `fileText.ts`): its objects are read as they are.
 */
function annotatedObjects(file: FileModel): readonly K8sObject[] {
  if (textReleasable(file)) return file.objects;
  const out: K8sObject[] = [];
  for (const doc of file.documents) {
    if (doc.text.includes('network-policy') || doc.text.includes('\\')) out.push(...objectsOfDocument(file.uri, doc));
  }
  return out;
}

/** True for the annotation's DefaultDeny form (`{"ingress": {"isolation": "DefaultDeny"}}`). */
export function isDefaultDeny(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    const ingress = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).ingress : undefined;
    return typeof ingress === 'object' && ingress !== null && (ingress as Record<string, unknown>).isolation === 'DefaultDeny';
  } catch {
    return false;
  }
}

function defaultDenyFix(file: FileModel, object: K8sObject, metadata: YMap, annotations: YMap, pair: YPair): FixData | undefined {
  const namespace = object.name;
  const doc = file.documents.find((d) => d.index === object.docIndex);
  // A Namespace inside a List has no document of its own to insert after.
  if (!namespace || !doc || object.itemIndex !== undefined) return undefined;
  const layout = detectLayout(file.text, object.node);
  const annotationsPair = getPair(metadata, 'annotations');
  const removal =
    annotations.pairs.length === 1 && annotationsPair ? removeMapPair(file.text, metadata, annotationsPair) : removeMapPair(file.text, annotations, pair);
  if (!removal) return undefined;
  const taken = new Set(file.objects.filter((o) => o.kind === 'NetworkPolicy' && (o.namespace ?? namespace) === namespace).map((o) => o.name));
  const name = ['default-deny-ingress', 'default-deny-ingress-legacy'].find((n) => !taken.has(n));
  if (!name) return undefined;
  const policy = renderBlockMap(
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    },
    0,
    layout,
  );
  const nl = layout.newline;
  const endsWithNewline = doc.end > 0 && file.text[doc.end - 1] === '\n';
  const insertion: TextEditData = {
    start: doc.end,
    end: doc.end,
    newText: `${endsWithNewline ? '' : nl}---${nl}${policy}`,
  };
  // The annotation's removal and the insertion at the document's end never overlap: the
  // annotation is in metadata, above the end.
  return {
    title: `Replace the annotation with a default-deny NetworkPolicy for namespace ${namespace}`,
    edits: [removal, insertion],
    preferred: true,
  };
}
