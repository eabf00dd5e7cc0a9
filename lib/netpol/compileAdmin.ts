import type { AdminAction, AdminNetworkPolicy, AdminPeer, AdminPort, AdminSubject, BaselineAdminNetworkPolicy, ContainerPort, LabelSelector, PolicyType, Snapshot, Warning } from '../model';
import { parseCidr, type IpRange } from './ipRange';
import { ALL_PORTS, NO_PORTS, portRangeSet, unionPorts, type PortSet } from './portSet';
import { formatSelector } from './selector';

// The admin tiers (kubernetes-sigs/network-policy-api v1alpha1): AdminNetworkPolicies by ascending priority, then
// NetworkPolicies, then the BaselineAdminNetworkPolicy. Compiled onto the same pod classes and peer ids as
// NetworkPolicies, so behaviour groups split exactly where an admin subject or peer does.

/** Which tier a compiled admin policy belongs to. */
export type AdminTier = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';

/** An admin rule peer with what it matches: pod classes (namespaces/pods), address ranges (networks), or nothing (nodes). */
export type CompiledAdminPeer =
  | { readonly kind: 'pods'; readonly id: number; readonly index: number; readonly peer: AdminPeer; readonly classes: readonly number[] }
  | {
      readonly kind: 'networks';
      /** Peer ids of each CIDR, matching external ranges. */
      readonly ids: readonly number[];
      /** The peer id matching the pod classes whose IPs lie in a CIDR (cluster-internal traffic is checked too). */
      readonly podPeerId: number;
      readonly classes: readonly number[];
      readonly index: number;
      readonly peer: AdminPeer;
      readonly addresses: readonly IpRange[];
    }
  | { readonly kind: 'nodes'; readonly index: number; readonly peer: AdminPeer };

/** One rule of an admin policy; the first matching rule (in tier, priority and rule order) decides a port. */
export interface CompiledAdminRule {
  /** Index into `CompiledSnapshot.adminPolicies`. */
  readonly policyId: number;
  readonly tier: AdminTier;
  readonly direction: PolicyType;
  /** 0-based position in the policy's ingress/egress list (explain says `rule #index+1`). */
  readonly index: number;
  readonly name: string;
  readonly action: AdminAction;
  readonly ports?: readonly AdminPort[];
  readonly peers: readonly CompiledAdminPeer[];
  /** Peer ids matching pod classes (via `classPeers`) and external ranges (via `ExternalRange.peers`). */
  readonly podPeers: readonly number[];
  readonly ipPeers: readonly number[];
  readonly hasNamedPort: boolean;
}

/** An AdminNetworkPolicy or the BaselineAdminNetworkPolicy, compiled. */
export interface CompiledAdminPolicy {
  readonly id: number;
  readonly tier: AdminTier;
  readonly name: string;
  /** Undefined for the baseline. */
  readonly priority?: number;
  readonly policy: AdminNetworkPolicy | BaselineAdminNetworkPolicy;
  readonly subjectClasses: readonly number[];
  readonly ingress: readonly CompiledAdminRule[];
  readonly egress: readonly CompiledAdminRule[];
}

/** What compileSnapshot lends the admin compiler: its classes, memoised selectors and peer-id space. */
export interface AdminCompileContext {
  readonly snapshot: Snapshot;
  readonly classCount: number;
  readonly classLabels: (cid: number) => Readonly<Record<string, string>>;
  /** The admin networks CIDRs holding an IP of the class's pods. */
  readonly classNetworks: (cid: number) => readonly string[];
  readonly selectable: (cid: number) => boolean;
  readonly namespacesMatching: (sel: LabelSelector) => readonly string[];
  readonly classesOfNamespace: (ns: string) => readonly number[];
  readonly selectorMatches: (sel: LabelSelector, labels: Readonly<Record<string, string>>) => boolean;
  readonly nextPeerId: () => number;
  /** Registers a network CIDR as an egress destination block (cuts external ranges, joins ExternalRange.peers). */
  readonly addNetwork: (id: number, cidr: string, range: IpRange) => void;
  readonly classPeers: number[][];
}

