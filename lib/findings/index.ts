export * from './finding';
export * from './rbacFindings';
export { DUTY_CAPABILITIES, dutyAllows } from './rbacDutyFindings';
export { CHANGE_NETWORK_POLICIES, CHANGE_RBAC, CHANGE_WORKLOADS, isSystemSubject, isBuiltinPath } from './rbacEvidence';
export { NETWORK_RULE_IDS, SENSITIVE_PORTS, networkFindings } from './networkFindings';
export type { NetworkRuleId, SensitivePort } from './networkFindings';
export { allowMatches, applyRuleConfig, failingFindings } from './configRules';
export type { ReportedFinding } from './configRules';
