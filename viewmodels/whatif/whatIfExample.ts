import { manifestYaml, networkPolicyManifest } from '@/lib/manifests/policyManifests';
import type { NetworkPolicy, Snapshot } from '@/lib/model/index';

/**
 * A starting point for the form: the snapshot's first NetworkPolicy with an ingress port rule, with one more port
 * added (a "changed policy"), as YAML; and its namespace's first other policy as a deletion. Empty when there is none.
 */
export function whatIfExample(s: Snapshot): { yaml: string; deletions: string } {
  const p = s.networkPolicies.find((x) => x.ingress.some((r) => r.ports.some((q) => typeof q.port === 'number')));
  if (!p) return { yaml: '', deletions: '' };
  const other = s.networkPolicies.find((x) => x.namespace === p.namespace && x.name !== p.name);
  return { yaml: manifestYaml(networkPolicyManifest(widened(p))), deletions: other ? `NetworkPolicy/${other.namespace}/${other.name}\n` : '' };
}

/** The policy with its first single numeric ingress port's rule also allowing port + 1. */
function widened(p: NetworkPolicy): NetworkPolicy {
  const i = p.ingress.findIndex((r) => r.ports.some((q) => typeof q.port === 'number' && q.endPort === undefined));
  if (i < 0) return p;
  const rule = p.ingress[i];
  const first = rule.ports.find((q) => typeof q.port === 'number' && q.endPort === undefined)!;
  return { ...p, ingress: p.ingress.map((r, j) => (j === i ? { ...rule, ports: [...rule.ports, { protocol: first.protocol, port: (first.port as number) + 1 }] } : r)) };
}