export interface CompiledAdmin {
  /** ANPs by ascending priority (name breaks ties), then the baseline: the evaluation order. */
  readonly adminPolicies: readonly CompiledAdminPolicy[];
  /** Admin policy ids with ingress (egress) rules whose subject selects each class, in evaluation order. */
  readonly classIngressAdmin: readonly (readonly number[])[];
  readonly classEgressAdmin: readonly (readonly number[])[];
  readonly warnings: readonly Warning[];
}

function adminWarning(tier: AdminTier, name: string, code: string, message: string, origin: AdminNetworkPolicy['origin']): Warning {
  return { code, severity: 'warning', message, ...(origin ? { origin } : {}), object: { kind: tier, name } };
}

/** Compiles the snapshot's admin policies onto its classes. */
export function compileAdmin(ctx: AdminCompileContext): CompiledAdmin {
  const warnings: Warning[] = [];
  const anps = [...ctx.snapshot.adminNetworkPolicies].sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // The spec leaves the order of two ANPs with the same priority undefined: implementations may differ.
  for (let i = 1; i < anps.length; i++) {
    if (anps[i].priority !== anps[i - 1].priority) continue;
    warnings.push(
      adminWarning('AdminNetworkPolicy', anps[i].name, 'anp-same-priority', `AdminNetworkPolicies ${anps[i - 1].name} and ${anps[i].name} share priority ${anps[i].priority}; the spec leaves their order undefined (Perimeter evaluates them by name), so where they conflict the cluster may decide differently.`, anps[i].origin),
    );
  }
  const baselines = ctx.snapshot.baselineAdminNetworkPolicies.filter((b) => b.name === 'default').slice(0, 1);
  const classIngressAdmin: number[][] = Array.from({ length: ctx.classCount }, () => []);
  const classEgressAdmin: number[][] = Array.from({ length: ctx.classCount }, () => []);
  const memo = new Map<string, number[]>();

  const matchClasses = (s: AdminSubject): number[] => {
    const key = JSON.stringify(s);
    let hit = memo.get(key);
    if (hit) return hit;
    hit = [];
    for (const ns of ctx.namespacesMatching(s.namespaceSelector)) {
      for (const cid of ctx.classesOfNamespace(ns)) {
        if (ctx.selectable(cid) && (s.kind === 'namespaces' || ctx.selectorMatches(s.podSelector, ctx.classLabels(cid)))) hit.push(cid);
      }
    }
    memo.set(key, hit);
    return hit;
  };

  const adminPolicies: CompiledAdminPolicy[] = [];
  const add = (tier: AdminTier, p: AdminNetworkPolicy | BaselineAdminNetworkPolicy, priority: number | undefined) => {
    const id = adminPolicies.length;
    const subjectClasses = matchClasses(p.subject);
    const rules = (direction: PolicyType): CompiledAdminRule[] =>
      (direction === 'Ingress' ? p.ingress : p.egress).map((r, index) => {
        const podPeers: number[] = [];
        const ipPeers: number[] = [];
        const peers = r.peers.map((peer, pi): CompiledAdminPeer => {
          if (peer.kind === 'nodes') return { kind: 'nodes', index: pi, peer };
          if (peer.kind === 'networks') {
            const ids: number[] = [];
            const addresses: IpRange[] = [];
            for (const cidr of peer.cidrs) {
              const range = parseCidr(cidr);
              if (!range) continue;
              const pid = ctx.nextPeerId();
              ctx.addNetwork(pid, cidr, range);
              ids.push(pid);
              addresses.push(range);
            }
            ipPeers.push(...ids);
            // "cluster-internal traffic will be checked against the rule as well" (shared_types.go, Networks): a
            // networks peer also matches pods by IP, so Deny 0.0.0.0/0 denies IPv4 pod-to-pod traffic.
            const podPeerId = ctx.nextPeerId();
            const classes: number[] = [];
            for (let cid = 0; cid < ctx.classCount; cid++) if (ctx.classNetworks(cid).some((c) => peer.cidrs.includes(c))) classes.push(cid);
            for (const cid of classes) ctx.classPeers[cid].push(podPeerId);
            podPeers.push(podPeerId);
            return { kind: 'networks', ids, podPeerId, classes, index: pi, peer, addresses };
          }
          const pid = ctx.nextPeerId();
          const classes = matchClasses(peer);
          for (const cid of classes) ctx.classPeers[cid].push(pid);
          podPeers.push(pid);
          if (classes.length === 0 && ctx.snapshot.pods.length > 0) {
            warnings.push(adminWarning(tier, p.name, 'admin-peer-matches-nothing', `${direction.toLowerCase()} rule #${index + 1}${r.name ? ` (${r.name})` : ''} peer #${pi + 1} of ${tier} ${p.name} (${describeSubject(peer)}) matches no pod; check the labels for typos.`, p.origin));
          }
          return { kind: 'pods', id: pid, index: pi, peer, classes };
        });
        return {
          policyId: id,
          tier,
          direction,
          index,
          name: r.name,
          action: r.action,
          ...(r.ports ? { ports: r.ports } : {}),
          peers,
          podPeers,
          ipPeers,
          hasNamedPort: (r.ports ?? []).some((x) => x.kind === 'namedPort'),
        };
      });
    const ingress = rules('Ingress');
    const egress = rules('Egress');
    // A policy affects a direction only through its rules there (np-guard: adminPolicyAffectsDirection).
    for (const cid of subjectClasses) {
      if (ingress.length > 0) classIngressAdmin[cid].push(id);
      if (egress.length > 0) classEgressAdmin[cid].push(id);
    }
    if (subjectClasses.length === 0 && ctx.snapshot.pods.length > 0) {
      warnings.push(adminWarning(tier, p.name, 'admin-selects-nothing', `${tier} ${p.name} selects no pod (subject ${describeSubject(p.subject)}); it has no effect.`, p.origin));
    }
    adminPolicies.push({ id, tier, name: p.name, ...(priority === undefined ? {} : { priority }), policy: p, subjectClasses, ingress, egress });
  };
  for (const p of anps) add('AdminNetworkPolicy', p, p.priority);
  for (const p of baselines) add('BaselineAdminNetworkPolicy', p, undefined);
  return { adminPolicies, classIngressAdmin, classEgressAdmin, warnings };
}

