import { describe, expect, it } from 'vitest';
import { analyzeConnectivity } from './connectivity';
import { compileSnapshot, type AnalyzeOptions } from './compile';
import { explain } from './explain';
import { connectionBetween, enumerateConnections, listEndpoints } from './endpoints';
import { ipPeer, ns, pod, podsPeer, policy, port, rule, sel, snapshot } from './testing';
import type { Namespace, NetworkPolicy, Pod } from '../model';

/** The connlist text of the connection from one endpoint name to another ('' when nothing is allowed). */
function connOf(parts: { pods: Pod[]; policies?: NetworkPolicy[]; namespaces?: Namespace[] }, opts: AnalyzeOptions = {}) {
  const conn = analyzeConnectivity(snapshot(parts), opts);
  const eps = listEndpoints(conn, 'pod');
  const find = (n: string) => {
    const e = eps.find((x) => x.name === n || x.name === `${n}[Pod]` || x.name === `${n}[External]`);
    if (!e) throw new Error(`no endpoint ${n} among ${eps.map((x) => x.name).join(' ')}`);
    return e;
  };
  return (a: string, b: string) => {
    const id = connectionBetween(conn, find(a), find(b));
    return id === 0 ? '' : conn.ports.labels[id];
  };
}

const ALL = 'All Connections';
const web = pod('shop/web', { labels: { app: 'web' } });
const api = pod('shop/api', { labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });
const db = pod('data/db', { labels: { app: 'db' } });

describe('isolation', () => {
  it('a pod selected by no policy allows everything in both directions', () => {
    const c = connOf({ pods: [web, api] });
    expect(c('shop/web', 'shop/api')).toBe(ALL);
    expect(c('shop/api', '0.0.0.0-255.255.255.255')).toBe(ALL);
  });
  it('a pod is isolated for ingress when a policy of its namespace selects it with Ingress in policyTypes', () => {
    const c = connOf({ pods: [web, api], policies: [policy('shop/deny', { podSelector: sel({ app: 'api' }) })] });
    expect(c('shop/web', 'shop/api')).toBe('');
    expect(c('shop/api', 'shop/web')).toBe(ALL);
  });
  it('a policy selects only pods of its own namespace', () => {
    const c = connOf({ pods: [web, db], policies: [policy('shop/deny-all')] });
    expect(c('shop/web', 'data/db')).toBe(ALL);
    expect(c('data/db', 'shop/web')).toBe('');
  });
  it('a pod is isolated for egress only by policies with Egress in policyTypes', () => {
    const ingressOnly = connOf({ pods: [web, api], policies: [policy('shop/p', { podSelector: sel({ app: 'web' }) })] });
    expect(ingressOnly('shop/web', 'shop/api')).toBe(ALL);
    const egress = connOf({ pods: [web, api], policies: [policy('shop/p', { podSelector: sel({ app: 'web' }), types: ['Egress'] })] });
    expect(egress('shop/web', 'shop/api')).toBe('');
    expect(egress('shop/api', 'shop/web')).toBe(ALL);
  });
  it('a connection needs the source egress AND the destination ingress', () => {
    const c = connOf({
      pods: [web, api],
      policies: [
        policy('shop/web-out', { podSelector: sel({ app: 'web' }), types: ['Egress'], egress: [rule([], [port('TCP', 80), port('TCP', 8080)])] }),
        policy('shop/api-in', { podSelector: sel({ app: 'api' }), ingress: [rule([], [port('TCP', 8080), port('TCP', 9090)])] }),
      ],
    });
    expect(c('shop/web', 'shop/api')).toBe('TCP 8080');
  });
  it('allowed sets of all policies selecting a pod are unioned', () => {
    const c = connOf({
      pods: [web, api],
      policies: [
        policy('shop/a', { podSelector: sel({ app: 'api' }), ingress: [rule([], [port('TCP', 80)])] }),
        policy('shop/b', { podSelector: sel({}), ingress: [rule([], [port('UDP', 53)])] }),
      ],
    });
    expect(c('shop/web', 'shop/api')).toBe('TCP 80,UDP 53');
    expect(c('shop/api', 'shop/web')).toBe('UDP 53');
  });
});

