import type { NetworkPolicy, Snapshot } from '@/lib/model/index';
import { stringify } from 'yaml';

/**
 * A starting point for the form: the snapshot's first NetworkPolicy with an ingress port rule, with one more port
 * added (a "changed policy"), as YAML; and its namespace's first other policy as a deletion. Empty when there is none.
 */
export function whatIfExample(s: Snapshot): { yaml: string; deletions: string } {
  const p = s.networkPolicies.find((x) => x.ingress.some((r) => r.ports.some((q) => typeof q.port === 'number')));
  if (!p) return { yaml: '', deletions: '' };
  const other = s.networkPolicies.find((x) => x.namespace === p.namespace && x.name !== p.name);
  return { yaml: stringify(toManifest(p, true)), deletions: other ? `NetworkPolicy/${other.namespace}/${other.name}\n` : '' };
}

/** A NetworkPolicy back as a manifest; with `widen`, the first numeric ingress port's rule also allows port + 1. */
function toManifest(p: NetworkPolicy, widen: boolean): Record<string, unknown> {
  let widened = !widen;
  const selector = (sel: NetworkPolicy['podSelector']) => ({
    ...(Object.keys(sel.matchLabels).length ? { matchLabels: sel.matchLabels } : {}),
    ...(sel.matchExpressions.length ? { matchExpressions: sel.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.values.length ? { values: e.values } : {}) })) } : {}),
  });
  const peers = (list: NetworkPolicy['ingress'][number]['peers']) =>
    list.map((x) => (x.kind === 'ipBlock' ? { ipBlock: { cidr: x.cidr, ...(x.except.length ? { except: x.except } : {}) } } : { ...(x.podSelector ? { podSelector: selector(x.podSelector) } : {}), ...(x.namespaceSelector ? { namespaceSelector: selector(x.namespaceSelector) } : {}) }));
  const ports = (list: NetworkPolicy['ingress'][number]['ports']) => {
    const out = list.map((q) => ({ protocol: q.protocol, ...(q.port !== undefined ? { port: q.port } : {}), ...(q.endPort !== undefined ? { endPort: q.endPort } : {}) }));
    const first = list.find((q) => typeof q.port === 'number' && q.endPort === undefined);
    if (!widened && first) {
      widened = true;
      out.push({ protocol: first.protocol, port: (first.port as number) + 1 });
    }
    return out;
  };
  const rules = (list: NetworkPolicy['ingress'], key: 'from' | 'to') => list.map((r) => ({ ...(r.peers.length ? { [key]: peers(r.peers) } : {}), ...(r.ports.length ? { ports: ports(r.ports) } : {}) }));
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: p.name, namespace: p.namespace },
    spec: { podSelector: selector(p.podSelector), policyTypes: p.policyTypes, ...(p.ingress.length ? { ingress: rules(p.ingress, 'from') } : {}), ...(p.egress.length ? { egress: rules(p.egress, 'to') } : {}) },
  };
}
