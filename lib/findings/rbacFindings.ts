import type { NetworkPolicy } from '../model';
import type { RbacIndex } from '../rbac/buildRbacIndex';
import { whoCanCache } from '../rbac/whoCan';
import type { Finding } from './finding';
import { dutyFindings } from './rbacDutyFindings';
import { sortFindings } from './rbacEvidence';
import { broadGroupFindings, danglingRoleRefFindings, escalationFindings, indirectEditorFindings, wildcardFindings } from './rbacRiskFindings';
import { separationOfDutiesFindings } from './rbacSeparationOfDuties';

/** Every RBAC rule id, as documented in docs/rules.md ("RBAC rules"). */
export const RBAC_RULE_IDS = [
  'PER-RBAC-SOD-WORKLOAD-NETPOL',
  'PER-RBAC-SOD-NETPOL-RBAC',
  'PER-RBAC-WILDCARD',
  'PER-RBAC-BROAD-GROUP',
  'PER-RBAC-ESCALATION',
  'PER-RBAC-NETPOL-INDIRECT-EDITOR',
  'PER-RBAC-DUTY',
  'PER-RBAC-DANGLING-ROLEREF',
] as const;

/**
 * Runs every RBAC check on an index (built with the config whose duties apply) and the snapshot's NetworkPolicies.
 * Findings are sorted by severity, then id.
 */
export function rbacFindings(index: RbacIndex, policies: readonly NetworkPolicy[]): Finding[] {
  const ask = whoCanCache(index);
  return sortFindings([
    ...separationOfDutiesFindings(index, ask),
    ...wildcardFindings(index),
    ...broadGroupFindings(index),
    ...escalationFindings(index, ask),
    ...indirectEditorFindings(index, policies),
    ...dutyFindings(index, ask),
    ...danglingRoleRefFindings(index),
  ]);
}
