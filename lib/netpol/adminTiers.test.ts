import { describe, expect, it } from 'vitest';
import type { AdminNetworkPolicy, BaselineAdminNetworkPolicy, NetworkPolicy, Pod } from '../model';
import { compileSnapshot } from './compile';
import { analyzeConnectivity } from './connectivity';
import { connectionBetween, listEndpoints } from './endpoints';
import { explain, type Explanation } from './explain';
import { intersectPorts, formatPorts, portsContain } from './portSet';
import { adminRule, anp, banp, ipPeer, nsNamed, pod, podsPeer, policy, port, rule, sel, snapshot } from './testing';

// The precedence of network-policy-api v1alpha1: ANPs by ascending priority (first matching rule per port decides:
// Allow/Deny final, Pass to NetworkPolicies), then NetworkPolicies for the pods they isolate, else the BANP, else allow.

interface Parts {
  pods?: Pod[];
  policies?: NetworkPolicy[];
  adminPolicies?: AdminNetworkPolicy[];
  baseline?: BaselineAdminNetworkPolicy;
}

const web = pod('shop/web', { labels: { app: 'web' }, ip: '10.0.0.1' });
const api = pod('shop/api', { labels: { app: 'api' }, ip: '10.0.0.2', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] });
const dns = pod('kube-system/dns', { labels: { app: 'dns' }, ip: '10.0.1.1', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] });
const prom = pod('monitoring/prom', { labels: { app: 'prom' }, ip: '10.0.2.1' });
const everyone = [web, api, dns, prom];
const ALL = 'All Connections';
const shop = nsNamed('shop');
const kubeSystem = nsNamed('kube-system');
const monitoring = nsNamed('monitoring');

/** The connlist text from one endpoint to another ('' when nothing is allowed). */
function connOf(parts: Parts) {
  const conn = analyzeConnectivity(snapshot({ pods: everyone, ...parts }));
  const eps = listEndpoints(conn, 'pod');
  const find = (n: string) => {
    const e = eps.find((x) => x.name === `${n}[Pod]` || x.name === `${n}[External]`);
    if (!e) throw new Error(`no endpoint ${n} among ${eps.map((x) => x.name).join(' ')}`);
    return e;
  };
  return (a: string, b: string) => {
    const id = connectionBetween(conn, find(a), find(b));
    return id === 0 ? '' : conn.ports.labels[id];
  };
}

function explained(parts: Parts, q: Parameters<typeof explain>[1]): Explanation {
  const r = explain(compileSnapshot(snapshot({ pods: everyone, ...parts })), q);
  if (!r.ok) throw new Error(r.message);
  return r.explanation;
}

