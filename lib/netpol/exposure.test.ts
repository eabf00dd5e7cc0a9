import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../model';
import { analyzeConnectivity } from './connectivity';
import { analyzeExposure, type DirectionExposure } from './exposure';
import { formatExposure } from './exposurePorts';
import { representativePeerName } from './representativePeers';
import { adminRule, anp, banp, ipPeer, nsNamed, pod, podsPeer, policy, port, rule, sel, snapshot } from './testing';

/** `peer : conn` per direction for one workload, as the txt lines show them (external ranges left out). */
function exposureOf(s: Snapshot, workload: string): { egress: string[]; ingress: string[]; protected: { egress: boolean; ingress: boolean } } | undefined {
  const e = analyzeExposure(analyzeConnectivity(s)).endpoints.find((x) => x.endpoint.name === workload);
  if (!e) return undefined;
  const lines = (d: DirectionExposure) =>
    d.entries.filter((x) => x.peer.kind !== 'external').map((x) => `${x.peer.kind === 'representative' ? representativePeerName(x.peer.peer) : x.peer.kind} : ${formatExposure(x.ports)}`);
  return { egress: lines(e.egress), ingress: lines(e.ingress), protected: { egress: e.egress.protected, ingress: e.ingress.protected } };
}

const a = (spec: Parameters<typeof pod>[1] = {}) => pod('hello-world/a', { labels: { app: 'a' }, ...spec });
const b = pod('hello-world/b', { labels: { app: 'b' } });
const selectA = sel({ app: 'a' });

