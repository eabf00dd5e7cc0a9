import type { CompiledSnapshot } from './compile';
import { isAddress, type IpFamily } from './ipRange';
import { ENDPOINT_SYNTAX, parseEndpointRef } from '../request/endpoint';
import type { RepresentativeRef } from '../request/representativeRef';

/**
 * What an endpoint reference of explain names: some pods (a pod or a workload's pods), an external address, or a pod
 * that does not exist yet (a representative peer, which explain adds to the snapshot to answer).
 */
export type ResolvedEndpoint =
  | { readonly kind: 'pods'; readonly label: string; readonly pods: readonly number[] }
  | { readonly kind: 'external'; readonly label: string; readonly family: IpFamily; readonly address: bigint }
  | { readonly kind: 'representative'; readonly label: string; readonly ref: RepresentativeRef };

/** A resolution, or why the reference names nothing (or several things). */
export type Resolution = { readonly ok: true; readonly endpoint: ResolvedEndpoint } | { readonly ok: false; readonly message: string };

/** `ns/name` of the pods and workloads called `name` in any namespace, for "did you mean". */
function sameName(c: CompiledSnapshot, name: string): string[] {
  const out = new Set<string>();
  for (const p of c.pods) {
    if (p.pod.name === name) out.add(`${p.pod.namespace}/${name}`);
    if (p.pod.workload.name === name) out.add(`${p.pod.workload.namespace}/${name}`);
  }
  return [...out].sort();
}

function suggest(c: CompiledSnapshot, name: string): string {
  const hits = sameName(c, name);
  if (hits.length === 0) return '';
  const shown = hits.slice(0, 5).join(', ');
  return `; did you mean ${shown}${hits.length > 5 ? ` (and ${hits.length - 5} more)` : ''}?`;
}

/**
 * Resolves `ns/name` (a pod, else a workload), `ns/Kind/name` (a workload) or an IP address (lib/request parses the
 * reference). A pod IP resolves to that pod, since traffic from it is the pod's.
 */
export function resolveEndpoint(c: CompiledSnapshot, text: string): Resolution {
  const parsed = parseEndpointRef(text);
  if (!parsed.ok) return parsed;
  const ref = parsed.value;
  switch (ref.kind) {
    case 'address': {
      const owner = c.pods.find((p) => !p.pod.hostNetwork && p.pod.podIPs.some((a) => isAddress(a, ref.family, ref.value)));
      if (owner) return { ok: true, endpoint: { kind: 'pods', label: `${owner.pod.namespace}/${owner.pod.name}`, pods: [owner.index] } };
      return { ok: true, endpoint: { kind: 'external', label: ref.text, family: ref.family, address: ref.value } };
    }
    case 'representative':
      return { ok: true, endpoint: { kind: 'representative', label: ref.text, ref } };
    case 'service':
      return { ok: false, message: `svc/${ref.namespace}/${ref.name} is a Service: as a destination, explain resolves its port to each backing pod and explains each (perimeter explain --to svc/…); as a source, name a pod or workload` };
    case 'bare':
      return { ok: false, message: `"${ref.name}" is not ${ENDPOINT_SYNTAX}${suggest(c, ref.name)}` };
    case 'name': {
      const label = `${ref.namespace}/${ref.name}`;
      const pod = c.pods.find((p) => p.pod.namespace === ref.namespace && p.pod.name === ref.name);
      if (pod) return { ok: true, endpoint: { kind: 'pods', label, pods: [pod.index] } };
      const kinds = new Set<string>();
      const pods: number[] = [];
      for (const p of c.pods) {
        if (p.pod.workload.namespace === ref.namespace && p.pod.workload.name === ref.name) {
          kinds.add(p.pod.workload.kind);
          pods.push(p.index);
        }
      }
      if (kinds.size > 1) return { ok: false, message: `"${label}" names ${kinds.size} workloads (${[...kinds].sort().join(', ')}); use ns/Kind/name` };
      if (pods.length > 0) return { ok: true, endpoint: { kind: 'pods', label: `${label}[${[...kinds][0]}]`, pods } };
      return { ok: false, message: `no pod or workload "${label}" in the snapshot${suggest(c, ref.name)}` };
    }
    case 'workload': {
      const pods = c.pods.filter((p) => p.pod.workload.namespace === ref.namespace && p.pod.workload.kind.toLowerCase() === ref.workloadKind.toLowerCase() && p.pod.workload.name === ref.name);
      if (pods.length > 0) return { ok: true, endpoint: { kind: 'pods', label: `${ref.namespace}/${ref.name}[${pods[0].pod.workload.kind}]`, pods: pods.map((p) => p.index) } };
      return { ok: false, message: `no workload "${ref.namespace}/${ref.workloadKind}/${ref.name}" in the snapshot${suggest(c, ref.name)}` };
    }
  }
}