describe('rules', () => {
  it('ingress: [{}] allows all', () => {
    const c = connOf({ pods: [web, api], policies: [policy('shop/p', { ingress: [rule()] })] });
    expect(c('shop/web', 'shop/api')).toBe(ALL);
    expect(c('0.0.0.0-255.255.255.255', 'shop/api')).toBe(ALL);
  });
  it('ingress: [] denies all for a policy of type Ingress', () => {
    const c = connOf({ pods: [web, api], policies: [policy('shop/p', { ingress: [] })] });
    expect(c('shop/web', 'shop/api')).toBe('');
    expect(c('0.0.0.0-255.255.255.255', 'shop/api')).toBe('');
  });
  it('a rule with no peers matches every peer, external addresses included', () => {
    const c = connOf({ pods: [web, api, db], policies: [policy('shop/p', { podSelector: sel({ app: 'api' }), ingress: [rule([], [port('TCP', 443)])] })] });
    expect(c('data/db', 'shop/api')).toBe('TCP 443');
    expect(c('0.0.0.0-255.255.255.255', 'shop/api')).toBe('TCP 443');
  });
  it('a rule with no ports matches every port and protocol', () => {
    const c = connOf({ pods: [web, api], policies: [policy('shop/p', { podSelector: sel({ app: 'api' }), ingress: [rule([podsPeer(sel({ app: 'web' }))])] })] });
    expect(c('shop/web', 'shop/api')).toBe(ALL);
  });
});

describe('peers', () => {
  const nsA = ns('a', { team: 'x' });
  const nsB = ns('b', { team: 'y' });
  const a1 = pod('a/one', { labels: { role: 'client' } });
  const a2 = pod('a/two', { labels: { role: 'other' } });
  const b1 = pod('b/one', { labels: { role: 'client' } });
  const target = pod('b/target', { labels: { role: 'server' } });
  const withPeer = (peers: ReturnType<typeof podsPeer>[]) =>
    connOf({ namespaces: [nsA, nsB], pods: [a1, a2, b1, target], policies: [policy('b/p', { podSelector: sel({ role: 'server' }), ingress: [rule(peers)] })] });

  it('podSelector alone selects pods in the policy namespace', () => {
    const c = withPeer([podsPeer(sel({ role: 'client' }))]);
    expect(c('b/one', 'b/target')).toBe(ALL);
    expect(c('a/one', 'b/target')).toBe('');
  });
  it('namespaceSelector alone selects all pods in matching namespaces', () => {
    const c = withPeer([podsPeer(undefined, sel({ team: 'x' }))]);
    expect(c('a/one', 'b/target')).toBe(ALL);
    expect(c('a/two', 'b/target')).toBe(ALL);
    expect(c('b/one', 'b/target')).toBe('');
  });
  it('a peer with namespaceSelector and podSelector ANDs them', () => {
    const c = withPeer([podsPeer(sel({ role: 'client' }), sel({ team: 'x' }))]);
    expect(c('a/one', 'b/target')).toBe(ALL);
    expect(c('a/two', 'b/target')).toBe('');
    expect(c('b/one', 'b/target')).toBe('');
  });
  it('separate peers are ORed', () => {
    const c = withPeer([podsPeer(undefined, sel({ team: 'x' })), podsPeer(sel({ role: 'client' }))]);
    expect(c('a/two', 'b/target')).toBe(ALL);
    expect(c('b/one', 'b/target')).toBe(ALL);
  });
  it('{} selectors match everything', () => {
    const c = withPeer([podsPeer(sel(), sel())]);
    expect(c('a/two', 'b/target')).toBe(ALL);
    expect(c('b/one', 'b/target')).toBe(ALL);
    expect(c('0.0.0.0-255.255.255.255', 'b/target')).toBe('');
  });
  it('a pod peer never matches external addresses', () => {
    const c = withPeer([podsPeer(sel())]);
    expect(c('0.0.0.0-255.255.255.255', 'b/target')).toBe('');
  });
  it('NotIn matches pods that lack the key', () => {
    const c = withPeer([podsPeer(sel({}, [{ key: 'role', operator: 'NotIn', values: ['server', 'client'] }]), sel())]);
    expect(c('a/two', 'b/target')).toBe(ALL);
    expect(c('a/one', 'b/target')).toBe('');
    const bare = pod('a/bare');
    const c2 = connOf({ namespaces: [nsA, nsB], pods: [bare, target], policies: [policy('b/p', { podSelector: sel({ role: 'server' }), ingress: [rule([podsPeer(sel({}, [{ key: 'role', operator: 'NotIn', values: ['client'] }]), sel())])] })] });
    expect(c2('a/bare', 'b/target')).toBe(ALL);
  });
});

