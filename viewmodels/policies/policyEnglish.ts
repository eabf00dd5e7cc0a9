import type { LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule, PolicyType } from '@/lib/model/index';
import { formatSelector, selectsAll } from '@/lib/netpol/selector';

/** A policy in plain English: whom it selects, then one sentence per direction and per rule. */
export interface PolicyEnglish {
  readonly selects: string;
  readonly directions: readonly { readonly type: PolicyType; readonly summary: string; readonly rules: readonly string[] }[];
  /** Egress rules written without Egress in policyTypes: the API keeps them, but they have no effect. */
  readonly ignored: string | undefined;
}

const sel = (s: LabelSelector) => formatSelector(s);

/** `pods matching app=x in namespace ns`, as the NetworkPolicyPeer rules read (networking.k8s.io/v1 NetworkPolicyPeer). */
export function describePeer(peer: NetworkPolicyPeer, policyNamespace: string): string {
  if (peer.kind === 'ipBlock') return `addresses in ${peer.cidr}${peer.except.length > 0 ? ` except ${peer.except.join(', ')}` : ''}`;
  const pods = peer.podSelector === undefined || selectsAll(peer.podSelector) ? 'all pods' : `pods matching ${sel(peer.podSelector)}`;
  // podSelector alone = the policy's namespace; namespaceSelector {} = every namespace.
  if (peer.namespaceSelector === undefined) return `${pods} in namespace ${policyNamespace}`;
  if (selectsAll(peer.namespaceSelector)) return `${pods} in every namespace`;
  return `${pods} in namespaces matching ${sel(peer.namespaceSelector)}`;
}

/** `TCP 8080`, `TCP 9000-9100`, `UDP port named dns`, `every TCP port`. */
export function describePort(p: NetworkPolicyPort): string {
  if (p.port === undefined) return `every ${p.protocol} port`;
  if (typeof p.port === 'string') return `${p.protocol} port named ${p.port}`;
  return `${p.protocol} ${p.port}${p.endPort !== undefined ? `-${p.endPort}` : ''}`;
}

function describeRule(rule: NetworkPolicyRule, type: PolicyType, ns: string): string {
  const verb = type === 'Ingress' ? 'from' : 'to';
  const peers = rule.peers.length === 0 ? 'anywhere (every pod and every address)' : rule.peers.map((p) => describePeer(p, ns)).join(', or ');
  const ports = rule.ports.length === 0 ? 'on every port' : `on ${rule.ports.map(describePort).join(', ')}`;
  return `Allows ${type.toLowerCase()} ${verb} ${peers} ${ports}.`;
}

/**
 * Describes a policy as the API defines it: selected pods are isolated for each type in policyTypes; rules are ORed
 * allow-lists; peers within a rule are ORed; a peer's two selectors are ANDed; no rules = deny all of that direction.
 */
export function policyEnglish(p: NetworkPolicy): PolicyEnglish {
  const selects = selectsAll(p.podSelector) ? `Selects every pod in namespace ${p.namespace}.` : `Selects pods in namespace ${p.namespace} matching ${sel(p.podSelector)}.`;
  const directions = p.policyTypes.map((type) => {
    const rules = type === 'Ingress' ? p.ingress : p.egress;
    const what = type === 'Ingress' ? 'incoming' : 'outgoing';
    const summary =
      rules.length === 0
        ? `Isolates them for ${type.toLowerCase()} and allows nothing: all ${what} traffic is denied unless another policy allows it.`
        : `Isolates them for ${type.toLowerCase()}: ${what} traffic is denied except what these rules (or other policies) allow.`;
    return { type, summary, rules: rules.map((r) => describeRule(r, type, p.namespace)) };
  });
  const ignored =
    !p.policyTypes.includes('Egress') && p.egress.length > 0 ? `Its ${p.egress.length} egress rule(s) have no effect: policyTypes does not include Egress.` : undefined;
  return { selects, directions, ignored };
}

/** The policy as a networking.k8s.io/v1 object (as Perimeter read it: defaults applied), for the YAML view. */
export function policyManifest(p: NetworkPolicy): Record<string, unknown> {
  const selector = (s: LabelSelector) => ({
    ...(Object.keys(s.matchLabels).length > 0 ? { matchLabels: s.matchLabels } : {}),
    ...(s.matchExpressions.length > 0 ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values.length > 0 ? { values: e.values } : {}) })) } : {}),
  });
  const peer = (x: NetworkPolicyPeer) =>
    x.kind === 'ipBlock'
      ? { ipBlock: { cidr: x.cidr, ...(x.except.length > 0 ? { except: x.except } : {}) } }
      : { ...(x.namespaceSelector ? { namespaceSelector: selector(x.namespaceSelector) } : {}), ...(x.podSelector ? { podSelector: selector(x.podSelector) } : {}) };
  const port = (x: NetworkPolicyPort) => ({ protocol: x.protocol, ...(x.port !== undefined ? { port: x.port } : {}), ...(x.endPort !== undefined ? { endPort: x.endPort } : {}) });
  const rules = (rs: readonly NetworkPolicyRule[], key: 'from' | 'to') =>
    rs.map((r) => ({ ...(r.peers.length > 0 ? { [key]: r.peers.map(peer) } : {}), ...(r.ports.length > 0 ? { ports: r.ports.map(port) } : {}) }));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: p.name, namespace: p.namespace, ...(Object.keys(p.labels).length > 0 ? { labels: p.labels } : {}) },
    spec: {
      podSelector: selector(p.podSelector),
      policyTypes: p.policyTypes,
      ...(p.ingress.length > 0 ? { ingress: rules(p.ingress, 'from') } : {}),
      ...(p.egress.length > 0 ? { egress: rules(p.egress, 'to') } : {}),
    },
  };
}
