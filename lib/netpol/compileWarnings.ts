import type { NetworkPolicy, Snapshot, Warning } from '../model';
import type { CompiledPeer, CompiledPolicy, PodClass, PodEndpoint } from './compile';
import { parseIp, type IpFamily } from './ipRange';
import { formatSelector } from './selector';

// Warnings about policies found while compiling: typos in selectors, named ports nobody defines, ipBlocks over pods.

/** A warning about one policy. */
export function policyWarning(p: NetworkPolicy, code: string, message: string): Warning {
  return {
    code,
    severity: 'warning',
    message,
    origin: p.origin,
    object: { kind: 'NetworkPolicy', namespace: p.namespace, name: p.name },
  };
}

/** A policy that selects nothing, a peer that matches nothing, a named port that cannot resolve. */
export function policyWarnings(cp: CompiledPolicy, classes: readonly PodClass[], snapshot: Snapshot): Warning[] {
  const p = cp.policy;
  const out: Warning[] = [];
  if (cp.selectedClasses.length === 0 && snapshot.pods.length > 0) {
    out.push(policyWarning(p, 'netpol-selects-nothing', `NetworkPolicy ${cp.key} selects no pod (podSelector ${formatSelector(p.podSelector)} in namespace ${p.namespace}); it has no effect.`));
  }
  for (const rule of [...cp.ingress, ...cp.egress]) {
    const dir = rule.direction.toLowerCase();
    for (const peer of rule.peers) {
      if (peer.kind !== 'pods' || peer.classes.length > 0 || snapshot.pods.length === 0) continue;
      const sel = [
        peer.namespaceSelector ? `namespaceSelector ${formatSelector(peer.namespaceSelector)}` : '',
        peer.podSelector ? `podSelector ${formatSelector(peer.podSelector)}` : '',
      ].filter(Boolean).join(' and ');
      out.push(policyWarning(p, 'netpol-peer-matches-nothing', `${dir} rule #${rule.index + 1} peer #${peer.index + 1} of ${cp.key} (${sel}) matches no pod; check the labels for typos.`));
    }
    if (rule.direction === 'Egress' && rule.hasNamedPort && rule.peers.some((pe) => pe.kind === 'ipBlock')) {
      out.push(policyWarning(p, 'netpol-named-port-to-ipblock', `egress rule #${rule.index + 1} of ${cp.key} combines a named port with an ipBlock; a named port cannot be resolved on an external address, so it allows nothing there.`));
    }
    if (rule.direction === 'Ingress' && rule.hasNamedPort && cp.selectedClasses.length > 0) {
      for (const port of rule.ports) {
        if (typeof port.port !== 'string') continue;
        const defined = cp.selectedClasses.some((cid) => classes[cid].namedPorts.some((c) => c.name === port.port && c.protocol === port.protocol));
        if (!defined) out.push(policyWarning(p, 'netpol-named-port-undefined', `ingress rule #${rule.index + 1} of ${cp.key} allows named port ${port.protocol}/${port.port}, which no selected pod defines; it allows nothing.`));
      }
    }
  }
  return out;
}

/** An ipBlock that covers pod addresses of the snapshot: CNIs differ on whether it applies to them. */
export function ipBlockPodWarnings(policies: readonly CompiledPolicy[], pods: readonly PodEndpoint[]): Warning[] {
  const out: Warning[] = [];
  // Pod addresses per family, sorted, so each ipBlock range is checked by binary search.
  const byFamily: Record<IpFamily, { value: bigint; pod: number }[]> = { 4: [], 6: [] };
  for (const e of pods) {
    if (e.pod.hostNetwork) continue;
    for (const a of e.pod.podIPs) {
      const ip = parseIp(a);
      if (ip) byFamily[ip.family].push({ value: ip.value, pod: e.index });
    }
  }
  for (const f of [4, 6] as const) byFamily[f].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const lowerBound = (list: { value: bigint }[], v: bigint) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].value < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const covered = new Map<string, number[]>();
  const podsIn = (peer: Extract<CompiledPeer, { kind: 'ipBlock' }>): number[] => {
    const key = `${peer.cidr}|${peer.except.join(',')}`;
    let hit = covered.get(key);
    if (hit) return hit;
    hit = [];
    for (const r of peer.addresses) {
      const list = byFamily[r.family];
      for (let i = lowerBound(list, r.start); i < list.length && list[i].value <= r.end; i++) hit.push(list[i].pod);
    }
    covered.set(key, hit);
    return hit;
  };
  if (byFamily[4].length + byFamily[6].length === 0) return out;
  for (const cp of policies) {
    for (const rule of [...cp.ingress, ...cp.egress]) {
      for (const peer of rule.peers) {
        if (peer.kind !== 'ipBlock') continue;
        const inside = podsIn(peer);
        if (inside.length === 0) continue;
        const first = pods[inside[0]].pod;
        out.push(policyWarning(cp.policy, 'netpol-ipblock-covers-pods', `ipBlock ${peer.cidr} in ${rule.direction.toLowerCase()} rule #${rule.index + 1} of ${cp.key} covers ${inside.length} pod address(es) (e.g. ${first.namespace}/${first.name}); Perimeter matches ipBlocks against external addresses only, but CNIs differ here.`));
      }
    }
  }
  return out;
}

/** A policy that selects hostNetwork pods, which most CNIs do not enforce policies on. */
export function hostNetworkWarnings(policies: readonly CompiledPolicy[], classes: readonly PodClass[], pods: readonly PodEndpoint[]): Warning[] {
  const out: Warning[] = [];
  for (const cp of policies) {
    const hostPods = cp.selectedClasses.flatMap((cid) => classes[cid].pods).filter((i) => pods[i].pod.hostNetwork);
    if (hostPods.length === 0) continue;
    const first = pods[hostPods[0]].pod;
    out.push({
      ...policyWarning(cp.policy, 'netpol-selects-host-network', `NetworkPolicy ${cp.key} selects ${hostPods.length} hostNetwork pod(s) (e.g. ${first.namespace}/${first.name}); Kubernetes leaves policy on host-network pods undefined and most CNIs do not enforce it.`),
      severity: 'info',
    });
  }
  return out;
}
