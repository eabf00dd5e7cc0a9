import { NETWORK_RULE_IDS, type NetworkRuleId } from '../findings/networkFindings';
import { RBAC_RULE_IDS } from '../findings/rbacFindings';
import { EXPOSURE_RULE_IDS, type ExposureRuleId } from '../findings/exposureFindings';
import type { Severity } from '../findings/finding';

type RbacRuleId = (typeof RBAC_RULE_IDS)[number];
/** Every rule id Perimeter reports. */
export type RuleId = NetworkRuleId | ExposureRuleId | RbacRuleId;

/** What a report says about a rule: the docs/rules.md row in data form (SARIF rule metadata, report appendix). */
export interface RuleInfo {
  readonly id: RuleId;
  readonly area: 'network' | 'exposure' | 'rbac';
  /** The highest severity the rule reports (some rules report lower ones, e.g. system components). */
  readonly severity: Severity;
  /** A short name, e.g. "No default-deny ingress". */
  readonly name: string;
  /** What it finds and why it matters, one or two sentences. */
  readonly explanation: string;
  readonly fix: string;
}

const NET: Record<NetworkRuleId, Omit<RuleInfo, 'id' | 'area'>> = {
  'PER-NET-NO-DEFAULT-DENY-INGRESS': { severity: 'medium', name: 'No default-deny ingress', explanation: 'A namespace with pods has no policy that selects every pod (podSelector {}) and isolates ingress without allowing everything back; any pod not selected by a specific policy accepts traffic from everywhere. Low when every pod is already isolated, or in a Kubernetes system namespace.', fix: 'Add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress] and no ingress rules, then allow what is needed.' },
  'PER-NET-NO-DEFAULT-DENY-EGRESS': { severity: 'low', name: 'No default-deny egress', explanation: 'A namespace with pods has no policy that selects every pod and isolates egress; pods can open connections anywhere, including the internet, unless a specific policy selects them.', fix: 'Add a NetworkPolicy with podSelector: {} and policyTypes: [Egress] and no egress rules, then allow DNS and what is needed.' },
  'PER-NET-POLICY-SELECTS-NOTHING': { severity: 'medium', name: 'Policy selects no pod', explanation: 'The policy’s podSelector matches no pod of its namespace, so it has no effect — usually a label typo that leaves the intended pods unprotected or blocked.', fix: 'Fix the podSelector labels or delete the policy.' },
  'PER-NET-PEER-SELECTS-NOTHING': { severity: 'low', name: 'Peer matches no pod', explanation: 'A rule peer (namespaceSelector and/or podSelector) matches no pod, so the traffic it was meant to allow is not allowed.', fix: 'Fix the peer’s selector labels, or remove the peer.' },
  'PER-NET-OPEN-SENSITIVE-PORT': { severity: 'high', name: 'Sensitive port open to every namespace or the internet', explanation: 'An ingress rule admits every source (no from), every namespace (namespaceSelector {}) or an ipBlock /0 on a sensitive port (SSH, databases, caches, etcd, kubelet, Docker; every port counts as including them). Named ports are resolved on the selected pods. AdminNetworkPolicy/BaselineAdminNetworkPolicy Allow rules from every namespace count too.', fix: 'Restrict the peers to the namespaces/pods or address ranges that need the port, or drop the sensitive ports.' },
  'PER-NET-EGRESS-ANYWHERE': { severity: 'medium', name: 'Egress to anywhere on every port', explanation: 'An egress rule on every port reaches every destination (no to) or an ipBlock /0: the selected pods can exfiltrate to any address on any port.', fix: 'List the destination ports (e.g. TCP 443) and narrow the ipBlock to the services needed.' },
  'PER-NET-DNS-BLOCKED': { severity: 'medium', name: 'DNS blocked for an isolated workload', explanation: 'An egress-isolated workload cannot reach the cluster DNS pods (k8s-app=kube-dns; any destination when there are none) on UDP 53, so name resolution fails. Computed on the full connectivity: a DNS pod whose own ingress refuses the client also counts.', fix: 'Allow egress to namespace kube-system pods k8s-app=kube-dns on UDP 53 and TCP 53.' },
  'PER-NET-NAMED-PORT-UNDEFINED': { severity: 'medium', name: 'Named port that resolves nowhere', explanation: 'An ingress rule names a port (name and protocol) that no selected pod declares, or an egress rule combines a named port with an ipBlock; such a port allows nothing.', fix: 'Use a port name the pods declare, or a port number.' },
  'PER-NET-IPBLOCK-COVERS-PODS': { severity: 'medium', name: 'ipBlock overlapping pod addresses', explanation: 'An ipBlock covers pod addresses of the snapshot. Kubernetes says ipBlocks are meant for addresses outside the cluster; CNIs differ on whether they apply to pod traffic, so the effective policy depends on the CNI.', fix: 'Select pods with pod/namespace selectors; keep ipBlocks for addresses outside the cluster.' },
};

