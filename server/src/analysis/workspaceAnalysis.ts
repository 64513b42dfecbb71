/**
 * The engine's view of the whole workspace for one manifest version: built from the models,
 * queried by cross-file rules, hovers, lenses and commands. Pure: same manifests and settings,
 * same answers.
 */
import type { NetpolLensSettings } from '../../../shared/src/settings';
import type { K8sObject } from '../model/k8sObject';
import type { ManifestSet } from '../model/manifestSet';

export class WorkspaceAnalysis {
  constructor(
    readonly manifests: ManifestSet,
    readonly settings: NetpolLensSettings,
  ) {}

  /** The namespace an object lives in: its own, else the configured default. */
  namespaceOf(obj: K8sObject): string {
    return obj.namespace ?? this.settings.defaultNamespace;
  }
}
