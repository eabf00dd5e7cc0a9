import type { Analyses } from '../analyses/analyses';
import type { LabelSelector, NetworkPolicy, NetworkPolicyPeer, Snapshot } from '../model';
import { analyzeConnectivity, type Connectivity } from '../netpol/connectivity';
import { enumerateConnections, type Endpoint } from '../netpol/endpoints';
import { formatPorts, isEmptyPorts, type PortSet } from '../netpol/portSet';
import { subtractPorts } from './portDiff';

/** One connection that differs between two snapshots, at workload level (connlist names). */
export interface ConnectionChange {
  readonly change: 'added' | 'removed' | 'changed';
  readonly src: string;
  readonly dst: string;
  /** connlist port labels before and after (`No Connections` on the side where it does not exist). */
  readonly before: string;
  readonly after: string;
  /** For `changed`: what was opened and closed. */
  readonly opened?: string;
  readonly closed?: string;
  /**
   * Whether the change opens a path into the cluster from outside (external source) or across namespaces; only
   * set for `added`, and for `changed` that opens ports.
   */
  readonly exposure?: 'from-outside' | 'cross-namespace';
}

/** The ipBlock peers that cut source (ingress) and destination (egress) ranges in these snapshots. */
function cutPeers(snapshots: readonly Snapshot[]): { ingress: NetworkPolicyPeer[]; egress: NetworkPolicyPeer[] } {
  const blocks = (dir: 'ingress' | 'egress') => snapshots.flatMap((x) => x.networkPolicies.flatMap((p) => p[dir].flatMap((r) => r.peers.filter((peer) => peer.kind === 'ipBlock'))));
  // (Baseline)AdminNetworkPolicy `networks` peers (egress only) cut the destination ranges the same way.
  const admin = snapshots.flatMap((x) => [...x.adminNetworkPolicies, ...x.baselineAdminNetworkPolicies]);
  const networks: NetworkPolicyPeer[] = admin.flatMap((p) => p.egress.flatMap((r) => r.peers.flatMap((x) => (x.kind === 'networks' ? x.cidrs.map((cidr) => ({ kind: 'ipBlock' as const, cidr, except: [] })) : []))));
  return { ingress: blocks('ingress'), egress: [...blocks('egress'), ...networks] };
}

/** The distinct cuts of a snapshot, as text: two snapshots with equal cuts list the same external ranges. */
function cutsText(s: Snapshot): string {
  const text = (peers: readonly NetworkPolicyPeer[]) => [...new Set(peers.map((p) => (p.kind === 'ipBlock' ? `${p.cidr}-${[...p.except].sort().join(',')}` : '')))].sort().join(' ');
  const { ingress, egress } = cutPeers([s]);
  return `${text(ingress)}|${text(egress)}`;
}

// A selector no pod can match: the cut helper below must never select anything.
const NOTHING: LabelSelector = { matchLabels: {}, matchExpressions: [{ key: 'perimeter.dev/diff-cut-helper', operator: 'Exists', values: [] }] };

/**
 * External addresses are listed as ranges cut at the ipBlock boundaries of the snapshot's own policies, so two
 * snapshots would name them differently. A policy that selects no pod has no effect on connectivity (it isolates
 * nobody) but its ipBlocks still cut the address space: adding the other side's ipBlocks this way makes both
 * snapshots list the same ranges, so external connections compare one to one.
 */
function withCommonCuts(s: Snapshot, other: Snapshot): Snapshot {
  const { ingress, egress } = cutPeers([s, other]);
  if (ingress.length + egress.length === 0) return s;
  const helper: NetworkPolicy = {
    namespace: s.networkPolicies[0]?.namespace ?? 'default',
    name: 'perimeter-diff-cut-helper',
    labels: {},
    podSelector: NOTHING,
    policyTypes: ['Ingress', 'Egress'],
    policyTypesDeclared: true,
    ingress: ingress.length ? [{ ports: [], peers: ingress }] : [],
    egress: egress.length ? [{ ports: [], peers: egress }] : [],
  };
  return { ...s, networkPolicies: [...s.networkPolicies, helper] };
}

interface Listed {
  readonly ports: PortSet;
  readonly label: string;
  readonly src: Endpoint;
  readonly dst: Endpoint;
}

function connections(conn: Connectivity): Map<string, Listed> {
  const out = new Map<string, Listed>();
  for (const c of enumerateConnections(conn)) out.set(`${c.src.name}\u0000${c.dst.name}`, { ports: conn.ports.sets[c.ports], label: conn.ports.labels[c.ports], src: c.src, dst: c.dst });
  return out;
}

function exposureOf(src: Endpoint, dst: Endpoint): ConnectionChange['exposure'] {
  if (dst.kind === 'external') return undefined;
  if (src.kind === 'external') return 'from-outside';
  return src.namespace !== dst.namespace ? 'cross-namespace' : undefined;
}

/**
 * Connections added, removed and changed (ports) from `base` to `head`, at workload level, sorted by source then
 * destination. Both snapshots are analysed with the engine's defaults; when both cut the external addresses alike
 * (the same ipBlocks, as after most edits) their own connectivity is compared and nothing is analysed again.
 */
export function connectivityDiff(base: Analyses, head: Analyses): ConnectionChange[] {
  const sameCuts = cutsText(base.snapshot) === cutsText(head.snapshot);
  const before = connections(sameCuts ? base.connectivity : analyzeConnectivity(withCommonCuts(base.snapshot, head.snapshot)));
  const after = connections(sameCuts ? head.connectivity : analyzeConnectivity(withCommonCuts(head.snapshot, base.snapshot)));
  const out: ConnectionChange[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b) {
      out.push({ change: 'added', src: a.src.name, dst: a.dst.name, before: 'No Connections', after: a.label, ...optional(exposureOf(a.src, a.dst)) });
    } else if (b.label !== a.label) {
      const opened = subtractPorts(a.ports, b.ports);
      const closed = subtractPorts(b.ports, a.ports);
      out.push({
        change: 'changed',
        src: a.src.name,
        dst: a.dst.name,
        before: b.label,
        after: a.label,
        ...(isEmptyPorts(opened) ? {} : { opened: formatPorts(opened), ...optional(exposureOf(a.src, a.dst)) }),
        ...(isEmptyPorts(closed) ? {} : { closed: formatPorts(closed) }),
      });
    }
  }
  for (const [key, b] of before) if (!after.has(key)) out.push({ change: 'removed', src: b.src.name, dst: b.dst.name, before: b.label, after: 'No Connections' });
  return out.sort((x, y) => (x.src < y.src ? -1 : x.src > y.src ? 1 : x.dst < y.dst ? -1 : x.dst > y.dst ? 1 : 0));
}

function optional(exposure: ConnectionChange['exposure']): { exposure?: ConnectionChange['exposure'] } {
  return exposure ? { exposure } : {};
}

/**
 * What an exposing change opens, in words: a new path (added), or a new port on a path that existed (changed), from
 * outside the cluster or across namespaces. Empty for a change that exposes nothing.
 */
export function exposureLabel(c: ConnectionChange): string {
  if (!c.exposure) return '';
  const where = c.exposure === 'from-outside' ? 'from outside the cluster' : 'across namespaces';
  return c.change === 'changed' ? `new port${c.opened && /[,-]/.test(c.opened) ? 's' : ''} ${c.opened} on an existing path ${where}` : `new path ${where}`;
}