const EXP: Record<ExposureRuleId, Omit<RuleInfo, 'id' | 'area'>> = {
  'PER-EXP-INTERNET-SENSITIVE-PORT': { severity: 'high', name: 'Internet-reachable sensitive port', explanation: 'An entry point (LoadBalancer, NodePort, externalIPs, Ingress/Route/Gateway through its controller, hostPort, host network) carries internet traffic to a workload and its policies let it through to a sensitive port (SSH, databases, caches, etcd, kubelet, Docker).', fix: 'Drop the port from the Service or route, restrict the source ranges, or deny it in the pod’s ingress policy.' },
  'PER-EXP-LB-NO-SOURCE-RANGES': { severity: 'medium', name: 'LoadBalancer without source ranges', explanation: 'A LoadBalancer Service (not internal) without loadBalancerSourceRanges (or the deprecated annotation) accepts every address; low when every path behind it is closed by policies.', fix: 'Set spec.loadBalancerSourceRanges, or make it an internal load balancer.' },
  'PER-EXP-NODEPORT': { severity: 'medium', name: 'NodePort exposure', explanation: 'A NodePort (or a LoadBalancer’s node ports) opens the port on every node’s address; node firewalls are not in the snapshot. Low when every path is closed by policies.', fix: 'Use a ClusterIP Service behind an Ingress or a LoadBalancer with source ranges, or firewall the node ports.' },
  'PER-EXP-HOSTPORT': { severity: 'high', name: 'hostPort exposure', explanation: 'A pod binds a port on its node’s address (hostPort): high on a sensitive port, medium otherwise, low when its policies close it.', fix: 'Drop hostPort and expose the pod through a Service.' },
  'PER-EXP-BROKEN-SERVICE': { severity: 'medium', name: 'Broken Service', explanation: 'A Service that selects no pod, whose ports resolve on none of its pods, or whose pods’ ingress policies admit no other pod of the cluster and no entry point on its ports: every call to it times out.', fix: 'Fix the selector or targetPort, or allow the Service’s clients in the pods’ ingress policy.' },
  'PER-EXP-SERVICE-CROSS-ZONE': { severity: 'medium', name: 'Service across trust zones', explanation: 'A Service selects pods of several trust zones (the pod’s, else its namespace’s, zone label; perimeter.io/zone unless configured), so its clients reach both.', fix: 'Add the zone label to the selector, or split the Service.' },
  'PER-EXP-ENTIRE-CLUSTER': { severity: 'low', name: 'Open to the entire cluster', explanation: 'A workload protected by ingress policies that still admit every pod of every namespace (entire-cluster in the exposure analysis), future pods included; on a sensitive port the rule is also PER-NET-OPEN-SENSITIVE-PORT.', fix: 'Replace namespaceSelector: {} with the namespaces and pod labels of the real clients.' },
};

const RBAC: Record<RbacRuleId, Omit<RuleInfo, 'id' | 'area'>> = {
  'PER-RBAC-SOD-WORKLOAD-NETPOL': { severity: 'high', name: 'Deploys and edits NetworkPolicies', explanation: 'A subject can change workloads and change NetworkPolicies in the same namespace: it can open the network for the code it ships.', fix: 'Split the role; give NetworkPolicy rights to a separate group.' },
  'PER-RBAC-SOD-NETPOL-RBAC': { severity: 'high', name: 'Edits NetworkPolicies and RBAC', explanation: 'A subject can change NetworkPolicies and change RBAC in the same namespace: it can approve its own access.', fix: 'Leave RBAC changes to a separate admin group.' },
  'PER-RBAC-WILDCARD': { severity: 'high', name: 'Wildcard rule outside cluster-admin', explanation: 'A rule with * in verbs, apiGroups, resources or nonResourceURLs granted by a role other than cluster-admin (high with * verbs on * resources, else medium).', fix: 'List the verbs, groups and resources needed, or bind cluster-admin explicitly.' },
  'PER-RBAC-BROAD-GROUP': { severity: 'high', name: 'Rights granted to a broad group', explanation: 'Rights granted to system:authenticated, system:unauthenticated, system:serviceaccounts or system:serviceaccounts:NS (high when they write, read secrets, or reach unauthenticated users; else medium).', fix: 'Bind the role to the specific subjects that need it.' },
  'PER-RBAC-ESCALATION': { severity: 'high', name: 'Privilege escalation right', explanation: 'Rights that give more rights: impersonate, bind/escalate roles, nodes/proxy, serviceaccounts/token, or pods/exec where ServiceAccounts are powerful.', fix: 'Remove them unless the subject administers access; scope with resourceNames.' },
  'PER-RBAC-NETPOL-INDIRECT-EDITOR': { severity: 'medium', name: 'Indirect NetworkPolicy editor', explanation: 'A subject that is not a NetworkPolicy editor can become one in one step (impersonate, bind, escalate, run a workload as, or mint a token for an editor).', fix: 'Remove the step’s right, or the NetworkPolicy rights of the ServiceAccount it goes through.' },
  'PER-RBAC-DUTY': { severity: 'high', name: 'Holds a duty without being allowed', explanation: 'A subject holds a duty’s capability (networkPolicyEditors, deployers, rbacAdmins) without being allowed by perimeter.config.yaml.', fix: 'Remove the grant, or add the subject or its group to the duty.' },
  'PER-RBAC-DANGLING-ROLEREF': { severity: 'low', name: 'Binding to a missing role', explanation: 'A binding’s roleRef names a Role/ClusterRole that does not exist: whoever creates a role of that name grants its rules to the binding’s subjects.', fix: 'Delete the binding or point it at an existing role.' },
};

/** Every rule, network rules first, in docs/rules.md order. */
export const RULES: readonly RuleInfo[] = [
  ...NETWORK_RULE_IDS.map((id) => ({ id, area: 'network' as const, ...NET[id] })),
  ...EXPOSURE_RULE_IDS.map((id) => ({ id, area: 'exposure' as const, ...EXP[id] })),
  ...RBAC_RULE_IDS.map((id) => ({ id, area: 'rbac' as const, ...RBAC[id] })),
];

/** The rule of an id, if Perimeter has one. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES.find((r) => r.id === id);
}