describe('AdminNetworkPolicy precedence', () => {
  it('Deny decides before NetworkPolicies are consulted: an NP allow cannot reopen it', () => {
    const parts = {
      adminPolicies: [anp('guard', 10, { subject: shop, ingress: [adminRule('Deny', [monitoring])] })],
      policies: [policy('shop/allow-all', { ingress: [rule()] })],
    };
    const c = connOf(parts);
    expect(c('monitoring/prom', 'shop/web')).toBe('');
    expect(c('kube-system/dns', 'shop/web')).toBe(ALL);
    const e = explained(parts, { from: 'monitoring/prom', to: 'shop/web', port: 80 });
    expect(e.ingress.decidedBy).toBe('AdminNetworkPolicy');
    expect(e.sentence).toContain('denied by AdminNetworkPolicy guard rule #1 (priority 10) before NetworkPolicies were consulted');
  });
  it('Allow decides before NetworkPolicies: a default-deny NP cannot close it', () => {
    const c = connOf({
      adminPolicies: [anp('open-metrics', 5, { subject: shop, ingress: [adminRule('Allow', [monitoring], [{ kind: 'portNumber', protocol: 'TCP', port: 9090 }])] })],
      policies: [policy('shop/deny-all')],
    });
    expect(c('monitoring/prom', 'shop/web')).toBe('TCP 9090');
    expect(c('kube-system/dns', 'shop/web')).toBe('');
  });
  it('lower priority numbers are evaluated first, whatever the input order', () => {
    const deny = anp('deny', 20, { subject: shop, ingress: [adminRule('Deny', [monitoring])] });
    const allow = anp('allow', 3, { subject: shop, ingress: [adminRule('Allow', [monitoring])] });
    expect(connOf({ adminPolicies: [deny, allow] })('monitoring/prom', 'shop/web')).toBe(ALL);
    expect(connOf({ adminPolicies: [{ ...deny, priority: 1 }, allow] })('monitoring/prom', 'shop/web')).toBe('');
  });
  it('within a policy the first matching rule decides each port; later rules decide only what is left', () => {
    const c = connOf({
      adminPolicies: [
        anp('guard', 10, {
          subject: shop,
          ingress: [adminRule('Allow', [monitoring], [{ kind: 'portRange', protocol: 'TCP', start: 8000, end: 8100 }]), adminRule('Deny', [monitoring], [{ kind: 'portNumber', protocol: 'TCP', port: 8080 }]), adminRule('Deny', [monitoring])],
        }),
      ],
    });
    expect(c('monitoring/prom', 'shop/web')).toBe('TCP 8000-8100');
  });
  it('Pass hands the traffic to NetworkPolicies, which then decide it', () => {
    const parts = {
      adminPolicies: [anp('delegate', 10, { subject: shop, ingress: [adminRule('Pass', [monitoring]), adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel() }])] })],
      policies: [policy('shop/allow-prom-80', { ingress: [rule([podsPeer(undefined, sel({ 'kubernetes.io/metadata.name': 'monitoring' }))], [port('TCP', 80)])] })],
    };
    const c = connOf(parts);
    expect(c('monitoring/prom', 'shop/web')).toBe('TCP 80');
    expect(c('kube-system/dns', 'shop/web')).toBe('');
    const e = explained(parts, { from: 'monitoring/prom', to: 'shop/web', port: 80 });
    expect(e.verdict).toBe('allowed');
    expect(e.ingress.decidedBy).toBe('NetworkPolicy');
    expect(e.ingress.reason).toContain('passed by AdminNetworkPolicy delegate rule #1 (priority 10) to NetworkPolicies');
    expect(e.ingress.hits).toEqual([expect.objectContaining({ policy: 'shop/allow-prom-80' })]);
  });
  it('a Pass skips the remaining ANPs, even those with a later Deny', () => {
    const c = connOf({ adminPolicies: [anp('pass', 1, { subject: shop, ingress: [adminRule('Pass', [monitoring])] }), anp('deny', 2, { subject: shop, ingress: [adminRule('Deny', [monitoring])] })] });
    expect(c('monitoring/prom', 'shop/web')).toBe(ALL);
  });
  it('an ANP without rules for a direction leaves that direction alone', () => {
    const c = connOf({ adminPolicies: [anp('egress-only', 1, { subject: shop, egress: [adminRule('Deny', [kubeSystem])] })] });
    expect(c('monitoring/prom', 'shop/web')).toBe(ALL);
    expect(c('shop/web', 'kube-system/dns')).toBe('');
  });
  it('a subject by pods selects only matching pods of matching namespaces', () => {
    const c = connOf({ adminPolicies: [anp('api-only', 1, { subject: { kind: 'pods', namespaceSelector: sel(), podSelector: sel({ app: 'api' }) }, ingress: [adminRule('Deny', [monitoring])] })] });
    expect(c('monitoring/prom', 'shop/api')).toBe('');
    expect(c('monitoring/prom', 'shop/web')).toBe(ALL);
  });
});

describe('BaselineAdminNetworkPolicy', () => {
  const crossNsDeny = banp({ subject: shop, ingress: [adminRule('Allow', [shop]), adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel() }])] });
  it('decides for pods no NetworkPolicy isolates: its first matching rule, else allowed', () => {
    const c = connOf({ baseline: crossNsDeny });
    expect(c('monitoring/prom', 'shop/web')).toBe('');
    expect(c('shop/api', 'shop/web')).toBe(ALL);
    expect(c('0.0.0.0-255.255.255.255', 'shop/web')).toBe(ALL);
    const e = explained({ baseline: crossNsDeny }, { from: 'monitoring/prom', to: 'shop/web', port: 80 });
    expect(e.ingress.decidedBy).toBe('BaselineAdminNetworkPolicy');
    expect(e.ingress.reason).toContain('denied by BaselineAdminNetworkPolicy default rule #2 (the destination shop/web is not isolated for ingress by any NetworkPolicy)');
  });
  it('is not consulted for pods a NetworkPolicy isolates', () => {
    const c = connOf({ baseline: crossNsDeny, policies: [policy('shop/allow-all', { podSelector: sel({ app: 'web' }), ingress: [rule()] })] });
    expect(c('monitoring/prom', 'shop/web')).toBe(ALL);
    expect(c('monitoring/prom', 'shop/api')).toBe('');
  });
  it('receives what an ANP passed when no NetworkPolicy isolates the pod', () => {
    const c = connOf({
      adminPolicies: [anp('pass-dns', 1, { subject: shop, ingress: [adminRule('Pass', [monitoring], [{ kind: 'portNumber', protocol: 'UDP', port: 53 }]), adminRule('Allow', [monitoring])] })],
      baseline: crossNsDeny,
    });
    expect(c('monitoring/prom', 'shop/web')).toBe('SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535');
  });
});