/** `namespaces {…}` or `pods {…} in namespaces {…}`. */
export function describeSubject(s: AdminPeer): string {
  switch (s.kind) {
    case 'namespaces':
      return `namespaces ${formatSelector(s.namespaceSelector)}`;
    case 'pods':
      return `pods ${formatSelector(s.podSelector)} in namespaces ${formatSelector(s.namespaceSelector)}`;
    case 'networks':
      return `networks ${s.cidrs.join(', ')}`;
    case 'nodes':
      return `nodes ${formatSelector(s.nodeSelector)}`;
  }
}

/**
 * The ports an admin rule matches toward a destination: all when `ports` is unset; a namedPort resolves on the
 * destination pod's container ports (any protocol) and matches nothing where undefined or toward an external address.
 */
export function adminPortSet(ports: readonly AdminPort[] | undefined, dstNamedPorts: readonly ContainerPort[] | null): PortSet {
  if (!ports) return ALL_PORTS;
  let out = NO_PORTS;
  for (const p of ports) {
    switch (p.kind) {
      case 'portNumber':
        out = unionPorts(out, portRangeSet(p.protocol, p.port, p.port));
        break;
      case 'portRange':
        out = unionPorts(out, portRangeSet(p.protocol, p.start, p.end));
        break;
      case 'namedPort': {
        const hit = dstNamedPorts?.find((c) => c.name === p.name);
        if (hit) out = unionPorts(out, portRangeSet(hit.protocol, hit.containerPort, hit.containerPort));
        break;
      }
    }
  }
  return out;
}
