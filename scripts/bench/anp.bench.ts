// Admin tiers on top of the synthetic cluster: the NetworkPolicy benchmarks' 10,000 / 50,000-pod clusters plus 20
// AdminNetworkPolicies (one per team: Allow, Pass, Deny by namespace labels, a namedPort and a networks peer) and a
// BaselineAdminNetworkPolicy over the prod namespaces, to measure what the tiers cost inside the class/group engine.
import type { AdminNetworkPolicy, BaselineAdminNetworkPolicy, LabelSelector, Snapshot } from '../../lib/model';
import { compileSnapshot } from '../../lib/netpol/compile';
import { analyzeConnectivity } from '../../lib/netpol/connectivity';
import { explain } from '../../lib/netpol/explain';
import { generateCluster } from '../../lib/synthetic/generateCluster';
import type { Bench } from './harness';

const sel = (matchLabels: Record<string, string> = {}): LabelSelector => ({ matchLabels, matchExpressions: [] });

/** The synthetic cluster plus 20 AdminNetworkPolicies and a BaselineAdminNetworkPolicy (shared with exposure.bench.ts). */
export function withAdminTiers(s: Snapshot): Snapshot {
  const anps: AdminNetworkPolicy[] = Array.from({ length: 20 }, (_, i) => ({
    name: `team-${i}-guardrail`,
    labels: {},
    priority: 10 + i,
    subject: { kind: 'namespaces', namespaceSelector: sel({ team: `team-${i}` }) },
    ingress: [
      { name: 'allow-same-team', action: 'Allow', peers: [{ kind: 'namespaces', namespaceSelector: sel({ team: `team-${i}` }) }], ports: [{ kind: 'namedPort', name: 'http' }] },
      { name: 'pass-dev', action: 'Pass', peers: [{ kind: 'namespaces', namespaceSelector: sel({ env: 'dev' }) }] },
      { name: 'deny-next-team', action: 'Deny', peers: [{ kind: 'pods', namespaceSelector: sel({ team: `team-${(i + 1) % 20}` }), podSelector: sel({ tier: 'db' }) }] },
    ],
    egress: [
      { name: 'deny-metadata', action: 'Deny', peers: [{ kind: 'networks', cidrs: ['169.254.169.254/32'] }] },
      { name: 'pass-rest', action: 'Pass', peers: [{ kind: 'namespaces', namespaceSelector: sel() }, { kind: 'networks', cidrs: ['0.0.0.0/0'] }], ports: [{ kind: 'portRange', protocol: 'TCP', start: 1, end: 32767 }] },
    ],
  }));
  const banp: BaselineAdminNetworkPolicy = {
    name: 'default',
    labels: {},
    subject: { kind: 'namespaces', namespaceSelector: sel({ env: 'prod' }) },
    ingress: [{ name: 'deny-dev', action: 'Deny', peers: [{ kind: 'namespaces', namespaceSelector: sel({ env: 'dev' }) }] }],
    egress: [{ name: 'deny-internet', action: 'Deny', peers: [{ kind: 'networks', cidrs: ['0.0.0.0/0'] }], ports: [{ kind: 'portNumber', protocol: 'TCP', port: 25 }] }],
  };
  return { ...s, adminNetworkPolicies: anps, baselineAdminNetworkPolicies: [banp] };
}

const cache = new Map<number, Snapshot>();
const cluster = (pods: number): Snapshot => {
  let s = cache.get(pods);
  if (!s) cache.set(pods, (s = withAdminTiers(generateCluster({ pods }))));
  return s;
};
let compiled: ReturnType<typeof compileSnapshot> | undefined;

export const benches: readonly Bench[] = [
  {
    name: 'compile + connectivity with 20 ANPs + BANP, 10,000 pods',
    setup: () => cluster(10_000),
    run: (s) => analyzeConnectivity(compileSnapshot(s as Snapshot)).groups.length,
    targetMs: 2_000,
  },
  {
    name: 'compile + connectivity with 20 ANPs + BANP, 50,000 pods',
    setup: () => cluster(50_000),
    run: (s) => analyzeConnectivity(compileSnapshot(s as Snapshot)).groups.length,
    targetMs: 10_000,
  },
  {
    name: 'explain one pair through the tiers (compiled 10,000 pods)',
    setup: () => (compiled ??= compileSnapshot(cluster(10_000))),
    run: (c) => {
      const r = explain(c as ReturnType<typeof compileSnapshot>, { from: 'tenant-0007/Deployment/web-0', to: 'tenant-0027/Deployment/api-1', port: 'http' });
      if (!r.ok) throw new Error(r.message);
      return undefined;
    },
    repeat: 50,
    targetMs: 20,
  },
];
