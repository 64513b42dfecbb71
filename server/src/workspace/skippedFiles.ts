/**
 * Files the rules do not look at, and why: those never read (too large, unreadable), those read
 * but not analysed (templates, binary content), and those that hold no Kubernetes object at all
 * (a GitHub workflow, a compose file, `package.json`). Reports list them apart from the checked
 * files, so "N files checked" counts only files something was checked in.
 */
import type { FileModel, SkipReason } from '../model/fileModel';
import { scanHeader } from '../model/splitDocuments';

export type SkipCode = SkipReason | 'not-kubernetes' | 'unreadable' | 'not-found';

export interface SkippedFile {
  readonly path: string;
  readonly code: SkipCode;
  /** One line for people: what the file is and what that means. */
  readonly reason: string;
}

/** Short names for counts ("3 skipped: 2 Helm templates, 1 not Kubernetes"), singular and plural. */
export const SKIP_LABELS: Readonly<Record<SkipCode, readonly [string, string]>> = {
  'helm-template': ['Helm template', 'Helm templates'],
  'test-assertion': ['test assertion', 'test assertions'],
  binary: ['binary', 'binary'],
  'too-large': ['too large', 'too large'],
  'not-yaml': ['not YAML', 'not YAML'],
  'not-kubernetes': ['not Kubernetes', 'not Kubernetes'],
  unreadable: ['unreadable', 'unreadable'],
  'not-found': ['not found', 'not found'],
};

export function skipReasonText(reason: SkipReason): string {
  switch (reason) {
    case 'helm-template':
      return 'Helm template ({{ }} where YAML structure stands): not analysed until rendered';
    case 'test-assertion':
      return 'test assertion (Chainsaw or KUTTL: a state the test expects the cluster to hold, never applied)';
    case 'binary':
      return 'binary content';
    case 'too-large':
      return 'too large';
    case 'not-yaml':
      return 'not YAML';
  }
}

export function skippedFile(path: string, code: SkipCode, reason?: string): SkippedFile {
  switch (code) {
    case 'not-kubernetes':
      return { path, code, reason: reason ?? 'not Kubernetes (no document has apiVersion and kind)' };
    case 'unreadable':
    case 'not-found':
      return { path, code, reason: reason ?? code.replace('-', ' ') };
    default:
      return { path, code, reason: reason ?? skipReasonText(code) };
  }
}

/**
 * Why a file that was read gets no check, or undefined when something in it is checked. A
 * kustomization is read for what it references, so it counts as checked even without a `kind`.
 */
export function uncheckedFile(model: FileModel, path: string, isKustomization: boolean): SkippedFile | undefined {
  if (model.skipped) return skippedFile(path, model.skipped);
  if (isKustomization || model.documents.some((d) => d.isKubernetes) || model.objects.length > 0) return undefined;
  // Templated documents make a template only of a Kubernetes object: a `kind` among their lines.
  if (model.documents.some((d) => d.templated && scanHeader(d).kind !== undefined)) {
    return skippedFile(path, 'helm-template', 'template ({{ }} stands for a key or value, a name or a label): not analysed until rendered');
  }
  return skippedFile(path, 'not-kubernetes');
}
