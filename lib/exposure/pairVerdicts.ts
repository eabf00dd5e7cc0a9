import type { Pod, Snapshot } from '../model';
import { analyzeConnectivity } from '../netpol/connectivity';
import type { AnalyzeOptions } from '../netpol/compile';
import type { PortSet } from '../netpol/portSet';

/** Whether some admin policy has a `networks` peer: then a pod's IPs matter to its verdicts, not only its labels. */
function usesNetworks(s: Snapshot): boolean {
  return [...s.adminNetworkPolicies, ...s.baselineAdminNetworkPolicies].some((p) => p.egress.some((r) => r.peers.some((x) => x.kind === 'networks')));
}

/** Pods that every policy treats alike: same namespace, labels, named ports, host network (and IPs when they matter). */
function behaviourKey(p: Pod, withIps: boolean): string {
  const labels = Object.keys(p.labels).sort().map((k) => `${k}=${p.labels[k]}`).join(',');
  const named = p.containerPorts.filter((c) => c.name).map((c) => `${c.name}/${c.protocol}/${c.containerPort}`).sort().join(',');
  return `${p.namespace}|${labels}|${named}|${p.hostNetwork ? 'h' : ''}|${withIps ? p.podIPs.join(',') : ''}`;
}

/**
 * What the policies (NetworkPolicies and the admin tiers) allow from each source pod to each destination pod, for
 * pods that may not be in the snapshot (a stand-in for an ingress controller Perimeter cannot see). The engine runs on
 * just these pods, one per behaviour (pods alike share a verdict), with every policy of the snapshot: a pair's
 * verdict depends only on the two pods, their namespaces and the policies, never on the other pods, so this is the
 * verdict the full analysis would give, at the cost of a few classes instead of thousands.
 */
export function pairVerdicts(snapshot: Snapshot, sources: readonly Pod[], destinations: readonly Pod[], opts: Pick<AnalyzeOptions, 'hostNetwork'> = {}): (source: number, destination: number) => PortSet {
  const withIps = usesNetworks(snapshot);
  const keys = new Map<string, number>();
  const pods: Pod[] = [];
  const slot = (p: Pod): number => {
    const k = behaviourKey(p, withIps);
    let i = keys.get(k);
    if (i === undefined) keys.set(k, (i = pods.push(p) - 1));
    return i;
  };
  const src = sources.map(slot);
  const dst = destinations.map(slot);
  const conn = analyzeConnectivity({ ...snapshot, pods }, { hostNetwork: opts.hostNetwork ?? 'as-pod', includeInactive: true });
  const G = conn.groups.length;
  const groupOf = (i: number) => conn.groupOfClass[conn.compiled.pods[i].classId];
  return (s, d) => conn.ports.sets[conn.matrix[groupOf(src[s]) * G + groupOf(dst[d])]];
}
