/** Small builders of model objects for the engine's tests (plain data, defaults a test can override). */
import type {
  AdminAction,
  AdminNetworkPolicy,
  AdminPeer,
  AdminPort,
  AdminRule,
  AdminSubject,
  BaselineAdminNetworkPolicy,
  ContainerPort,
  LabelSelector,
  LabelSelectorRequirement,
  Labels,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Pod,
  PolicyType,
  Protocol,
  Snapshot,
} from '../model';
import { NO_ENTRY_OBJECTS } from '../model';

/** A selector from matchLabels and optional expressions. */
export function sel(matchLabels: Labels = {}, matchExpressions: LabelSelectorRequirement[] = []): LabelSelector {
  return { matchLabels, matchExpressions };
}

export function ns(name: string, labels: Labels = {}): Namespace {
  return { name, labels: { 'kubernetes.io/metadata.name': name, ...labels }, declared: true };
}

export interface PodSpec {
  labels?: Labels;
  ip?: string;
  ips?: string[];
  ports?: ContainerPort[];
  phase?: Pod['phase'];
  hostNetwork?: boolean;
  fromTemplate?: boolean;
  /** `Kind/name` of the owning workload; a bare pod by default. */
  owner?: string;
}

let ipCounter = 0;

/** A running pod `ns/name` with an IP from 10.244.0.0/16 unless given. */
export function pod(ref: string, spec: PodSpec = {}): Pod {
  const [namespace, name] = ref.split('/');
  const [kind, wname] = spec.owner ? spec.owner.split('/') : ['Pod', name];
  ipCounter++;
  return {
    namespace,
    name,
    labels: spec.labels ?? {},
    phase: spec.phase ?? 'Running',
    podIPs: spec.ips ?? [spec.ip ?? `10.244.${(ipCounter >> 8) & 255}.${ipCounter & 255}`],
    hostNetwork: spec.hostNetwork ?? false,
    serviceAccountName: 'default',
    containerPorts: spec.ports ?? [],
    owner: spec.owner ? { kind, name: wname } : undefined,
    workload: { namespace, kind, name: wname },
    fromTemplate: spec.fromTemplate ?? false,
  };
}

export function port(protocol: Protocol, p?: number | string, endPort?: number): NetworkPolicyPort {
  return { protocol, port: p, endPort };
}

export function podsPeer(podSelector?: LabelSelector, namespaceSelector?: LabelSelector): NetworkPolicyPeer {
  return { kind: 'pods', podSelector, namespaceSelector };
}

export function ipPeer(cidr: string, except: string[] = []): NetworkPolicyPeer {
  return { kind: 'ipBlock', cidr, except };
}

export function rule(peers: NetworkPolicyPeer[] = [], ports: NetworkPolicyPort[] = []): NetworkPolicyRule {
  return { peers, ports };
}

export interface PolicySpec {
  podSelector?: LabelSelector;
  ingress?: NetworkPolicyRule[];
  egress?: NetworkPolicyRule[];
  /** Defaulted as the API server does: Ingress always, Egress when egress rules are given. */
  types?: PolicyType[];
}

/** A NetworkPolicy `ns/name`. */
export function policy(ref: string, spec: PolicySpec = {}): NetworkPolicy {
  const [namespace, name] = ref.split('/');
  const types = spec.types ?? (spec.egress && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
  return {
    namespace,
    name,
    labels: {},
    podSelector: spec.podSelector ?? sel(),
    policyTypes: types,
    policyTypesDeclared: spec.types !== undefined,
    ingress: spec.ingress ?? [],
    egress: spec.egress ?? [],
  };
}

/** A snapshot of the given objects; namespaces of pods and policies are added when not given. */
export function snapshot(parts: {
  namespaces?: Namespace[];
  pods?: Pod[];
  policies?: NetworkPolicy[];
  adminPolicies?: AdminNetworkPolicy[];
  baseline?: BaselineAdminNetworkPolicy;
}): Snapshot {
  const pods = parts.pods ?? [];
  const policies = parts.policies ?? [];
  const namespaces = [...(parts.namespaces ?? [])];
  for (const n of [...pods.map((p) => p.namespace), ...policies.map((p) => p.namespace)]) {
    if (!namespaces.some((x) => x.name === n)) namespaces.push(ns(n));
  }
  const workloads = new Map<string, Snapshot['workloads'][number]>();
  for (const p of pods) {
    const key = `${p.namespace}/${p.workload.kind}/${p.workload.name}`;
    const w = workloads.get(key);
    workloads.set(key, {
      namespace: p.namespace,
      kind: p.workload.kind,
      name: p.workload.name,
      labels: p.labels,
      podNames: [...(w?.podNames ?? []), p.name],
      declared: false,
    });
  }
  return {
    source: { kind: 'files', paths: [] },
    version: 1,
    readAt: '2026-01-01T00:00:00Z',
    namespaces,
    pods,
    workloads: [...workloads.values()],
    networkPolicies: policies,
    adminNetworkPolicies: parts.adminPolicies ?? [],
    baselineAdminNetworkPolicies: parts.baseline ? [parts.baseline] : [],
    serviceAccounts: [],
    roles: [],
    clusterRoles: [],
    roleBindings: [],
    clusterRoleBindings: [],
    ...NO_ENTRY_OBJECTS,
    warnings: [],
    unreadable: [],
  };
}

/** An admin rule (AdminNetworkPolicy or BaselineAdminNetworkPolicy); `ports` undefined = every port. */
export function adminRule(action: AdminAction, peers: AdminPeer[], ports?: AdminPort[], name = ''): AdminRule {
  return { name, action, peers, ...(ports ? { ports } : {}) };
}

/** An AdminNetworkPolicy; the subject defaults to every namespace. */
export function anp(name: string, priority: number, spec: { subject?: AdminSubject; ingress?: AdminRule[]; egress?: AdminRule[] } = {}): AdminNetworkPolicy {
  return { name, labels: {}, priority, subject: spec.subject ?? { kind: 'namespaces', namespaceSelector: sel() }, ingress: spec.ingress ?? [], egress: spec.egress ?? [] };
}

/** The BaselineAdminNetworkPolicy `default`; the subject defaults to every namespace. */
export function banp(spec: { subject?: AdminSubject; ingress?: AdminRule[]; egress?: AdminRule[] } = {}): BaselineAdminNetworkPolicy {
  return { name: 'default', labels: {}, subject: spec.subject ?? { kind: 'namespaces', namespaceSelector: sel() }, ingress: spec.ingress ?? [], egress: spec.egress ?? [] };
}

/** Namespaces by name (the `kubernetes.io/metadata.name` label). */
export function nsNamed(...names: string[]): AdminSubject {
  return { kind: 'namespaces', namespaceSelector: sel({}, [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: names }]) };
}