describe('explain records the rule that decides the asked port (issue 14 item 1)', () => {
  // ANP Pass, no NetworkPolicy isolates the pod: the port goes to the BANP, whose Deny decides it.
  const parts = {
    pods: [web, prom],
    adminPolicies: [anp('pass-dns', 1, { subject: shop, ingress: [adminRule('Pass', [monitoring], [{ kind: 'portNumber', protocol: 'UDP', port: 53 }])] })],
    baseline: banp({ subject: shop, ingress: [adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel() }])] }),
  };
  it('an ANP Pass falling through to a BANP Deny is decided by the BANP, and the sentence says so', () => {
    const e = explained(parts, { from: 'monitoring/prom', to: 'shop/web', port: 53, protocol: 'UDP' });
    expect(e.verdict).toBe('denied');
    expect(e.ingress.decidedBy).toBe('BaselineAdminNetworkPolicy');
    expect(e.ingress.reason).toBe(
      'UDP 53 is passed by AdminNetworkPolicy pass-dns rule #1 (priority 1) to NetworkPolicies; the destination shop/web is not isolated for ingress by any NetworkPolicy, so it is denied by BaselineAdminNetworkPolicy default rule #1',
    );
    expect(e.ingress.deciding).toMatchObject({ tier: 'BaselineAdminNetworkPolicy', policy: 'default', ruleIndex: 0, action: 'Deny' });
    expect(connOf(parts)('monitoring/prom', 'shop/web')).toBe('');
  });
  it('a port no rule of any tier matches is allowed by nothing deciding it', () => {
    const open = { ...parts, baseline: banp({ subject: shop, ingress: [adminRule('Deny', [kubeSystem])] }) };
    const e = explained(open, { from: 'monitoring/prom', to: 'shop/web', port: 53, protocol: 'UDP' });
    expect(e.verdict).toBe('allowed');
    expect(e.ingress.decidedBy).toBe('none');
    expect(e.ingress.deciding).toBeUndefined();
    expect(e.ingress.reason).toBe(
      'UDP 53 is passed by AdminNetworkPolicy pass-dns rule #1 (priority 1) to NetworkPolicies; the destination shop/web is not isolated for ingress by any NetworkPolicy and no BaselineAdminNetworkPolicy rule matches, so it is allowed',
    );
  });
  it('an ANP Deny names its rule as the deciding one', () => {
    const e = explained({ adminPolicies: [anp('guard', 10, { subject: shop, ingress: [adminRule('Allow', [kubeSystem]), adminRule('Deny', [monitoring])] })] }, { from: 'monitoring/prom', to: 'shop/web', port: 80 });
    expect(e.ingress.deciding).toMatchObject({ tier: 'AdminNetworkPolicy', policy: 'guard', ruleIndex: 1, action: 'Deny', priority: 10 });
  });
});

