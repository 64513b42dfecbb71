/**
 * The operator catalogue: well-known custom resources and the pods their operators make for
 * them (see each operator's file for where its labels come from), plus well-known kinds that
 * make no pods. A custom resource of a kind listed nowhere here may have pods the workspace does
 * not show.
 */
import { apiGroupOf } from '../../model/apiGroups';
import type { CatalogueEntry } from './catalogueTypes';
import { CLOUDNATIVE_PG } from './cloudnativePg';
import { CONFIGURATION_KINDS } from './configurationKinds';
import { ECK } from './eck';
import { PROMETHEUS_OPERATOR } from './prometheusOperator';
import { STRIMZI } from './strimzi';

export const CATALOGUE: readonly CatalogueEntry[] = [...PROMETHEUS_OPERATOR, ...STRIMZI, ...CLOUDNATIVE_PG, ...ECK, ...CONFIGURATION_KINDS];

const BY_KEY: ReadonlyMap<string, CatalogueEntry> = new Map(CATALOGUE.map((e) => [`${e.group}/${e.kind}`, e]));

/** The catalogue's entry for an object's apiVersion and kind, if it has one. */
export function catalogueEntry(apiVersion: string | undefined, kind: string): CatalogueEntry | undefined {
  const group = apiGroupOf(apiVersion);
  return group === undefined ? undefined : BY_KEY.get(`${group}/${kind}`);
}
