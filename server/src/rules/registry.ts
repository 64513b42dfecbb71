/** Every rule the server and the CLI run. One import and one entry per rule file. */
import { ipblockClusterRangeRule } from './ipblockClusterRange';
import { ipblockExceptNotStrictSubsetRule } from './ipblockExceptNotStrictSubset';
import { ipblockExceptOutsideCidrRule } from './ipblockExceptOutsideCidr';
import { ipblockExceptRedundantRule } from './ipblockExceptRedundant';
import { ipblockInvalidCidrRule } from './ipblockInvalidCidr';
import { ipblockNoncanonicalCidrRule } from './ipblockNoncanonicalCidr';
import { peerInvalidRule } from './peerInvalid';
import { portInvalidRule } from './portInvalid';
import { protocolInvalidRule } from './protocolInvalid';
import { selectorInvalidRule } from './selectorInvalid';
import { policySelectsNothingRule } from './policySelectsNothing';
import { peerPodSelectorMatchesNothingRule } from './peerPodSelectorMatchesNothing';
import { policySelectsHostNetworkRule } from './policySelectsHostNetwork';
import { peerNamespaceSelectorMatchesNothingRule } from './peerNamespaceSelectorMatchesNothing';
import { egressBlocksDnsRule } from './egressBlocksDns';
import { ingressControllerBlockedRule } from './ingressControllerBlocked';
import { exceptNullifiedRule } from './exceptNullified';
import { denyNullifiedRule } from './denyNullified';
import { namedPortUnresolvedRule } from './namedPortUnresolved';
import { portIsServicePortRule } from './portIsServicePort';
import { workloadNotIsolatedRule } from './workloadNotIsolated';
import { ruleRedundantRule } from './ruleRedundant';
import { deprecatedApiVersionRule } from './deprecatedApiVersion';
import { legacyIsolationAnnotationRule } from './legacyIsolationAnnotation';
import { policyTypesImplicitRule } from './policyTypesImplicit';
import { policyTypesMismatchRule } from './policyTypesMismatch';
import { policyTypesInvalidRule } from './policyTypesInvalid';
import { peerAndOrSplitRule } from './peerAndOrSplit';
import { rulePortsSplitRule } from './rulePortsSplit';
import { allowAllRuleRule } from './allowAllRule';
import { duplicatePolicyRule } from './duplicatePolicy';
import { metadataNameInvalidRule } from './metadataNameInvalid';
import { clusterPolicyActionInvalidRule } from './clusterPolicyActionInvalid';
import { clusterPolicyPriorityInvalidRule } from './clusterPolicyPriorityInvalid';
import { clusterPolicyTierInvalidRule } from './clusterPolicyTierInvalid';
import { clusterPolicySubjectInvalidRule } from './clusterPolicySubjectInvalid';
import { clusterPolicyPeerInvalidRule } from './clusterPolicyPeerInvalid';
import { clusterPolicyPortInvalidRule } from './clusterPolicyPortInvalid';
import { clusterPolicyNetworkInvalidRule } from './clusterPolicyNetworkInvalid';
import { clusterPolicyNetworkNoncanonicalRule } from './clusterPolicyNetworkNoncanonical';
import { clusterPolicyTooLongRule } from './clusterPolicyTooLong';
import { clusterPolicyPriorityOverlapRule } from './clusterPolicyPriorityOverlap';
import { clusterRuleShadowedRule } from './clusterRuleShadowed';
import { passWithoutLowerTierRule } from './passWithoutLowerTier';
import { baselineRuleUnreachableRule } from './baselineRuleUnreachable';
import type { Rule } from './types';
import { unknownFieldRule } from './unknownField';
import { fieldTypeInvalidRule } from './fieldTypeInvalid';
import { yamlSyntaxRule } from './yamlSyntax';
import { documentNotAnalysedRule } from './documentNotAnalysed';
import { yamlDuplicateKeyRule } from './yamlDuplicateKey';

export const ALL_RULES: readonly Rule[] = [
  yamlSyntaxRule,
  documentNotAnalysedRule,
  yamlDuplicateKeyRule,
  ipblockInvalidCidrRule,
  ipblockNoncanonicalCidrRule,
  ipblockExceptOutsideCidrRule,
  ipblockExceptNotStrictSubsetRule,
  ipblockExceptRedundantRule,
  ipblockClusterRangeRule,
  protocolInvalidRule,
  portInvalidRule,
  selectorInvalidRule,
  peerInvalidRule,
  unknownFieldRule,
  fieldTypeInvalidRule,
  policySelectsNothingRule,
  peerPodSelectorMatchesNothingRule,
  policySelectsHostNetworkRule,
  peerNamespaceSelectorMatchesNothingRule,
  egressBlocksDnsRule,
  ingressControllerBlockedRule,
  exceptNullifiedRule,
  denyNullifiedRule,
  namedPortUnresolvedRule,
  portIsServicePortRule,
  workloadNotIsolatedRule,
  ruleRedundantRule,
  deprecatedApiVersionRule,
  legacyIsolationAnnotationRule,
  policyTypesImplicitRule,
  policyTypesMismatchRule,
  policyTypesInvalidRule,
  peerAndOrSplitRule,
  rulePortsSplitRule,
  allowAllRuleRule,
  duplicatePolicyRule,
  metadataNameInvalidRule,
  clusterPolicyActionInvalidRule,
  clusterPolicyPriorityInvalidRule,
  clusterPolicyTierInvalidRule,
  clusterPolicySubjectInvalidRule,
  clusterPolicyPeerInvalidRule,
  clusterPolicyPortInvalidRule,
  clusterPolicyNetworkInvalidRule,
  clusterPolicyNetworkNoncanonicalRule,
  clusterPolicyTooLongRule,
  clusterPolicyPriorityOverlapRule,
  clusterRuleShadowedRule,
  passWithoutLowerTierRule,
  baselineRuleUnreachableRule,
];