describe('both directions go through the tiers', () => {
  it('egress of the source and ingress of the destination must both allow', () => {
    const c = connOf({
      adminPolicies: [anp('egress-guard', 1, { subject: monitoring, egress: [adminRule('Allow', [shop], [{ kind: 'portNumber', protocol: 'TCP', port: 80 }]), adminRule('Deny', [shop])] })],
      baseline: banp({ subject: shop, ingress: [adminRule('Deny', [monitoring], [{ kind: 'portRange', protocol: 'TCP', start: 1, end: 8079 }])] }),
    });
    expect(c('monitoring/prom', 'shop/web')).toBe('');
    expect(c('monitoring/prom', 'kube-system/dns')).toBe(ALL);
  });
  it('egress networks peers match external addresses and cut the external ranges', () => {
    const c = connOf({ adminPolicies: [anp('no-dns-out', 1, { subject: shop, egress: [adminRule('Deny', [{ kind: 'networks', cidrs: ['8.8.8.8/32'] }], [{ kind: 'portNumber', protocol: 'UDP', port: 53 }])] })] });
    expect(c('shop/web', '8.8.8.8-8.8.8.8')).toBe('SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535');
    expect(c('shop/web', '0.0.0.0-8.8.8.7')).toBe(ALL);
    expect(c('monitoring/prom', '8.8.8.8-8.8.8.8')).toBe(ALL);
  });
  it('a networks peer also matches pods whose IP lies inside it ("cluster-internal traffic will be checked against the rule as well")', () => {
    const dns2 = pod('kube-system/dns-2', { labels: { app: 'dns' }, ip: '10.0.9.9' });
    const parts = { pods: [...everyone, dns2], adminPolicies: [anp('deny-node-subnet', 1, { subject: shop, egress: [adminRule('Deny', [{ kind: 'networks', cidrs: ['10.0.1.0/24'] }])] })] };
    const conn = analyzeConnectivity(snapshot(parts));
    const eps = listEndpoints(conn, 'pod');
    const find = (n: string) => eps.find((x) => x.name === `${n}[Pod]`)!;
    // Same namespace and labels, different IPs: the two dns pods are told apart.
    expect(connectionBetween(conn, find('shop/web'), find('kube-system/dns'))).toBe(0);
    expect(conn.ports.labels[connectionBetween(conn, find('shop/web'), find('kube-system/dns-2'))]).toBe(ALL);
    expect(conn.ports.labels[connectionBetween(conn, find('shop/web'), find('monitoring/prom'))]).toBe(ALL);
    const r = explain(compileSnapshot(snapshot(parts)), { from: 'shop/web', to: 'kube-system/dns', port: 53, protocol: 'UDP' });
    expect(r.ok && r.explanation.egress.reason).toBe('UDP 53 is denied by AdminNetworkPolicy deny-node-subnet rule #1 (priority 1) before NetworkPolicies were consulted');
  });
  it('a nodes peer matches nothing (the snapshot has no nodes)', () => {
    const c = connOf({ adminPolicies: [anp('nodes', 1, { subject: shop, egress: [adminRule('Deny', [{ kind: 'nodes', nodeSelector: sel() }])] })] });
    expect(c('shop/web', 'kube-system/dns')).toBe(ALL);
  });
});

describe('ports', () => {
  it('a namedPort resolves on the destination pod, with its own protocol (ingress: the subject)', () => {
    const c = connOf({ adminPolicies: [anp('dns-only', 1, { subject: shop, ingress: [adminRule('Allow', [monitoring], [{ kind: 'namedPort', name: 'dns' }]), adminRule('Deny', [monitoring])] })] });
    expect(c('monitoring/prom', 'shop/api')).toBe('UDP 53');
    expect(c('monitoring/prom', 'shop/web')).toBe('');
  });
  it('a namedPort resolves on the peer pod for egress, and matches nothing toward external addresses', () => {
    const c = connOf({ adminPolicies: [anp('http-out', 1, { subject: monitoring, egress: [adminRule('Allow', [shop, { kind: 'networks', cidrs: ['0.0.0.0/0'] }], [{ kind: 'namedPort', name: 'http' }]), adminRule('Deny', [shop, { kind: 'networks', cidrs: ['0.0.0.0/0'] }])] })] });
    expect(c('monitoring/prom', 'shop/api')).toBe('TCP 8080');
    expect(c('monitoring/prom', 'shop/web')).toBe('');
    expect(c('monitoring/prom', '0.0.0.0-255.255.255.255')).toBe('');
  });
});

describe('warnings', () => {
  it('two ANPs with the same priority: the order is undefined, so warn', () => {
    const c = compileSnapshot(snapshot({ pods: everyone, adminPolicies: [anp('a', 7, { ingress: [adminRule('Deny', [shop])] }), anp('b', 7, { ingress: [adminRule('Allow', [shop])] })] }));
    expect(c.warnings.filter((w) => w.code === 'anp-same-priority')).toHaveLength(1);
    expect(c.adminPolicies.map((p) => p.name)).toEqual(['a', 'b']);
  });
  it('an admin policy selecting no pod and a peer matching none are reported', () => {
    const c = compileSnapshot(snapshot({ pods: everyone, adminPolicies: [anp('typo', 1, { subject: nsNamed('shpo'), ingress: [adminRule('Deny', [nsNamed('monitorin')])] })] }));
    expect(c.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['admin-selects-nothing', 'admin-peer-matches-nothing']));
  });
});

