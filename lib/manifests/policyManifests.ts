import { stringify } from 'yaml';
import type { AdminNetworkPolicy, AdminPeer, AdminPort, AdminRule, BaselineAdminNetworkPolicy, LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule } from '../model';

// The inverse of lib/sources' policy conversion: model objects as the manifests that convert back to them, for fixes
// to propose (and What-if to apply) and for generated clusters. Metadata beyond name, namespace and labels is not
// kept by the model, so it is not written.

/** A Kubernetes object as plain JSON. */
export type Manifest = Record<string, unknown>;

/** A selector as written: empty parts left out (`{}` selects everything). */
export function selectorManifest(s: LabelSelector): Manifest {
  return { ...(Object.keys(s.matchLabels).length ? { matchLabels: s.matchLabels } : {}), ...(s.matchExpressions.length ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values.length ? { values: e.values } : {}) })) } : {}) };
}

function peerManifest(p: NetworkPolicyPeer): Manifest {
  if (p.kind === 'ipBlock') return { ipBlock: { cidr: p.cidr, ...(p.except.length ? { except: p.except } : {}) } };
  return { ...(p.podSelector ? { podSelector: selectorManifest(p.podSelector) } : {}), ...(p.namespaceSelector ? { namespaceSelector: selectorManifest(p.namespaceSelector) } : {}) };
}

function portManifest(p: NetworkPolicyPort): Manifest {
  return { protocol: p.protocol, ...(p.port === undefined ? {} : { port: p.port }), ...(p.endPort === undefined ? {} : { endPort: p.endPort }) };
}

function ruleManifest(r: NetworkPolicyRule, peersKey: 'from' | 'to'): Manifest {
  return { ...(r.peers.length ? { [peersKey]: r.peers.map(peerManifest) } : {}), ...(r.ports.length ? { ports: r.ports.map(portManifest) } : {}) };
}

const metadata = (o: { name: string; namespace?: string; labels: Readonly<Record<string, string>> }): Manifest => ({ name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), ...(Object.keys(o.labels).length ? { labels: o.labels } : {}) });

/** A NetworkPolicy as a networking.k8s.io/v1 manifest; policyTypes are written, so the reading never depends on defaulting. */
export function networkPolicyManifest(np: NetworkPolicy): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(np),
    spec: {
      podSelector: selectorManifest(np.podSelector),
      policyTypes: np.policyTypes,
      ...(np.ingress.length ? { ingress: np.ingress.map((r) => ruleManifest(r, 'from')) } : {}),
      ...(np.egress.length ? { egress: np.egress.map((r) => ruleManifest(r, 'to')) } : {}),
    },
  };
}

function adminPeerManifest(p: AdminPeer): Manifest {
  switch (p.kind) {
    case 'namespaces':
      return { namespaces: selectorManifest(p.namespaceSelector) };
    case 'pods':
      return { pods: { namespaceSelector: selectorManifest(p.namespaceSelector), podSelector: selectorManifest(p.podSelector) } };
    case 'networks':
      return { networks: p.cidrs };
    case 'nodes':
      return { nodes: selectorManifest(p.nodeSelector) };
  }
}

function adminPortManifest(p: AdminPort): Manifest {
  switch (p.kind) {
    case 'portNumber':
      return { portNumber: { protocol: p.protocol, port: p.port } };
    case 'portRange':
      return { portRange: { protocol: p.protocol, start: p.start, end: p.end } };
    case 'namedPort':
      return { namedPort: p.name };
  }
}

function adminRuleManifest(r: AdminRule, peersKey: 'from' | 'to'): Manifest {
  return { ...(r.name ? { name: r.name } : {}), action: r.action, [peersKey]: r.peers.map(adminPeerManifest), ...(r.ports ? { ports: r.ports.map(adminPortManifest) } : {}) };
}

/** An AdminNetworkPolicy or the BaselineAdminNetworkPolicy as a policy.networking.k8s.io/v1alpha1 manifest. */
export function adminPolicyManifest(p: AdminNetworkPolicy | BaselineAdminNetworkPolicy, kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy'): Manifest {
  const subject = p.subject.kind === 'namespaces' ? { namespaces: selectorManifest(p.subject.namespaceSelector) } : { pods: { namespaceSelector: selectorManifest(p.subject.namespaceSelector), podSelector: selectorManifest(p.subject.podSelector) } };
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind,
    metadata: metadata(p),
    spec: {
      ...('priority' in p ? { priority: p.priority } : {}),
      subject,
      ...(p.ingress.length ? { ingress: p.ingress.map((r) => adminRuleManifest(r, 'from')) } : {}),
      ...(p.egress.length ? { egress: p.egress.map((r) => adminRuleManifest(r, 'to')) } : {}),
    },
  };
}

/** A manifest as YAML (block style, no line folding), the way people write them. */
export function manifestYaml(m: Manifest): string {
  return stringify(m, { lineWidth: 0 });
}
