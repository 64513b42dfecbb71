/** Every command the client registers: one import and one entry per command. */
import type { CommandDefinition } from './command';
import { restartServer } from './restartServer';
import { showOutput } from './showOutput';
import { showLocations } from './showLocations';
import { showConnectivityMatrix } from './showConnectivityMatrix';
import { explainTraffic } from './explainTraffic';
import { generateDefaultDeny } from './generateDefaultDeny';
import { allowDnsEgress } from './allowDnsEgress';
import { migrateDeprecatedApis } from './migrateDeprecatedApis';
import { fixAll } from './fixAll';
import { compareConnectivity } from './compareConnectivity';

export const ALL_COMMANDS: readonly CommandDefinition[] = [
  restartServer,
  showOutput,
  showLocations,
  showConnectivityMatrix,
  explainTraffic,
  generateDefaultDeny,
  allowDnsEgress,
  migrateDeprecatedApis,
  fixAll,
  compareConnectivity,
];