describe('the matrix and explain agree', () => {
  it('for every pair of pods and a mix of every tier', () => {
    const parts: Parts = {
      adminPolicies: [
        anp('guard', 10, { subject: kubeSystem, ingress: [adminRule('Allow', [monitoring]), adminRule('Pass', [shop], [{ kind: 'namedPort', name: 'dns' }]), adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel() }])] }),
        anp('shop-out', 20, { subject: shop, egress: [adminRule('Deny', [monitoring], [{ kind: 'portRange', protocol: 'TCP', start: 1, end: 1024 }]), adminRule('Pass', [kubeSystem])] }),
      ],
      policies: [policy('kube-system/dns-in', { ingress: [rule([podsPeer(sel({ app: 'web' }), sel())], [port('UDP', 53)])] }), policy('shop/egress', { podSelector: sel({ app: 'api' }), egress: [rule([podsPeer(undefined, sel())]), rule([ipPeer('0.0.0.0/0')], [port('TCP', 443)])] })],
      baseline: banp({ ingress: [adminRule('Deny', [monitoring], [{ kind: 'portNumber', protocol: 'TCP', port: 22 }])], egress: [adminRule('Allow', [kubeSystem]), adminRule('Deny', [{ kind: 'networks', cidrs: ['0.0.0.0/0'] }])] }),
    };
    const c = compileSnapshot(snapshot({ pods: everyone, ...parts }));
    const conn = analyzeConnectivity(c);
    const eps = listEndpoints(conn, 'pod');
    for (const a of eps) {
      for (const b of eps) {
        if (a === b || (a.kind === 'external' && b.kind === 'external')) continue;
        const r = explain(c, { from: a.kind === 'external' ? a.name.replace(/-.*$/, '') : a.name.replace('[Pod]', ''), to: b.kind === 'external' ? b.name.replace(/-.*$/, '') : b.name.replace('[Pod]', '') });
        if (!r.ok) throw new Error(r.message);
        const fromExplain = formatPorts(intersectPorts(r.explanation.egress.allowed, r.explanation.ingress.allowed));
        const id = connectionBetween(conn, a, b);
        expect(`${a.name} => ${b.name}: ${fromExplain}`).toBe(`${a.name} => ${b.name}: ${conn.ports.labels[id]}`);
      }
    }
  });
});

