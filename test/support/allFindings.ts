/**
 * Every file's findings from a service over an index's current manifests: what a long-lived
 * service and a fresh one are compared by in the incremental property tests.
 */
import type { NetpolLensSettings } from '../../shared/src/settings';
import { FindingsService } from '../../server/src/service/findingsService';
import type { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { recordingPublisher, type RecordingPublisher } from './recordingPublisher';

export function allFindings(index: WorkspaceIndex, settings: NetpolLensSettings, service: FindingsService): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of index.manifests.files()) out[f.uri] = service.findings(f.uri, index.manifests, settings);
  return out;
}

/** A service whose rules must not fail: an error is thrown, not reported as a finding. */
export function strictService(): FindingsService {
  return new FindingsService((rule, error) => {
    throw new Error(`${rule.id}: ${String(error)}`);
  });
}

/**
 * A long-lived service and publisher over `index`, both having read every file once (the
 * publisher has sent the initial diagnostics, checked against a fresh service); `all` gives every
 * file's findings from a service.
 */
export async function longLived(index: WorkspaceIndex, settings: NetpolLensSettings): Promise<{ service: FindingsService; published: RecordingPublisher; all: (s: FindingsService) => Record<string, unknown> }> {
  const service = strictService();
  const all = (s: FindingsService): Record<string, unknown> => allFindings(index, settings, s);
  all(service);
  const published = recordingPublisher(index, settings, new FindingsService());
  await published.settle();
  published.assertFresh('initial');
  return { service, published, all };
}
