import type { RuleId } from '../report/ruleCatalog';

/** The report sections a control can point at as evidence. */
export type EvidenceSection = 'isolation' | 'policies' | 'policy-editors' | 'separation-of-duties' | 'access-matrix' | 'findings';

/** One control of a framework and what in the report evidences it. */
export interface Control {
  readonly framework: 'PCI DSS v4.0' | 'ISO/IEC 27001:2022';
  /** `1.3` (PCI DSS requirement) or `A.8.22` (ISO/IEC 27001 Annex A control). */
  readonly id: string;
  readonly title: string;
  /** Why these checks bear on the control, in one or two sentences. */
  readonly rationale: string;
  readonly rules: readonly RuleId[];
  readonly sections: readonly EvidenceSection[];
}

const NET_SEGMENTATION: RuleId[] = ['PER-NET-NO-DEFAULT-DENY-INGRESS', 'PER-NET-NO-DEFAULT-DENY-EGRESS', 'PER-NET-OPEN-SENSITIVE-PORT', 'PER-NET-EGRESS-ANYWHERE'];
const NET_CORRECTNESS: RuleId[] = ['PER-NET-POLICY-SELECTS-NOTHING', 'PER-NET-PEER-SELECTS-NOTHING', 'PER-NET-NAMED-PORT-UNDEFINED', 'PER-NET-IPBLOCK-COVERS-PODS', 'PER-NET-DNS-BLOCKED'];
const EXP_EDGE: RuleId[] = ['PER-EXP-INTERNET-SENSITIVE-PORT', 'PER-EXP-LB-NO-SOURCE-RANGES', 'PER-EXP-NODEPORT', 'PER-EXP-HOSTPORT'];
const EXP_SEGMENTATION: RuleId[] = ['PER-EXP-ENTIRE-CLUSTER', 'PER-EXP-SERVICE-CROSS-ZONE'];
const SOD: RuleId[] = ['PER-RBAC-SOD-WORKLOAD-NETPOL', 'PER-RBAC-SOD-NETPOL-RBAC', 'PER-RBAC-DUTY'];
const PRIVILEGED: RuleId[] = ['PER-RBAC-WILDCARD', 'PER-RBAC-ESCALATION', 'PER-RBAC-NETPOL-INDIRECT-EDITOR', 'PER-RBAC-BROAD-GROUP'];

/**
 * Which checks evidence which controls. Perimeter evidences the Kubernetes network-policy and RBAC layer of these
 * controls only; an assessor still judges scope (e.g. which namespaces hold cardholder data) and the other layers.
 */
export const CONTROLS: readonly Control[] = [
  {
    framework: 'PCI DSS v4.0',
    id: '1.2',
    title: 'Network security controls (NSCs) are configured and maintained',
    rationale: 'NetworkPolicies are the cluster’s NSCs: the inventory shows each rule set and what it selects, the editor list shows who can change it (change control), and policies that select nothing or name undefined ports are misconfigurations.',
    rules: [...NET_CORRECTNESS, 'PER-NET-OPEN-SENSITIVE-PORT', 'PER-NET-EGRESS-ANYWHERE', 'PER-EXP-BROKEN-SERVICE'],
    sections: ['policies', 'policy-editors', 'findings'],
  },
  {
    framework: 'PCI DSS v4.0',
    id: '1.3',
    title: 'Network access to and from the cardholder data environment is restricted',
    rationale: 'Inbound and outbound traffic of every namespace is restricted only where pods are isolated: default-deny coverage per direction and rules open to every namespace or address show where it is not.',
    rules: [...NET_SEGMENTATION, ...EXP_SEGMENTATION],
    sections: ['isolation', 'findings'],
  },
  {
    framework: 'PCI DSS v4.0',
    id: '1.4',
    title: 'Network connections between trusted and untrusted networks are controlled',
    rationale: 'ipBlock peers admit or reach addresses outside the cluster; rules admitting 0.0.0.0/0 to sensitive ports, egress to anywhere on every port, and ipBlocks overlapping pod addresses are the uncontrolled connections.',
    rules: ['PER-NET-OPEN-SENSITIVE-PORT', 'PER-NET-EGRESS-ANYWHERE', 'PER-NET-IPBLOCK-COVERS-PODS', 'PER-NET-NO-DEFAULT-DENY-INGRESS', ...EXP_EDGE],
    sections: ['isolation', 'policies', 'findings'],
  },
  {
    framework: 'PCI DSS v4.0',
    id: '7.2',
    title: 'Access to system components and data is appropriately defined and assigned',
    rationale: 'The NetworkPolicy access matrix and editor lists show who holds which rights and through which binding; wildcard, broad-group and escalation rights and duty violations are access beyond need.',
    rules: [...PRIVILEGED, ...SOD, 'PER-RBAC-DANGLING-ROLEREF'],
    sections: ['access-matrix', 'policy-editors', 'separation-of-duties', 'findings'],
  },
  {
    framework: 'ISO/IEC 27001:2022',
    id: 'A.5.3',
    title: 'Segregation of duties',
    rationale: 'Subjects who can both ship workloads and open the network for them, or edit NetworkPolicies and grant themselves access, hold conflicting duties; configured duties name who may hold each capability.',
    rules: SOD,
    sections: ['separation-of-duties', 'findings'],
  },
  {
    framework: 'ISO/IEC 27001:2022',
    id: 'A.5.15',
    title: 'Access control',
    rationale: 'RBAC rules to control access to NetworkPolicies and workloads, as the authorizer evaluates them: the access matrix, the editors of every policy and the access findings.',
    rules: [...PRIVILEGED, 'PER-RBAC-DANGLING-ROLEREF', 'PER-RBAC-DUTY'],
    sections: ['access-matrix', 'policy-editors', 'findings'],
  },
  {
    framework: 'ISO/IEC 27001:2022',
    id: 'A.8.2',
    title: 'Privileged access rights',
    rationale: 'Wildcard rules outside cluster-admin, rights that give more rights (impersonate, bind, escalate, tokens, exec) and one-step paths to editing NetworkPolicies are privileged access to review.',
    rules: PRIVILEGED,
    sections: ['policy-editors', 'findings'],
  },
  {
    framework: 'ISO/IEC 27001:2022',
    id: 'A.8.22',
    title: 'Segregation of networks',
    rationale: 'Namespaces are segregated only where pods are isolated and rules do not admit every namespace; isolation coverage and the network findings show where they are not.',
    rules: [...NET_SEGMENTATION, ...NET_CORRECTNESS, ...EXP_EDGE, ...EXP_SEGMENTATION],
    sections: ['isolation', 'policies', 'findings'],
  },
];