describe('ports', () => {
  const onPorts = (ports: ReturnType<typeof port>[], dst: Pod = api) =>
    connOf({ pods: [web, dst], policies: [policy('shop/p', { podSelector: sel({ app: dst.labels.app }), ingress: [rule([], ports)] })] });
  it('TCP, UDP and SCTP are distinct protocols', () => {
    expect(onPorts([port('UDP', 53), port('SCTP', 9000)])('shop/web', 'shop/api')).toBe('SCTP 9000,UDP 53');
  });
  it('endPort makes a range', () => {
    expect(onPorts([port('TCP', 8000, 8010), port('TCP', 8005, 8020)])('shop/web', 'shop/api')).toBe('TCP 8000-8020');
  });
  it('a port entry with a protocol and no port means every port of that protocol', () => {
    expect(onPorts([port('UDP')])('shop/web', 'shop/api')).toBe('UDP 1-65535');
  });
  it('a named port resolves on the destination container ports when name and protocol match', () => {
    expect(onPorts([port('TCP', 'http')])('shop/web', 'shop/api')).toBe('TCP 8080');
    expect(onPorts([port('UDP', 'http')])('shop/web', 'shop/api')).toBe('');
  });
  it('a named port the destination does not define allows nothing there', () => {
    const other = pod('shop/other', { labels: { app: 'api' }, ports: [{ name: 'http', containerPort: 9000, protocol: 'TCP' }] });
    const bare = pod('shop/bare', { labels: { app: 'api' } });
    const c = connOf({ pods: [web, api, other, bare], policies: [policy('shop/p', { podSelector: sel({ app: 'api' }), ingress: [rule([], [port('TCP', 'http')])] })] });
    expect(c('shop/web', 'shop/api')).toBe('TCP 8080');
    expect(c('shop/web', 'shop/other')).toBe('TCP 9000');
    expect(c('shop/web', 'shop/bare')).toBe('');
  });
  it('an egress named port resolves on the destination pod and matches nothing toward external addresses', () => {
    const c = connOf({ pods: [web, api], policies: [policy('shop/out', { podSelector: sel({ app: 'web' }), types: ['Egress'], egress: [rule([], [port('TCP', 'http')])] })] });
    expect(c('shop/web', 'shop/api')).toBe('TCP 8080');
    expect(c('shop/web', '0.0.0.0-255.255.255.255')).toBe('');
  });
});

