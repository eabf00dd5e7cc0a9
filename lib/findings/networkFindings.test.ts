import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from '../netpol/connectivity';
import { ipPeer, pod, podsPeer, policy, port, rule, sel, snapshot } from '../netpol/testing';
import { loadDemoSnapshot } from '../sources';
import type { Finding } from './finding';
import { networkFindings } from './networkFindings';

const run = (parts: Parameters<typeof snapshot>[0]) => networkFindings(analyzeConnectivity(snapshot(parts)));
const ids = (fs: Finding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId).map((f) => f.id);
const denyAll = (ns: string) => policy(`${ns}/deny`, { types: ['Ingress', 'Egress'] });

describe('network findings rules', () => {
  it('PER-NET-NO-DEFAULT-DENY-*: a namespace with pods and no podSelector {} deny, per direction', () => {
    const f = run({ pods: [pod('a/x'), pod('b/y')], policies: [policy('a/deny-in')] });
    expect(ids(f, 'PER-NET-NO-DEFAULT-DENY-INGRESS')).toEqual(['PER-NET-NO-DEFAULT-DENY-INGRESS:b']);
    expect(ids(f, 'PER-NET-NO-DEFAULT-DENY-EGRESS').sort()).toEqual(['PER-NET-NO-DEFAULT-DENY-EGRESS:a', 'PER-NET-NO-DEFAULT-DENY-EGRESS:b']);
    expect(f.find((x) => x.id === 'PER-NET-NO-DEFAULT-DENY-INGRESS:b')?.severity).toBe('medium');
  });
  it('an allow-all rule under podSelector {} is not a default deny: no peers, every namespace, or 0.0.0.0/0 on every port', () => {
    for (const r of [rule(), rule([podsPeer(undefined, sel())]), rule([ipPeer('0.0.0.0/0')])]) {
      const f = run({ pods: [pod('a/x')], policies: [policy('a/open', { ingress: [r] })] });
      expect(ids(f, 'PER-NET-NO-DEFAULT-DENY-INGRESS')).toEqual(['PER-NET-NO-DEFAULT-DENY-INGRESS:a']);
    }
    // Allowing the own namespace, or every namespace on one port, still denies the rest by default.
    for (const r of [rule([podsPeer(sel())]), rule([podsPeer(undefined, sel())], [port('TCP', 443)])]) {
      const f = run({ pods: [pod('a/x')], policies: [policy('a/narrow', { ingress: [r] })] });
      expect(ids(f, 'PER-NET-NO-DEFAULT-DENY-INGRESS')).toEqual([]);
    }
  });
  it('PER-NET-POLICY-SELECTS-NOTHING and PER-NET-PEER-SELECTS-NOTHING come from the engine warnings', () => {
    const f = run({
      pods: [pod('a/x', { labels: { app: 'x' } })],
      policies: [denyAll('a'), policy('a/typo', { podSelector: sel({ app: 'xx' }) }), policy('a/peer', { podSelector: sel({ app: 'x' }), ingress: [rule([podsPeer(sel({ app: 'nope' }))])] })],
    });
    expect(ids(f, 'PER-NET-POLICY-SELECTS-NOTHING')).toEqual(['PER-NET-POLICY-SELECTS-NOTHING:a/typo']);
    expect(ids(f, 'PER-NET-PEER-SELECTS-NOTHING')).toEqual(['PER-NET-PEER-SELECTS-NOTHING:a/peer']);
  });
  it('PER-NET-OPEN-SENSITIVE-PORT: from every namespace to postgres, resolving a named port on the selected pods', () => {
    const db = pod('db/pg', { labels: { app: 'pg' }, ports: [{ name: 'pg', containerPort: 5432, protocol: 'TCP' }] });
    const f = run({ pods: [db], policies: [denyAll('db'), policy('db/all-ns', { podSelector: sel({ app: 'pg' }), ingress: [rule([podsPeer(undefined, sel())], [port('TCP', 'pg')])] })] });
    const hit = f.filter((x) => x.ruleId === 'PER-NET-OPEN-SENSITIVE-PORT');
    expect(hit.map((x) => x.id)).toEqual(['PER-NET-OPEN-SENSITIVE-PORT:db/all-ns:ingress-0']);
    expect(hit[0].severity).toBe('high');
    expect(hit[0].title).toContain('TCP/5432 (postgres)');
  });
  it('0.0.0.0/0 on 443 is not a sensitive port; 0.0.0.0/0 on 22 is', () => {
    const web = pod('w/web', { labels: { app: 'web' } });
    const mk = (p: number) => run({ pods: [web], policies: [denyAll('w'), policy('w/any', { podSelector: sel({ app: 'web' }), ingress: [rule([ipPeer('0.0.0.0/0')], [port('TCP', p)])] })] });
    expect(ids(mk(443), 'PER-NET-OPEN-SENSITIVE-PORT')).toEqual([]);
    expect(ids(mk(22), 'PER-NET-OPEN-SENSITIVE-PORT')).toEqual(['PER-NET-OPEN-SENSITIVE-PORT:w/any:ingress-0']);
  });
  it('a podSelector-only peer (same namespace) is never "every namespace"', () => {
    const f = run({ pods: [pod('a/x', { labels: { app: 'x' } })], policies: [denyAll('a'), policy('a/same', { ingress: [rule([podsPeer(sel())])] })] });
    expect(ids(f, 'PER-NET-OPEN-SENSITIVE-PORT')).toEqual([]);
  });
  it('PER-NET-OPEN-SENSITIVE-PORT: an AdminNetworkPolicy Allow from every namespace to redis; a Pass is not reported', () => {
    const redis = pod('cache/redis', { labels: { app: 'redis' }, ports: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }] });
    const anp = (action: 'Allow' | 'Pass') => ({
      name: 'open-cache', labels: {}, priority: 5,
      subject: { kind: 'namespaces' as const, namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'cache' }) },
      ingress: [{ name: 'all', action, peers: [{ kind: 'namespaces' as const, namespaceSelector: sel() }], ports: [{ kind: 'namedPort' as const, name: 'redis' }] }],
      egress: [],
    });
    const mk = (action: 'Allow' | 'Pass') => networkFindings(analyzeConnectivity({ ...snapshot({ pods: [redis], policies: [denyAll('cache')] }), adminNetworkPolicies: [anp(action)] }));
    expect(ids(mk('Allow'), 'PER-NET-OPEN-SENSITIVE-PORT')).toEqual(['PER-NET-OPEN-SENSITIVE-PORT:AdminNetworkPolicy/open-cache:ingress-0']);
    expect(ids(mk('Pass'), 'PER-NET-OPEN-SENSITIVE-PORT')).toEqual([]);
  });
  it('PER-NET-EGRESS-ANYWHERE: egress to 0.0.0.0/0 without ports; with ports it is not reported', () => {
    const mk = (ports: ReturnType<typeof port>[]) => run({ pods: [pod('a/x')], policies: [policy('a/out', { types: ['Egress'], egress: [rule([ipPeer('0.0.0.0/0')], ports)] })] });
    expect(ids(mk([]), 'PER-NET-EGRESS-ANYWHERE')).toEqual(['PER-NET-EGRESS-ANYWHERE:a/out:egress-0']);
    expect(ids(mk([port('TCP', 443)]), 'PER-NET-EGRESS-ANYWHERE')).toEqual([]);
    // Every protocol without a port number is every port too.
    expect(ids(mk([port('TCP'), port('UDP'), port('SCTP')]), 'PER-NET-EGRESS-ANYWHERE')).toHaveLength(1);
  });
  it('PER-NET-DNS-BLOCKED: an egress-isolated workload without UDP 53 to kube-dns; allowing DNS clears it', () => {
    const dns = pod('kube-system/coredns', { labels: { 'k8s-app': 'kube-dns' } });
    const app = pod('a/app', { labels: { app: 'app' } });
    const blocked = run({ pods: [dns, app], policies: [denyAll('a')] });
    expect(ids(blocked, 'PER-NET-DNS-BLOCKED')).toEqual(['PER-NET-DNS-BLOCKED:a/app[Pod]']);
    const allowDns = policy('a/dns', { types: ['Egress'], egress: [rule([podsPeer(sel({ 'k8s-app': 'kube-dns' }), sel({ 'kubernetes.io/metadata.name': 'kube-system' }))], [port('UDP', 53)])] });
    expect(ids(run({ pods: [dns, app], policies: [denyAll('a'), allowDns] }), 'PER-NET-DNS-BLOCKED')).toEqual([]);
    // TCP 53 alone is not enough: resolvers use UDP first.
    const tcpOnly = policy('a/dns', { types: ['Egress'], egress: [rule([], [port('TCP', 53)])] });
    expect(ids(run({ pods: [dns, app], policies: [denyAll('a'), tcpOnly] }), 'PER-NET-DNS-BLOCKED')).toHaveLength(1);
  });
  it('PER-NET-NAMED-PORT-UNDEFINED: an ingress named port the selected pods do not declare', () => {
    const f = run({ pods: [pod('a/x', { labels: { app: 'x' }, ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] })], policies: [denyAll('a'), policy('a/np', { podSelector: sel({ app: 'x' }), ingress: [rule([], [port('TCP', 'https')])] })] });
    expect(ids(f, 'PER-NET-NAMED-PORT-UNDEFINED')).toEqual(['PER-NET-NAMED-PORT-UNDEFINED:a/np']);
  });
  it('PER-NET-IPBLOCK-COVERS-PODS: an ipBlock over the pod network', () => {
    const f = run({ pods: [pod('a/x', { ip: '10.244.1.5' })], policies: [denyAll('a'), policy('a/ip', { ingress: [rule([ipPeer('10.244.0.0/16')])] })] });
    expect(ids(f, 'PER-NET-IPBLOCK-COVERS-PODS')).toEqual(['PER-NET-IPBLOCK-COVERS-PODS:a/ip']);
  });
});

