import type { Pod, Snapshot } from '../model';
import { analyzeConnectivity } from '../netpol/connectivity';
import type { AnalyzeOptions } from '../netpol/compile';
import type { PortSet } from '../netpol/portSet';

/**
 * What the policies (NetworkPolicies and the admin tiers) allow from each source pod to each destination pod, for
 * pods that may not be in the snapshot (a stand-in for an ingress controller Perimeter cannot see). The engine runs on
 * just these pods with every policy of the snapshot: a pair's verdict depends only on the two pods, their namespaces
 * and the policies, never on the other pods, so this is the verdict the full analysis would give, at the cost of a
 * few classes instead of thousands.
 */
export function pairVerdicts(snapshot: Snapshot, sources: readonly Pod[], destinations: readonly Pod[], opts: Pick<AnalyzeOptions, 'hostNetwork'> = {}): (source: number, destination: number) => PortSet {
  const pods = [...sources, ...destinations];
  const conn = analyzeConnectivity({ ...snapshot, pods }, { hostNetwork: opts.hostNetwork ?? 'as-pod', includeInactive: true });
  const G = conn.groups.length;
  const groupOf = (i: number) => conn.groupOfClass[conn.compiled.pods[i].classId];
  return (s, d) => conn.ports.sets[conn.matrix[groupOf(s) * G + groupOf(sources.length + d)]];
}
