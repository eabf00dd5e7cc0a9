import { subjectKey } from '../rbac/subjects';
import type { RbacIndex } from '../rbac/buildRbacIndex';
import type { Finding } from './finding';
import { CHANGE_NETWORK_POLICIES, CHANGE_RBAC, CHANGE_WORKLOADS, allNamespaces, coveredByOneGroup, findingId, holderEvidence, holders, mergeHolders, systemAware, type Ask, type Capability, type Holder } from './rbacEvidence';

interface SodRule {
  readonly ruleId: string;
  readonly a: Capability;
  readonly b: Capability;
  readonly why: string;
  readonly fix: string;
}

export const SOD_RULES: readonly SodRule[] = [
  {
    ruleId: 'PER-RBAC-SOD-WORKLOAD-NETPOL',
    a: CHANGE_WORKLOADS,
    b: CHANGE_NETWORK_POLICIES,
    why: 'can open the network for the code it ships',
    fix: 'Split the role: give NetworkPolicy write access to a separate group (e.g. the security team) and keep deploy rights apart.',
  },
  {
    ruleId: 'PER-RBAC-SOD-NETPOL-RBAC',
    a: CHANGE_NETWORK_POLICIES,
    b: CHANGE_RBAC,
    why: 'can grant itself or others NetworkPolicy access: it approves its own access',
    fix: 'Remove role/binding write and bind/escalate from NetworkPolicy editors; leave RBAC changes to a separate admin group.',
  },
];

/**
 * Subjects that hold two capabilities that should be separated, in the same namespace. A subject that holds both at
 * cluster scope (ClusterRoleBindings) gets one finding for every namespace; otherwise one per namespace.
 */
export function separationOfDutiesFindings(index: RbacIndex, ask: Ask): Finding[] {
  const out: Finding[] = [];
  const namespaces = allNamespaces(index);
  for (const rule of SOD_RULES) {
    const clusterA = holders(ask, rule.a, undefined);
    const clusterB = holders(ask, rule.b, undefined);
    const clusterWide = new Set<string>();
    for (const [key, ha] of clusterA) {
      const hb = clusterB.get(key);
      if (!hb) continue;
      clusterWide.add(key);
      if (coveredByOneGroup(ha.subject, allPaths(ha, hb))) continue;
      out.push(make(rule, ha, hb, undefined));
    }
    for (const ns of namespaces) {
      // Only subjects with a grant from this namespace's RoleBindings can conflict here but not cluster-wide.
      const a = holders(ask, rule.a, ns, true);
      const b = holders(ask, rule.b, ns, true);
      for (const key of new Set([...a.keys(), ...b.keys()])) {
        if (clusterWide.has(key)) continue;
        const ha = mergeHolders(clusterA.get(key), a.get(key));
        const hb = mergeHolders(clusterB.get(key), b.get(key));
        if (ha && hb && !coveredByOneGroup(ha.subject, allPaths(ha, hb))) out.push(make(rule, ha, hb, ns));
      }
    }
  }
  return out;
}

const allPaths = (ha: Holder, hb: Holder) => [...ha.rights, ...hb.rights].flatMap((r) => r.paths);

function make(rule: SodRule, ha: Holder, hb: Holder, namespace: string | undefined): Finding {
  const paths = allPaths(ha, hb);
  const { severity, system } = systemAware('high', ha.subject, paths);
  const where = namespace ? `in namespace ${namespace}` : 'in every namespace (cluster-wide grants)';
  return {
    id: findingId(rule.ruleId, ha.subject, namespace),
    ruleId: rule.ruleId,
    severity,
    title: `${subjectKey(ha.subject)} can ${rule.a.label} and ${rule.b.label} ${where}: it ${rule.why}${system ? ' (Kubernetes component, built-in grants)' : ''}`,
    subject: ha.subject,
    namespace,
    evidence: [...holderEvidence(rule.a, ha), ...holderEvidence(rule.b, hb)],
    fix: rule.fix,
  };
}