describe('network findings on the demo cluster (demo/README.md "Planted network facts")', () => {
  it('finds the typo policy, grafana open to everyone, and the namespaces without default deny', async () => {
    const f = networkFindings(analyzeConnectivity(await loadDemoSnapshot()));
    expect(ids(f, 'PER-NET-POLICY-SELECTS-NOTHING')).toEqual(['PER-NET-POLICY-SELECTS-NOTHING:payments/payments-api-to-fraud-scorer']);
    expect(ids(f, 'PER-NET-OPEN-SENSITIVE-PORT')).toEqual(['PER-NET-OPEN-SENSITIVE-PORT:monitoring/grafana-open:ingress-0']);
    expect(ids(f, 'PER-NET-NO-DEFAULT-DENY-INGRESS').sort()).toEqual(['ci', 'ingress-nginx', 'kube-system'].map((n) => `PER-NET-NO-DEFAULT-DENY-INGRESS:${n}`));
    expect(ids(f, 'PER-NET-NO-DEFAULT-DENY-EGRESS').sort()).toEqual(['ci', 'ingress-nginx', 'kube-system', 'monitoring', 'shop-db'].map((n) => `PER-NET-NO-DEFAULT-DENY-EGRESS:${n}`));
    // Every egress-isolated workload of the demo has its allow-dns-egress policy.
    expect(ids(f, 'PER-NET-DNS-BLOCKED')).toEqual([]);
    expect(new Set(f.map((x) => x.id)).size).toBe(f.length);
  });
});
