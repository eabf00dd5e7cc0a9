import type { LabelSelector, NetworkPolicy, ObjectRef, Protocol, Warning } from '../model';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from '../netpol/compile';
import { rulePortSet } from '../netpol/compile';
import { adminPortSet, describeSubject } from '../netpol/compileAdmin';
import type { Connectivity } from '../netpol/connectivity';
import { connectionBetween, listEndpoints, type Endpoint } from '../netpol/endpoints';
import { formatPorts, intersectPorts, isAllPorts, isEmptyPorts, portRangeSet, portsContain, unionPorts, NO_PORTS, type PortSet } from '../netpol/portSet';
import { formatSelector, selectorMatches, selectsAll } from '../netpol/selector';
import type { Evidence, Finding, Severity } from './finding';
import { sortFindings } from './rbacEvidence';

/** Every network rule id, as documented in docs/rules.md ("Network rules"). */
export const NETWORK_RULE_IDS = [
  'PER-NET-NO-DEFAULT-DENY-INGRESS',
  'PER-NET-NO-DEFAULT-DENY-EGRESS',
  'PER-NET-POLICY-SELECTS-NOTHING',
  'PER-NET-PEER-SELECTS-NOTHING',
  'PER-NET-OPEN-SENSITIVE-PORT',
  'PER-NET-EGRESS-ANYWHERE',
  'PER-NET-DNS-BLOCKED',
  'PER-NET-NAMED-PORT-UNDEFINED',
  'PER-NET-IPBLOCK-COVERS-PODS',
] as const;
export type NetworkRuleId = (typeof NETWORK_RULE_IDS)[number];

/** One sensitive port: administration, databases, caches, cluster control planes. */
export interface SensitivePort {
  readonly protocol: Protocol;
  readonly port: number;
  readonly name: string;
}

/** Ports that should never be open to every namespace or the internet (docs/rules.md lists them). */
export const SENSITIVE_PORTS: readonly SensitivePort[] = [
  { protocol: 'TCP', port: 22, name: 'ssh' },
  { protocol: 'TCP', port: 23, name: 'telnet' },
  { protocol: 'TCP', port: 1433, name: 'mssql' },
  { protocol: 'TCP', port: 1521, name: 'oracle' },
  { protocol: 'TCP', port: 2375, name: 'docker' },
  { protocol: 'TCP', port: 2376, name: 'docker-tls' },
  { protocol: 'TCP', port: 2379, name: 'etcd' },
  { protocol: 'TCP', port: 2380, name: 'etcd-peer' },
  { protocol: 'TCP', port: 3306, name: 'mysql' },
  { protocol: 'TCP', port: 3389, name: 'rdp' },
  { protocol: 'TCP', port: 5432, name: 'postgres' },
  { protocol: 'TCP', port: 5984, name: 'couchdb' },
  { protocol: 'TCP', port: 6379, name: 'redis' },
  { protocol: 'TCP', port: 9042, name: 'cassandra' },
  { protocol: 'TCP', port: 9200, name: 'elasticsearch' },
  { protocol: 'TCP', port: 10250, name: 'kubelet' },
  { protocol: 'TCP', port: 11211, name: 'memcached' },
  { protocol: 'TCP', port: 27017, name: 'mongodb' },
];

/** Namespaces run by Kubernetes itself: their default-deny findings are `low` (CNIs and add-ons live there). */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

const policyRef = (p: NetworkPolicy): ObjectRef => ({ kind: 'NetworkPolicy', namespace: p.namespace, name: p.name });
const netFindingId = (rule: NetworkRuleId, key: string) => `${rule}:${key}`;

/** Compile warnings that are network findings: the engine already computed them, so they are reused, not redone. */
const FROM_WARNINGS: Record<string, { rule: NetworkRuleId; severity: Severity; fix: string }> = {
  'netpol-selects-nothing': { rule: 'PER-NET-POLICY-SELECTS-NOTHING', severity: 'medium', fix: 'Fix the podSelector labels (a typo?) or delete the policy.' },
  'netpol-peer-matches-nothing': { rule: 'PER-NET-PEER-SELECTS-NOTHING', severity: 'low', fix: 'Fix the peer’s selector labels, or remove the peer.' },
  'netpol-named-port-undefined': { rule: 'PER-NET-NAMED-PORT-UNDEFINED', severity: 'medium', fix: 'Use a port name the selected pods declare (name and protocol), or a port number.' },
  'netpol-named-port-to-ipblock': { rule: 'PER-NET-NAMED-PORT-UNDEFINED', severity: 'medium', fix: 'Use a port number toward ipBlock peers.' },
  'netpol-ipblock-covers-pods': { rule: 'PER-NET-IPBLOCK-COVERS-PODS', severity: 'medium', fix: 'Select pods with pod/namespace selectors; keep ipBlocks for addresses outside the cluster.' },
};

