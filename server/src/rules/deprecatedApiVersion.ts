/**
 * `deprecated-api-version`: an object written in an apiVersion the upstream deprecation guide lists,
 * judged against `targetKubernetesVersion`: an error when the target no longer serves it (kubectl
 * apply fails), a warning when it is deprecated there, nothing when the target predates the
 * deprecation. The fix migrates the object (see `deprecation/migrations.ts`).
 */
import { DEFAULT_SETTINGS } from '../../../shared/src/settings';
import { deprecatedApi, formatVersion, parseKubernetesVersion, statusAt, type DeprecatedApi, type KubernetesVersion } from './deprecation/deprecatedApis';
import { migrationFix } from './deprecation/migrations';
import type { Finding, Rule } from './types';

export const deprecatedApiVersionRule: Rule = {
  id: 'deprecated-api-version',
  scope: 'file',
  check({ file, settings }) {
    const target = parseKubernetesVersion(settings.targetKubernetesVersion) ?? parseKubernetesVersion(DEFAULT_SETTINGS.targetKubernetesVersion);
    if (!target) return [];
    const findings: Finding[] = [];
    for (const object of file.objects) {
      const node = object.apiVersionNode;
      if (!node || object.apiVersion === undefined) continue;
      const api = deprecatedApi(object.apiVersion, object.kind);
      if (!api) continue;
      const status = statusAt(api, target);
      if (status === 'current') continue;
      const fix = migrationFix(file.text, object, api);
      findings.push({
        ruleId: 'deprecated-api-version',
        message: status === 'removed' ? removedMessage(api, target) : deprecatedMessage(api, target),
        start: node.start,
        end: node.end,
        severity: status === 'removed' ? 'error' : 'warning',
        tags: ['deprecated'],
        fixes: fix ? [fix] : [],
      });
    }
    return findings;
  },
};

function instead(api: DeprecatedApi): string {
  const note = api.note === undefined ? '' : ` (${api.note})`;
  if (!api.replacement) return `; it has no replacement${note}`;
  const since = api.replacementSince ? `, served since ${formatVersion(api.replacementSince)}` : '';
  return `; use ${api.replacement}${since}${note}`;
}

function removedMessage(api: DeprecatedApi, target: KubernetesVersion): string {
  return (
    `kubectl apply fails on Kubernetes ≥${formatVersion(api.removedIn)} (target ${formatVersion(target)}): ` +
    `no matches for kind "${api.kind}" in version "${api.apiVersion}"${instead(api)}.`
  );
}

function deprecatedMessage(api: DeprecatedApi, target: KubernetesVersion): string {
  return (
    `${api.kind} ${api.apiVersion} is deprecated since Kubernetes ${formatVersion(api.deprecatedIn)}: ${formatVersion(target)} still serves it with a ` +
    `deprecation warning, but from ${formatVersion(api.removedIn)} kubectl apply fails with no matches for kind "${api.kind}"${instead(api)}.`
  );
}
