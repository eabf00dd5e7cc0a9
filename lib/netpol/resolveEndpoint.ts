import type { CompiledSnapshot } from './compile';
import { parseIp, type IpFamily } from './ipRange';

/** What an endpoint reference of explain names: some pods (a pod or a workload's pods), or an external address. */
export type ResolvedEndpoint =
  | { readonly kind: 'pods'; readonly label: string; readonly pods: readonly number[] }
  | { readonly kind: 'external'; readonly label: string; readonly family: IpFamily; readonly address: bigint };

/** A resolution, or why the reference names nothing (or several things). */
export type Resolution = { readonly ok: true; readonly endpoint: ResolvedEndpoint } | { readonly ok: false; readonly message: string };

/**
 * Resolves `ns/name` (a pod, else a workload), `ns/Kind/name` (a workload) or an IP address. A pod IP resolves to
 * that pod, since traffic from it is the pod's.
 */
export function resolveEndpoint(c: CompiledSnapshot, ref: string): Resolution {
  const ip = parseIp(ref);
  if (ip) {
    const owner = c.pods.find((p) => p.pod.podIPs.some((a) => parseIp(a)?.value === ip.value && parseIp(a)?.family === ip.family) && !p.pod.hostNetwork);
    if (owner) return { ok: true, endpoint: { kind: 'pods', label: `${owner.pod.namespace}/${owner.pod.name}`, pods: [owner.index] } };
    return { ok: true, endpoint: { kind: 'external', label: ref, family: ip.family, address: ip.value } };
  }
  const parts = ref.split('/');
  if (parts.length === 2) {
    const [ns, name] = parts;
    const pod = c.pods.find((p) => p.pod.namespace === ns && p.pod.name === name);
    if (pod) return { ok: true, endpoint: { kind: 'pods', label: ref, pods: [pod.index] } };
    const kinds = new Set<string>();
    const pods: number[] = [];
    for (const p of c.pods) {
      if (p.pod.workload.namespace === ns && p.pod.workload.name === name) {
        kinds.add(p.pod.workload.kind);
        pods.push(p.index);
      }
    }
    if (kinds.size > 1) return { ok: false, message: `"${ref}" names ${kinds.size} workloads (${[...kinds].sort().join(', ')}); use ns/Kind/name` };
    if (pods.length > 0) return { ok: true, endpoint: { kind: 'pods', label: `${ns}/${name}[${[...kinds][0]}]`, pods } };
    return { ok: false, message: `no pod or workload "${ref}" in the snapshot` };
  }
  if (parts.length === 3) {
    const [ns, kind, name] = parts;
    const pods = c.pods.filter((p) => p.pod.workload.namespace === ns && p.pod.workload.kind.toLowerCase() === kind.toLowerCase() && p.pod.workload.name === name);
    if (pods.length > 0) return { ok: true, endpoint: { kind: 'pods', label: `${ns}/${name}[${pods[0].pod.workload.kind}]`, pods: pods.map((p) => p.index) } };
    return { ok: false, message: `no workload "${ref}" in the snapshot` };
  }
  return { ok: false, message: `"${ref}" is not ns/name, ns/Kind/name or an IP address` };
}