/** Engine warning codes that network findings report (a report lists them as findings, not again as warnings). */
export const FINDING_WARNING_CODES: ReadonlySet<string> = new Set(Object.keys(FROM_WARNINGS));

function warningFindings(warnings: readonly Warning[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  for (const w of warnings) {
    const spec = FROM_WARNINGS[w.code];
    if (!spec || !w.object) continue;
    const base = netFindingId(spec.rule, `${w.object.namespace}/${w.object.name}`);
    // Several warnings on one policy (two peers) get distinct, stable ids by their order in the policy.
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({
      id: n === 0 ? base : `${base}#${n + 1}`,
      ruleId: spec.rule,
      severity: spec.severity,
      title: w.message,
      namespace: w.object.namespace,
      object: w.object,
      evidence: [{ text: w.message, refs: [w.object] }],
      fix: spec.fix,
    });
  }
  return out;
}

/**
 * A default deny of one direction: a policy selecting every pod of its namespace (empty podSelector) that isolates
 * the direction and has no rule allowing every pod of every namespace, or anywhere, on every port (which undoes it).
 */
export function isDefaultDeny(p: NetworkPolicy, direction: 'Ingress' | 'Egress'): boolean {
  if (!selectsAll(p.podSelector) || !p.policyTypes.includes(direction)) return false;
  const rules = direction === 'Ingress' ? p.ingress : p.egress;
  return !rules.some(undoesDeny);
}

/**
 * A rule that allows every port to every pod of every namespace (no peers, or a peer `namespaceSelector: {}` without
 * a narrowing podSelector) or to anywhere (an ipBlock /0): next to it the "deny" denies nothing that matters.
 */
function undoesDeny(r: NetworkPolicy['ingress'][number]): boolean {
  if (!isAllPorts(rulePortSet(r.ports, null))) return false;
  if (r.peers.length === 0) return true;
  return r.peers.some((x) => (x.kind === 'ipBlock' ? x.cidr.trim().endsWith('/0') : x.namespaceSelector !== undefined && selectsAll(x.namespaceSelector) && (!x.podSelector || selectsAll(x.podSelector))));
}

function defaultDenyFindings(conn: Connectivity): Finding[] {
  const c = conn.compiled;
  const podsByNs = new Map<string, number>();
  for (const p of c.pods) podsByNs.set(p.pod.namespace, (podsByNs.get(p.pod.namespace) ?? 0) + 1);
  const out: Finding[] = [];
  for (const [ns, count] of [...podsByNs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const policies = c.snapshot.networkPolicies.filter((p) => p.namespace === ns);
    for (const direction of ['Ingress', 'Egress'] as const) {
      if (policies.some((p) => isDefaultDeny(p, direction))) continue;
      const rule: NetworkRuleId = direction === 'Ingress' ? 'PER-NET-NO-DEFAULT-DENY-INGRESS' : 'PER-NET-NO-DEFAULT-DENY-EGRESS';
      const system = SYSTEM_NAMESPACES.has(ns);
      const isolated = c.pods.filter((p) => p.pod.namespace === ns && (direction === 'Ingress' ? c.classIngressPolicies : c.classEgressPolicies)[p.classId].length > 0).length;
      // Every pod isolated by specific policies today: only new pods would be open, so the finding is low.
      const severity: Severity = system || isolated === count || direction === 'Egress' ? 'low' : 'medium';
      const dir = direction.toLowerCase();
      const admin = adminPoliciesOver(conn, ns, direction);
      out.push({
        id: netFindingId(rule, ns),
        ruleId: rule,
        severity,
        title: `namespace ${ns} has no default-deny ${dir} policy; ${isolated === count ? `its ${count} pod(s) are isolated by specific policies, new pods would not be` : `${count - isolated} of ${count} pod(s) are not ${dir}-isolated`}${system ? ' (Kubernetes system namespace)' : ''}`,
        namespace: ns,
        object: { kind: 'Namespace', name: ns },
        evidence: [
          {
            text: policies.length === 0 ? `no NetworkPolicy in namespace ${ns}` : `${policies.length} NetworkPolicy(ies) in ${ns}, none selects every pod (podSelector {}) with ${direction} in policyTypes and no allow-all ${dir} rule`,
            refs: policies.map(policyRef),
          },
          ...(admin.length
            ? [{ text: `${admin.map((a) => `${a.kind} ${a.name}`).join(', ')} also appl${admin.length === 1 ? 'ies' : 'y'} to pods of ${ns} with ${dir} rules; the connectivity accounts for them, but they are the platform's guardrails, not the namespace's own default deny`, refs: admin }]
            : []),
        ],
        fix: `Add a NetworkPolicy with podSelector: {} and policyTypes: [${direction}] (no ${dir} rules) in ${ns}, then allow what is needed.`,
      });
    }
  }
  return out;
}

/** (Baseline)AdminNetworkPolicies whose subject covers a namespace (all or some of its pods) and that have rules of a direction. */
function adminPoliciesOver(conn: Connectivity, ns: string, direction: 'Ingress' | 'Egress'): ObjectRef[] {
  const s = conn.compiled.snapshot;
  const labels = conn.compiled.namespaceLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns };
  const applies = (p: { subject: { namespaceSelector: LabelSelector }; ingress: readonly unknown[]; egress: readonly unknown[] }) =>
    selectorMatches(p.subject.namespaceSelector, labels) && (direction === 'Ingress' ? p.ingress : p.egress).length > 0;
  return [
    ...s.adminNetworkPolicies.filter(applies).map((p): ObjectRef => ({ kind: 'AdminNetworkPolicy', name: p.name })),
    ...s.baselineAdminNetworkPolicies.filter(applies).map((p): ObjectRef => ({ kind: 'BaselineAdminNetworkPolicy', name: p.name })),
  ];
}

/** Whether an ipBlock peer is "anywhere": a /0 of either family (excepts do not make it narrow). */
function isAnywhereBlock(peer: CompiledPeer): boolean {
  return peer.kind === 'ipBlock' && peer.range !== undefined && peer.cidr.trim().endsWith('/0');
}

/** Why a rule's peers reach "everyone": every peer (empty list), every namespace, or a /0 ipBlock. */
function broadPeers(rule: CompiledRule): string[] {
  if (rule.peers.length === 0) return ['every source (no `from`: all pods and all addresses)'];
  const out: string[] = [];
  for (const p of rule.peers) {
    if (p.kind === 'pods' && p.namespaceSelector && selectsAll(p.namespaceSelector)) {
      out.push(`every namespace (peer #${p.index + 1}: namespaceSelector {}${p.podSelector ? ` and podSelector ${formatSelector(p.podSelector)}` : ''})`);
    } else if (isAnywhereBlock(p) && p.kind === 'ipBlock') {
      out.push(`anywhere (peer #${p.index + 1}: ipBlock ${p.cidr}${p.except.length ? ` except ${p.except.join(', ')}` : ''})`);
    }
  }
  return out;
}

function sensitiveIn(ports: PortSet): SensitivePort[] {
  return SENSITIVE_PORTS.filter((s) => portsContain(ports, s.protocol, s.port));
}

/** Ingress from every namespace or from anywhere to a sensitive port of the selected pods (named ports resolved on them). */
function openSensitiveFindings(conn: Connectivity): Finding[] {
  const c = conn.compiled;
  const out: Finding[] = [];
  for (const cp of c.policies) {
    if (cp.selectedClasses.length === 0 || !cp.isolatesIngress) continue;
    for (const rule of cp.ingress) {
      const broad = broadPeers(rule);
      if (broad.length === 0) continue;
      let ports: PortSet = NO_PORTS;
      for (const cid of cp.selectedClasses) ports = unionPorts(ports, rulePortSet(rule.ports, c.classes[cid].namedPorts));
      const hits = sensitiveIn(ports);
      if (hits.length === 0) continue;
      const all = isAllPorts(ports);
      const key = `${cp.key}:ingress-${rule.index}`;
      out.push({
        id: netFindingId('PER-NET-OPEN-SENSITIVE-PORT', key),
        ruleId: 'PER-NET-OPEN-SENSITIVE-PORT',
        severity: 'high',
        title: `${cp.key} ingress rule #${rule.index + 1} admits ${broad.map((b) => b.split(' (')[0]).join(' and ')} on ${all ? 'every port' : formatPorts(ports)}, including ${hits.slice(0, 3).map((h) => `${h.protocol}/${h.port} (${h.name})`).join(', ')}${hits.length > 3 ? ` and ${hits.length - 3} more sensitive port(s)` : ''}`,
        namespace: cp.policy.namespace,
        object: policyRef(cp.policy),
        evidence: [...broad.map((b) => ({ text: `ingress rule #${rule.index + 1} admits ${b}`, refs: [policyRef(cp.policy)] })), selectedEvidence(conn, cp)],
        fix: 'Restrict the peers to the namespaces/pods (or address ranges) that need the port, or drop the sensitive ports from the rule.',
      });
    }
  }
  return out;
}

function selectedEvidence(conn: Connectivity, cp: CompiledPolicy): Evidence {
  const c = conn.compiled;
  const pods = cp.selectedClasses.flatMap((cid) => c.classes[cid].pods).map((i) => `${c.pods[i].pod.namespace}/${c.pods[i].pod.name}`);
  return { text: `selects ${pods.length} pod(s): ${pods.slice(0, 5).join(', ')}${pods.length > 5 ? ', …' : ''}`, refs: [policyRef(cp.policy)] };
}

/**
 * The same for the platform tier: an AdminNetworkPolicy or BaselineAdminNetworkPolicy ingress rule that Allows every
 * namespace (`namespaces: {}`, or `pods` with an empty namespaceSelector) on a sensitive port. Pass and Deny rules
 * allow nothing by themselves. Named ports are resolved on the pods of the namespaces the policy applies to.
 */
function adminOpenSensitiveFindings(conn: Connectivity): Finding[] {
  const c = conn.compiled;
  const out: Finding[] = [];
  const tiers = [
    ...c.snapshot.adminNetworkPolicies.map((p) => ({ kind: 'AdminNetworkPolicy' as const, p })),
    ...c.snapshot.baselineAdminNetworkPolicies.map((p) => ({ kind: 'BaselineAdminNetworkPolicy' as const, p })),
  ];
  for (const { kind, p } of tiers) {
    const covered = c.classes.filter((cls) => selectorMatches(p.subject.namespaceSelector, c.namespaceLabels.get(cls.namespace) ?? { 'kubernetes.io/metadata.name': cls.namespace }) && (p.subject.kind === 'namespaces' || selectorMatches(p.subject.podSelector, cls.labels)));
    if (covered.length === 0) continue;
    p.ingress.forEach((rule, index) => {
      if (rule.action !== 'Allow') return;
      const everyNamespace = rule.peers.some((x) => (x.kind === 'namespaces' || x.kind === 'pods') && selectsAll(x.namespaceSelector));
      if (!everyNamespace) return;
      let ports: PortSet = NO_PORTS;
      for (const cls of covered) ports = unionPorts(ports, adminPortSet(rule.ports, cls.namedPorts));
      const hits = sensitiveIn(ports);
      if (hits.length === 0) return;
      const ref: ObjectRef = { kind, name: p.name };
      out.push({
        id: netFindingId('PER-NET-OPEN-SENSITIVE-PORT', `${kind}/${p.name}:ingress-${index}`),
        ruleId: 'PER-NET-OPEN-SENSITIVE-PORT',
        severity: 'high',
        title: `${kind} ${p.name} ingress rule #${index + 1}${rule.name ? ` (${rule.name})` : ''} allows every namespace on ${isAllPorts(ports) ? 'every port' : formatPorts(ports)}, including ${hits.slice(0, 3).map((h) => `${h.protocol}/${h.port} (${h.name})`).join(', ')}${hits.length > 3 ? ` and ${hits.length - 3} more sensitive port(s)` : ''}`,
        object: ref,
        namespaces: [...new Set(covered.map((cls) => cls.namespace))].sort(),
        evidence: [{ text: `applies to ${describeSubject(p.subject)}; the Allow is final${kind === 'AdminNetworkPolicy' ? ': no NetworkPolicy can narrow it' : ' where no NetworkPolicy isolates the pods'}`, refs: [ref] }],
        fix: 'Restrict the rule’s namespaces (or use Pass and let the namespaces’ NetworkPolicies decide), or drop the sensitive ports.',
      });
    });
  }
  return out;
}

/** Egress to anywhere (no `to`, or a /0 ipBlock) on every port. */
function egressAnywhereFindings(conn: Connectivity): Finding[] {
  const out: Finding[] = [];
  for (const cp of conn.compiled.policies) {
    if (cp.selectedClasses.length === 0 || !cp.isolatesEgress) continue;
    for (const rule of cp.egress) {
      // No ports, or ports naming every protocol without a number: every port either way.
      if (!isAllPorts(rulePortSet(rule.ports, null))) continue;
      const anywhere = rule.peers.length === 0 ? ['every destination (no `to`)'] : rule.peers.filter(isAnywhereBlock).map((p) => `ipBlock ${p.kind === 'ipBlock' ? p.cidr : ''} (peer #${p.index + 1})`);
      if (anywhere.length === 0) continue;
      out.push({
        id: netFindingId('PER-NET-EGRESS-ANYWHERE', `${cp.key}:egress-${rule.index}`),
        ruleId: 'PER-NET-EGRESS-ANYWHERE',
        severity: 'medium',
        title: `${cp.key} egress rule #${rule.index + 1} allows ${anywhere.join(' and ')} on every port and protocol`,
        namespace: cp.policy.namespace,
        object: policyRef(cp.policy),
        evidence: [{ text: `egress rule #${rule.index + 1} has no ports and reaches ${anywhere.join(', ')}`, refs: [policyRef(cp.policy)] }, selectedEvidence(conn, cp)],
        fix: 'List the destination ports (e.g. TCP 443) and narrow the ipBlock to the services needed.',
      });
    }
  }
  return out;
}

const DNS_LABEL = { key: 'k8s-app', value: 'kube-dns' };

/**
 * Egress-isolated workloads that cannot resolve names: no UDP 53 (nor TCP 53) to the cluster DNS pods
 * (`k8s-app: kube-dns`, as CoreDNS and kube-dns are labelled) or, without such pods in the snapshot, to any destination.
 * The full connectivity is used, so a DNS pod whose own ingress refuses the client also counts as blocked.
 */
function dnsFindings(conn: Connectivity): Finding[] {
  const endpoints = listEndpoints(conn, 'workload');
  const dns = endpoints.filter((e) => e.kind !== 'external' && e.pods.some((i) => conn.compiled.pods[i].pod.labels[DNS_LABEL.key] === DNS_LABEL.value));
  const targets: Endpoint[] = dns.length > 0 ? dns : endpoints;
  const dnsPorts = unionPorts(portRangeSet('UDP', 53, 53), portRangeSet('TCP', 53, 53));
  const out: Finding[] = [];
  for (const e of endpoints) {
    if (e.kind === 'external' || e.hostNetwork) continue;
    if (!e.groups.some((g) => conn.groups[g].egressIsolated)) continue;
    if (dns.includes(e)) continue;
    let reach: PortSet = NO_PORTS;
    for (const t of targets) {
      if (t === e) continue;
      reach = unionPorts(reach, intersectPorts(conn.ports.sets[connectionBetween(conn, e, t)], dnsPorts));
      if (portsContain(reach, 'UDP', 53)) break;
    }
    if (portsContain(reach, 'UDP', 53)) continue;
    const egressPolicies = [...new Set(e.groups.flatMap((g) => conn.groups[g].egressPolicies))].map((id) => conn.compiled.policies[id].policy);
    out.push({
      id: netFindingId('PER-NET-DNS-BLOCKED', e.name),
      ruleId: 'PER-NET-DNS-BLOCKED',
      severity: 'medium',
      title: `${e.name} is egress-isolated and cannot reach DNS on UDP 53${isEmptyPorts(reach) ? '' : ` (only ${formatPorts(reach)})`}${dns.length > 0 ? ` of ${dns.map((d) => d.name).join(', ')}` : ''}`,
      namespace: e.namespace,
      object: { kind: e.workload.kind, namespace: e.namespace, name: e.workload.name },
      evidence: [{ text: `egress selected by ${egressPolicies.map((p) => `${p.namespace}/${p.name}`).join(', ')}; none allows UDP 53 to the DNS pods`, refs: egressPolicies.map(policyRef) }],
      fix: 'Allow egress to namespace kube-system pods k8s-app=kube-dns on UDP 53 and TCP 53.',
    });
  }
  return out;
}

/** Compile-time selector checks stay exact when pods are absent: nothing is reported for a snapshot without pods. */
function hasPods(conn: Connectivity): boolean {
  return conn.compiled.pods.length > 0;
}

/**
 * Runs every network check over a computed connectivity (docs/rules.md, "Network rules"). Selector, named-port and
 * ipBlock checks reuse the engine's compile warnings; the rest read the compiled policies and the connectivity
 * matrix. Sorted by severity, then id.
 */
export function networkFindings(conn: Connectivity): Finding[] {
  const list = [...defaultDenyFindings(conn), ...warningFindings(conn.compiled.warnings), ...openSensitiveFindings(conn), ...adminOpenSensitiveFindings(conn), ...egressAnywhereFindings(conn)];
  if (hasPods(conn)) list.push(...dnsFindings(conn));
  return sortFindings(list);
}