describe('ipBlock', () => {
  const inPolicy = policy('shop/p', { podSelector: sel({ app: 'api' }), ingress: [rule([ipPeer('10.0.0.0/8', ['10.1.0.0/16'])], [port('TCP', 443)])] });
  it('matches cidr minus every except, cut into disjoint external ranges', () => {
    const c = connOf({ pods: [web, api], policies: [inPolicy] });
    expect(c('10.0.0.0-10.0.255.255', 'shop/api')).toBe('TCP 443');
    expect(c('10.1.0.0-10.1.255.255', 'shop/api')).toBe('');
    expect(c('10.2.0.0-10.255.255.255', 'shop/api')).toBe('TCP 443');
    expect(c('11.0.0.0-255.255.255.255', 'shop/api')).toBe('');
  });
  it('does not match pod addresses, and warns when it covers some', () => {
    const inside = pod('shop/web', { labels: { app: 'web' }, ip: '10.0.0.5' });
    const compiled = compileSnapshot(snapshot({ pods: [inside, api], policies: [inPolicy] }));
    expect(compiled.warnings.map((w) => w.code)).toContain('netpol-ipblock-covers-pods');
    const c = connOf({ pods: [inside, api], policies: [inPolicy] });
    expect(c('shop/web', 'shop/api')).toBe('');
  });
  it('IPv6 cidrs cut the IPv6 space and IPv4 stays whole', () => {
    const p6 = policy('shop/p', { podSelector: sel({ app: 'api' }), ingress: [rule([ipPeer('2001:db8::/32')])] });
    const c = connOf({ pods: [web, api], policies: [p6] });
    expect(c('2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'shop/api')).toBe(ALL);
    expect(c('::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', 'shop/api')).toBe('');
    expect(c('0.0.0.0-255.255.255.255', 'shop/api')).toBe('');
  });
  it('sources are cut at ingress ipBlocks and destinations at egress ipBlocks', () => {
    const conn = analyzeConnectivity(snapshot({ pods: [web, api], policies: [inPolicy] }));
    const ext = listEndpoints(conn).filter((e) => e.kind === 'external');
    const dsts = ext.filter((e) => e.kind === 'external' && e.destination).map((e) => e.name);
    expect(dsts).toEqual(['0.0.0.0-255.255.255.255[External]']);
    expect(ext.filter((e) => e.kind === 'external' && e.source)).toHaveLength(5);
  });
});

describe('pods', () => {
  it('hostNetwork pods are selected like any pod by default, and by no policy when treated as host endpoints', () => {
    const host = pod('shop/node-agent', { labels: { app: 'api' }, hostNetwork: true });
    const parts = { pods: [web, host], policies: [policy('shop/deny', { podSelector: sel({ app: 'api' }) })] };
    expect(connOf(parts)('shop/web', 'shop/node-agent')).toBe('');
    expect(connOf(parts, { hostNetwork: 'host' })('shop/web', 'shop/node-agent')).toBe(ALL);
  });
  describe('hostNetwork pods read as their node (--host-network host): only ipBlocks match them (issue 14 item 3)', () => {
    const agent = pod('kube-system/node-agent', { labels: { app: 'agent' }, hostNetwork: true, ip: '192.168.1.10', ports: [{ name: 'metrics', containerPort: 9100, protocol: 'TCP' }] });
    const client = pod('shop/client', { labels: { app: 'client' }, ip: '10.244.9.1' });
    const policies = [
      // Egress of client: the node subnet on 9100, and nothing else; ingress of client: the node subnet only.
      policy('shop/client-egress', { podSelector: sel({ app: 'client' }), types: ['Ingress', 'Egress'], egress: [rule([ipPeer('192.168.1.0/24', ['192.168.1.128/25'])], [port('TCP', 9100)])], ingress: [rule([ipPeer('192.168.0.0/16')])] }),
      // A pod selector never matches the host pod in this reading.
      policy('shop/by-label', { podSelector: sel({ app: 'client' }), ingress: [rule([podsPeer(sel({ app: 'agent' }), sel())], [port('TCP', 22)])] }),
    ];
    const parts = { pods: [client, agent], policies };
    it('an ipBlock covering the node IP matches the pod, as destination and as source', () => {
      const c = connOf(parts, { hostNetwork: 'host' });
      expect(c('shop/client', 'kube-system/node-agent')).toBe('TCP 9100');
      expect(c('kube-system/node-agent', 'shop/client')).toBe(ALL);
      // The other reading: selectors match it and ipBlocks do not.
      const asPod = connOf(parts);
      expect(asPod('shop/client', 'kube-system/node-agent')).toBe('');
      expect(asPod('kube-system/node-agent', 'shop/client')).toBe('TCP 22');
    });
    it('an except around the node IP leaves it unmatched', () => {
      const far = pod('kube-system/far-agent', { labels: { app: 'agent' }, hostNetwork: true, ip: '192.168.1.200' });
      expect(connOf({ pods: [client, far], policies }, { hostNetwork: 'host' })('shop/client', 'kube-system/far-agent')).toBe('');
    });
    it('asking by name and by the node IP gives the same answers, both directions, every port asked', () => {
      const compiled = compileSnapshot(snapshot(parts), { hostNetwork: 'host' });
      for (const [protocol, p] of [['TCP', 9100], ['TCP', 22], ['UDP', 53]] as const) {
        for (const [from, to, fromIp, toIp] of [['shop/client', 'kube-system/node-agent', 'shop/client', '192.168.1.10'], ['kube-system/node-agent', 'shop/client', '192.168.1.10', 'shop/client']]) {
          const byName = explain(compiled, { from, to, port: p, protocol });
          const byIp = explain(compiled, { from: fromIp, to: toIp, port: p, protocol });
          if (!byName.ok || !byIp.ok) throw new Error('unresolved');
          expect(`${from} -> ${to} ${protocol} ${p}: ${byIp.explanation.verdict}`).toBe(`${from} -> ${to} ${protocol} ${p}: ${byName.explanation.verdict}`);
        }
      }
      const byIp = explain(compiled, { from: 'shop/client', to: '192.168.1.10', port: 9100 });
      expect(byIp.ok && byIp.explanation.notes).toEqual(['192.168.1.10 is the node IP of hostNetwork pod kube-system/node-agent: read as its node, the pod is matched by ipBlocks alone, so asking by either gives the same answer']);
      const named = explain(compiled, { from: 'shop/client', to: 'kube-system/node-agent', port: 9100 });
      expect(named.ok && named.explanation.egress.hits).toEqual([expect.objectContaining({ policy: 'shop/client-egress', ruleIndex: 0, peerIndex: 0 })]);
    });
  });
  it('pods not Running or without an IP are marked and left out on request; template pods count as live', () => {
    const pending = pod('shop/pending', { phase: 'Pending', ips: [] });
    const tmpl = pod('shop/tmpl', { phase: 'Pending', ips: [], fromTemplate: true });
    const compiled = compileSnapshot(snapshot({ pods: [web, pending, tmpl] }));
    expect(compiled.pods.map((p) => [p.pod.name, p.active])).toEqual([['web', true], ['pending', false], ['tmpl', true]]);
    const live = compileSnapshot(snapshot({ pods: [web, pending, tmpl] }), { includeInactive: false });
    expect(live.pods.map((p) => p.pod.name)).toEqual(['web', 'tmpl']);
  });
  it('pods with identical namespace, labels and named ports share a class', () => {
    const r1 = pod('shop/web-1', { labels: { app: 'web' }, owner: 'Deployment/web' });
    const r2 = pod('shop/web-2', { labels: { app: 'web' }, owner: 'Deployment/web' });
    const compiled = compileSnapshot(snapshot({ pods: [r1, r2, api] }));
    expect(compiled.classes).toHaveLength(2);
  });
});

describe('warnings', () => {
  it('a peer that matches nothing is a warning naming the rule', () => {
    const compiled = compileSnapshot(snapshot({ pods: [web, api], policies: [policy('shop/p', { ingress: [rule([podsPeer(sel({ app: 'wbe' }))])] })] }));
    const w = compiled.warnings.find((x) => x.code === 'netpol-peer-matches-nothing');
    expect(w?.message).toContain('app=wbe');
  });
  it('a policy that selects nothing is a warning', () => {
    const compiled = compileSnapshot(snapshot({ pods: [web], policies: [policy('shop/p', { podSelector: sel({ app: 'nope' }) })] }));
    expect(compiled.warnings.map((w) => w.code)).toContain('netpol-selects-nothing');
  });
});

describe('workloads', () => {
  it('pods of one workload are one endpoint (union over its pods) and a workload never connects to itself', () => {
    const p1 = pod('default/pod-1', { labels: { security: 'internal', app: 'command' }, owner: 'Pod/internal-security' });
    const p2 = pod('default/pod-2', { labels: { security: 'internal', app: 'query' }, owner: 'Pod/internal-security' });
    const p3 = pod('default/pod-3', { labels: { app: 'pod3' } });
    const np = policy('default/p', { ingress: [rule([podsPeer(sel({ security: 'internal' }))], [port('TCP', 8050)])] });
    const conn = analyzeConnectivity(snapshot({ pods: [p1, p2, p3], policies: [np] }));
    const lines = [...enumerateConnections(conn)].map((c) => `${c.src.name} => ${c.dst.name} : ${conn.ports.labels[c.ports]}`);
    expect(lines).toEqual([
      'default/internal-security[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'default/internal-security[Pod] => default/pod-3[Pod] : TCP 8050',
      'default/pod-3[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
    ]);
  });
});

describe('workload warnings', () => {
  it('a workload whose pods policies treat differently is flagged', () => {
    const a = pod('shop/w-1', { labels: { app: 'w', canary: 'yes' }, owner: 'Deployment/w' });
    const b = pod('shop/w-2', { labels: { app: 'w' }, owner: 'Deployment/w' });
    const conn = analyzeConnectivity(snapshot({ pods: [a, b], policies: [policy('shop/p', { podSelector: sel({ canary: 'yes' }) })] }));
    expect(conn.warnings.find((w) => w.code === 'netpol-workload-pods-differ')?.object).toEqual({ kind: 'Deployment', namespace: 'shop', name: 'w' });
    const same = analyzeConnectivity(snapshot({ pods: [a, b] }));
    expect(same.warnings.filter((w) => w.code === 'netpol-workload-pods-differ')).toEqual([]);
  });
});
