import type { Duty, DutyName } from '../config/config';
import type { Subject } from '../model';
import type { RbacIndex } from '../rbac/buildRbacIndex';
import { principalOf, subjectKey } from '../rbac/subjects';
import type { Finding } from './finding';
import { CHANGE_NETWORK_POLICIES, CHANGE_RBAC, CHANGE_WORKLOADS, allNamespaces, coveredByOneGroup, findingId, holderEvidence, holders, mergeHolders, systemAware, type Ask, type Capability, type Holder } from './rbacEvidence';

/** The capability each duty restricts (docs/config.md). */
export const DUTY_CAPABILITIES: Record<DutyName, Capability> = {
  networkPolicyEditors: CHANGE_NETWORK_POLICIES,
  deployers: CHANGE_WORKLOADS,
  rbacAdmins: CHANGE_RBAC,
};

/** Whether a subject is covered by a duty's allowed list: named there, or a member of a named group. */
export function dutyAllows(index: RbacIndex, duty: Duty, subject: Subject): boolean {
  const allowed = new Set(duty.allowed.map(subjectKey));
  if (allowed.has(subjectKey(subject))) return true;
  // Group membership as the authorizer sees it: declared groups of users, implicit groups of ServiceAccounts.
  if (subject.kind === 'Group') return false;
  return principalOf(subject, index.userGroups).groups.some((g) => allowed.has(`Group:${g}`));
}

/** PER-RBAC-DUTY: every subject holding a duty's capability without being allowed, per namespace or cluster-wide. */
export function dutyFindings(index: RbacIndex, ask: Ask): Finding[] {
  const out: Finding[] = [];
  for (const duty of index.config.duties) {
    const cap = DUTY_CAPABILITIES[duty.name];
    const clusterWide = new Set<string>();
    const report = (h: Holder, ns: string | undefined) => {
      if (dutyAllows(index, duty, h.subject)) return;
      const paths = h.rights.flatMap((r) => r.paths);
      if (coveredByOneGroup(h.subject, paths)) return;
      const { severity, system } = systemAware('high', h.subject, paths);
      out.push({
        id: findingId('PER-RBAC-DUTY', h.subject, ns, duty.name),
        ruleId: 'PER-RBAC-DUTY',
        severity,
        title: `${subjectKey(h.subject)} can ${cap.label} ${ns ? `in namespace ${ns}` : 'in every namespace'} but is not in duty ${duty.name}${system ? ' (Kubernetes component, built-in grants)' : ''}`,
        subject: h.subject,
        namespace: ns,
        evidence: holderEvidence(cap, h),
        fix: `Remove the grant, or add the subject (or its group) to duties.${duty.name} in perimeter.config.yaml if it is intended.`,
      });
    };
    const cluster = holders(ask, cap, undefined);
    if (!duty.namespaces) {
      for (const [k, h] of cluster) {
        clusterWide.add(k);
        report(h, undefined);
      }
    }
    for (const ns of duty.namespaces ?? allNamespaces(index)) {
      // With a namespace list, cluster-wide holders are reported per listed namespace; otherwise once above.
      const local = duty.namespaces ? holders(ask, cap, ns) : holders(ask, cap, ns, true);
      for (const [k, h] of local) if (!clusterWide.has(k)) report(duty.namespaces ? h : mergeHolders(cluster.get(k), h)!, ns);
    }
  }
  return out;
}