describe('exposure analysis', () => {
  it('a workload no policy selects is not protected: the whole cluster, all connections', () => {
    expect(exposureOf(snapshot({ pods: [a()] }), 'hello-world/a[Pod]')).toEqual({
      egress: ['entire-cluster : All Connections'],
      ingress: ['entire-cluster : All Connections'],
      protected: { egress: false, ingress: false },
    });
  });

  it('`namespaceSelector: {}` (with or without an empty podSelector) or no peers is the whole cluster, on the rule ports (netpol.go doesRuleSelectAllNamespaces)', () => {
    const s = snapshot({
      pods: [a(), b],
      policies: [policy('hello-world/p', { podSelector: selectA, ingress: [rule([podsPeer(undefined, sel())], [port('TCP', 8050)]), rule([podsPeer(sel(), sel())], [port('TCP', 9090)])], egress: [rule([], [port('UDP', 53)])] })],
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')).toMatchObject({ ingress: ['entire-cluster : TCP 8050,9090'], egress: ['entire-cluster : UDP 53'] });
  });

  it("a protected workload whose rules admit no cluster-wide peer is not exposed at all (it is left out, as np-guard's map)", () => {
    const s = snapshot({ pods: [a(), b], policies: [policy('hello-world/p', { podSelector: selectA, ingress: [rule([podsPeer(sel({ app: 'b' }))])], egress: [] , types: ['Ingress', 'Egress'] })] });
    expect(exposureOf(s, 'hello-world/a[Pod]')).toBeUndefined();
  });

  it('a representative peer adds what its rules allow beyond the whole cluster; equal is left out (exposure_map.go connectionEqualsEntireClusterConn)', () => {
    const s = snapshot({
      pods: [a(), b],
      policies: [
        policy('hello-world/p', {
          podSelector: selectA,
          ingress: [
            rule([podsPeer(undefined, sel())], [port('TCP', 8000)]),
            rule([podsPeer(undefined, sel({}, [{ key: 'foo.com/managed-state', operator: 'In', values: ['managed'] }]))], [port('TCP', 8090)]),
            rule([podsPeer(undefined, sel({ team: 'same' }))], [port('TCP', 8000)]),
          ],
        }),
      ],
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')?.ingress).toEqual(['entire-cluster : TCP 8000', '[namespace with {{Key:foo.com/managed-state,Operator:In,Values:[managed],}}]/[all pods] : TCP 8000,8090']);
  });

  it('an AdminNetworkPolicy Deny carves a representative peer out of an entire-cluster Allow: No Connections (tests/exposure_test_with_anp_9)', () => {
    const s = snapshot({
      pods: [a()],
      adminPolicies: [
        anp('x', 10, {
          subject: { kind: 'pods', namespaceSelector: sel({ 'kubernetes.io/metadata.name': 'hello-world' }), podSelector: selectA },
          egress: [adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel({ 'conformance-house': 'slytherin' }) }]), adminRule('Allow', [{ kind: 'namespaces', namespaceSelector: sel() }])],
        }),
      ],
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')).toEqual({
      egress: ['entire-cluster : All Connections', '[namespace with {conformance-house=slytherin}]/[all pods] : No Connections'],
      ingress: ['entire-cluster : All Connections'],
      protected: { egress: true, ingress: false },
    });
  });

  it('an empty exposure is shown only as an exception to an entire-cluster one', () => {
    const s = snapshot({
      pods: [a()],
      adminPolicies: [anp('x', 10, { egress: [adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel({ team: 'x' }) }])] })],
      policies: [policy('hello-world/deny', { podSelector: selectA, types: ['Egress'] })],
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')?.egress).toEqual([]);
  });

  it('ANP Pass hands the port to NetworkPolicies, or where none isolates to the BaselineAdminNetworkPolicy (tests/exposure_test_with_anp_3_w_banp, _7_w_banp)', () => {
    const passAll = anp('pass', 10, { subject: nsNamed('hello-world'), ingress: [adminRule('Pass', [{ kind: 'namespaces', namespaceSelector: sel() }], [{ kind: 'portNumber', protocol: 'TCP', port: 80 }])] });
    const denyAll = banp({ subject: nsNamed('hello-world'), ingress: [adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel() }], [{ kind: 'portNumber', protocol: 'TCP', port: 80 }])] });
    // No NetworkPolicy: passed TCP 80 meets the baseline Deny; the rest is allowed.
    expect(exposureOf(snapshot({ pods: [a()], adminPolicies: [passAll], baseline: denyAll }), 'hello-world/a[Pod]')?.ingress).toEqual(['entire-cluster : SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535']);
    // A NetworkPolicy admitting the whole cluster on TCP 80 decides the passed port; the baseline no longer applies.
    const np = policy('hello-world/allow-80', { podSelector: selectA, ingress: [rule([podsPeer(undefined, sel())], [port('TCP', 80)])] });
    expect(exposureOf(snapshot({ pods: [a()], adminPolicies: [passAll], baseline: denyAll, policies: [np] }), 'hello-world/a[Pod]')?.ingress).toEqual(['entire-cluster : TCP 80']);
  });

  it('a representative peer is selected by an admin policy whose subject fully matches it, so its own side counts (adminnetpol.go subjectSelectsPeer)', () => {
    const s = snapshot({
      pods: [a()],
      policies: [policy('hello-world/p', { podSelector: selectA, egress: [rule([podsPeer(undefined, sel())]), rule([podsPeer(sel({ role: 'db' }), sel({ team: 'x' }))], [port('TCP', 5432)])], types: ['Egress'] })],
      // Every pod of every namespace (so every future pod) refuses ingress on TCP 5432.
      baseline: banp({ ingress: [adminRule('Deny', [{ kind: 'namespaces', namespaceSelector: sel() }], [{ kind: 'portNumber', protocol: 'TCP', port: 5432 }])] }),
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')?.egress).toEqual(['entire-cluster : All Connections', '[namespace with {team=x}]/[pod with {role=db}] : SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535']);
  });

  it('NetworkPolicies never select a representative peer (netpol.go Selects)', () => {
    const s = snapshot({
      pods: [a()],
      policies: [
        policy('hello-world/p', { podSelector: selectA, egress: [rule([podsPeer(sel({ role: 'db' }))], [port('TCP', 5432)])], types: ['Egress'] }),
        // Would deny ingress to such a pod if it existed in hello-world; exposure does not read it.
        policy('hello-world/db-deny', { podSelector: sel({ role: 'db' }), types: ['Ingress'] }),
      ],
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')?.egress).toEqual(['hello-world/[pod with {role=db}] : TCP 5432']);
  });

  it('named ports: toward a peer of unknown ports they stay names; toward the workload they resolve on its containers', () => {
    const s = snapshot({
      pods: [a({ ports: [{ name: 'local-dns', containerPort: 8000, protocol: 'TCP' }, { name: 'http', containerPort: 8090, protocol: 'TCP' }] })],
      policies: [
        policy('hello-world/p', {
          podSelector: selectA,
          ingress: [rule([podsPeer(undefined, sel())], [port('TCP', 'local-dns'), port('TCP', 'http'), port('UDP', 'http'), port('TCP', 'missing')])],
          egress: [rule([podsPeer(undefined, sel())], [port('TCP', 'http'), port('TCP', 'local-dns')])],
        }),
      ],
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')).toMatchObject({ ingress: ['entire-cluster : TCP 8000,8090'], egress: ['entire-cluster : TCP http,local-dns'] });
  });

  it('an AdminNetworkPolicy namedPort toward the whole cluster has no protocol (tests/exposure_test_with_anp_11_with_named_port)', () => {
    const s = snapshot({
      pods: [a({ ports: [{ name: 'local-port', containerPort: 8050, protocol: 'UDP' }] })],
      adminPolicies: [
        anp('x', 10, {
          subject: { kind: 'pods', namespaceSelector: sel(), podSelector: selectA },
          egress: [adminRule('Allow', [{ kind: 'namespaces', namespaceSelector: sel() }], [{ kind: 'namedPort', name: 'local-port' }])],
          ingress: [adminRule('Allow', [{ kind: 'namespaces', namespaceSelector: sel() }], [{ kind: 'namedPort', name: 'local-port' }])],
        }),
      ],
      policies: [policy('hello-world/deny', { podSelector: selectA, types: ['Ingress', 'Egress'] })],
    });
    expect(exposureOf(s, 'hello-world/a[Pod]')).toMatchObject({ egress: ['entire-cluster :  local-port'], ingress: ['entire-cluster : UDP 8050'] });
  });

  it('external ranges follow the connectivity, for exposed workloads', () => {
    const s = snapshot({ pods: [a()], policies: [policy('hello-world/p', { podSelector: selectA, ingress: [rule([podsPeer(undefined, sel())]), rule([ipPeer('0.0.0.0/0')], [port('TCP', 443)])] })] });
    const e = analyzeExposure(analyzeConnectivity(s)).endpoints[0];
    expect(e.ingress.entries.map((x) => `${x.peer.kind === 'external' ? x.peer.name : x.peer.kind} : ${formatExposure(x.ports)}`)).toEqual(['entire-cluster : All Connections', '0.0.0.0-255.255.255.255[External] : TCP 443']);
  });
});

describe('the demo cluster: exposure to pods that do not exist yet (demo/README.md)', () => {
  it('finds the planted exposures', async () => {
    const { loadDemoSnapshot } = await import('../sources');
    const demo = await loadDemoSnapshot();
    const lines = (w: string, dir: 'egress' | 'ingress') => exposureOf(demo, w)?.[dir] ?? [];
    // grafana-open `ingress: [{}]`: every future pod; storefront's `app In [...]` egress: a future shop-backend pod so labelled.
    expect(lines('monitoring/grafana[Deployment]', 'ingress')).toContain('entire-cluster : All Connections');
    expect(lines('shop-frontend/storefront[Deployment]', 'egress')).toContain('shop-backend/[pod with {{Key:app,Operator:In,Values:[catalog cart checkout recommendations],}}] : TCP 8080');
    // The cluster guardrail admits DNS from every pod, and everything from monitoring; the baseline admits ci from ci only.
    expect(lines('kube-system/coredns[Deployment]', 'ingress')).toEqual(expect.arrayContaining(['entire-cluster : TCP 53,UDP 53', 'monitoring/[all pods] : All Connections']));
    expect(lines('ci/gitlab-runner[Deployment]', 'ingress')).toEqual(['ci/[all pods] : All Connections']);
    // payments is guarded on both sides: no future pod is admitted beyond what its rules name for real pods.
    expect(exposureOf(demo, 'payments/payments-api[Deployment]')).toBeUndefined();
  });
});