describe("the demo's planted admin-tier facts (demo/README.md)", () => {
  it('guardrail deny, Pass to the payments NetworkPolicies, and the baseline for ci', async () => {
    const { loadDemoSnapshot } = await import('../sources/loadDemoSnapshot');
    const c = compileSnapshot(await loadDemoSnapshot());
    const ask = (from: string, to: string, port: number) => {
      const r = explain(c, { from, to, port });
      if (!r.ok) throw new Error(r.message);
      return r.explanation;
    };
    expect(ask('ci/Deployment/gitlab-runner', 'kube-system/Deployment/coredns', 9153).sentence).toBe(
      'denied: TCP 9153 is denied by AdminNetworkPolicy cluster-guardrails rule #4 (priority 10) before NetworkPolicies were consulted',
    );
    expect(ask('ci/Deployment/gitlab-runner', 'kube-system/Deployment/coredns', 53).verdict).toBe('allowed');
    const oncall = ask('shop-backend/Deployment/checkout', 'payments/Deployment/payments-api', 8443);
    expect(oncall.verdict).toBe('denied');
    expect(oncall.ingress.reason).toMatch(/^TCP 8443 is passed by AdminNetworkPolicy pci-isolation rule #2 \(priority 20\) to NetworkPolicies; .*it allows TCP 8080$/);
    expect(ask('shop-backend/Deployment/checkout', 'payments/Deployment/payments-api', 8080).verdict).toBe('allowed');
    expect(ask('monitoring/Deployment/prometheus', 'ci/Deployment/gitlab-runner', 8080).ingress.reason).toContain('denied by BaselineAdminNetworkPolicy default rule #2');
    expect(ask('ci/Job/db-migrate-4821', 'ci/Deployment/gitlab-runner', 8080).ingress.decidedBy).toBe('BaselineAdminNetworkPolicy');
  });
});

describe('random admin policies: the group matrix equals the per-pair explain', () => {
  const PROBES = [['UDP', 53], ['TCP', 80], ['TCP', 8080], ['TCP', 9000]] as const;
  /** mulberry32, so a failure reproduces from its seed. */
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const namespacesPeers = [shop, kubeSystem, monitoring, { kind: 'namespaces' as const, namespaceSelector: sel() }];
  const portChoices = [undefined, [{ kind: 'portNumber' as const, protocol: 'UDP' as const, port: 53 }], [{ kind: 'portRange' as const, protocol: 'TCP' as const, start: 1, end: 8080 }], [{ kind: 'namedPort' as const, name: 'http' }, { kind: 'namedPort' as const, name: 'dns' }]];
  for (let seed = 1; seed <= 25; seed++) {
    it(`seed ${seed}`, () => {
      const r = rng(seed);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
      const peers = (egress: boolean) =>
        Array.from({ length: 1 + Math.floor(r() * 2) }, () =>
          egress && r() < 0.3 ? { kind: 'networks' as const, cidrs: [pick(['10.0.0.0/24', '10.0.1.1/32', '0.0.0.0/0', '8.8.8.0/24'])] } : r() < 0.5 ? pick(namespacesPeers) : { kind: 'pods' as const, namespaceSelector: sel(), podSelector: sel({ app: pick(['web', 'api', 'dns', 'prom']) }) },
        );
      const rules = (egress: boolean, actions: readonly ('Allow' | 'Deny' | 'Pass')[]) => Array.from({ length: Math.floor(r() * 3) }, () => adminRule(pick(actions), peers(egress), pick(portChoices)));
      const parts: Parts = {
        adminPolicies: Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => anp(`p${i}`, Math.floor(r() * 5), { subject: pick(namespacesPeers), ingress: rules(false, ['Allow', 'Deny', 'Pass']), egress: rules(true, ['Allow', 'Deny', 'Pass']) })),
        baseline: banp({ subject: pick(namespacesPeers), ingress: rules(false, ['Allow', 'Deny']), egress: rules(true, ['Allow', 'Deny']) }),
        policies: r() < 0.5 ? [policy('shop/api-in', { podSelector: sel({ app: 'api' }), ingress: [rule([podsPeer(undefined, sel())], [port('TCP', 8080)])] })] : [],
      };
      const c = compileSnapshot(snapshot({ pods: everyone, ...parts }));
      const conn = analyzeConnectivity(c);
      const eps = listEndpoints(conn, 'pod');
      // explain resolves an address that is a pod's IP to the pod, so an external range is asked by an address of it
      // that no pod has (a /32 equal to a pod IP is skipped).
      const podIps = new Set(everyone.flatMap((p) => p.podIPs));
      const ref = (e: (typeof eps)[number]): string | undefined => {
        if (e.kind !== 'external') return e.name.replace('[Pod]', '');
        const [start, end] = e.name.replace('[External]', '').split('-');
        return [start, end].find((ip) => !podIps.has(ip));
      };
      for (const a of eps) {
        for (const b of eps) {
          if (a === b || (a.kind === 'external' && b.kind === 'external') || ref(a) === undefined || ref(b) === undefined) continue;
          const x = explain(c, { from: ref(a)!, to: ref(b)! });
          if (!x.ok) throw new Error(x.message);
          const matrix = conn.ports.sets[connectionBetween(conn, a, b)];
          expect(`${a.name} => ${b.name}: ${formatPorts(matrix)}`).toBe(`${a.name} => ${b.name}: ${formatPorts(intersectPorts(x.explanation.egress.allowed, x.explanation.ingress.allowed))}`);
          // Per asked port: the verdict is the matrix's, and each side's deciding tier accounts for its verdict.
          for (const [protocol, p] of PROBES) {
            const y = explain(c, { from: ref(a)!, to: ref(b)!, port: p, protocol });
            if (!y.ok) throw new Error(y.message);
            const e = y.explanation;
            expect(`${a.name} => ${b.name} ${protocol} ${p}: ${e.verdict}`).toBe(`${a.name} => ${b.name} ${protocol} ${p}: ${portsContain(matrix, protocol, p) ? 'allowed' : 'denied'}`);
            for (const side of [e.egress, e.ingress]) {
              const why = `${a.name} => ${b.name} ${protocol} ${p} ${side.direction}: ${side.decidedBy} ${side.deciding?.action ?? ''} -> ${side.verdict}`;
              if (side.decidedBy === 'none') expect(why).toMatch(/-> allowed$/);
              if (side.decidedBy === 'AdminNetworkPolicy' || side.decidedBy === 'BaselineAdminNetworkPolicy') {
                expect(side.deciding?.tier).toBe(side.decidedBy);
                expect(why).toMatch(side.deciding?.action === 'Allow' ? /-> allowed$/ : /-> denied$/);
              } else expect(side.deciding).toBeUndefined();
            }
          }
        }
      }
    });
  }
});
