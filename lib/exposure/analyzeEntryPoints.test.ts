import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../model';
import { analyzeConnectivity } from '../netpol/connectivity';
import { formatPorts } from '../netpol/portSet';
import { snapshotOf } from '../sources/testing';
import { analyzeEntryPoints, type EntryPointAnalysis } from './analyzeEntryPoints';

let s: Snapshot;
let a: EntryPointAnalysis;
beforeAll(() => {
  s = snapshotOf(readFileSync(path.join(__dirname, 'testdata', 'edge.yaml'), 'utf8'));
  a = analyzeEntryPoints(s, analyzeConnectivity(s));
});
const entry = (id: string) => {
  const e = a.entries.find((x) => x.entry.id === id);
  if (!e) throw new Error(`no entry ${id}: ${a.entries.map((x) => x.entry.id).join(', ')}`);
  return e;
};

describe('entry points and their paths from the internet', () => {
  it('lists every kind of entry point, one per Service type, route object, listener, host port and open policy rule', () => {
    expect(s.warnings).toEqual([]);
    expect(a.entries.map((e) => `${e.entry.id} ${e.verdict}`)).toEqual([
      'LoadBalancer:shop/web open',
      'LoadBalancer:payments/api closed',
      'LoadBalancer:shop/web-internal internal',
      'NodePort:shop/web-nodeport open',
      'LoadBalancer:ingress-nginx/ingress-nginx-controller open',
      'Ingress:shop/shop open',
      'Ingress:payments/pay closed',
      'Gateway:edge/public/https closed',
      'HostPort:shop/Pod/debug open',
      'PolicyRule:shop/web/ingress/0 open',
    ]);
  });

  it('a LoadBalancer without source ranges: every address at the edge, then what the pods admit, range by range', () => {
    const lb = entry('LoadBalancer:shop/web');
    expect(lb.entry).toMatchObject({ addresses: ['203.0.113.10'], sourceRanges: ['0.0.0.0/0', '::/0'], sourceRangesFrom: 'none' });
    const [p] = lb.paths;
    expect(p).toMatchObject({ workload: 'shop/web[Deployment]', via: '80/TCP (http) → http → 8080', verdict: 'open' });
    expect(formatPorts(p.open)).toBe('TCP 8080');
    // 10.0.0.0/8 is excepted, and no rule names IPv6: those clients get nothing.
    expect(p.usableFrom.map((u) => `${u.range} ${formatPorts(u.ports)}`)).toEqual(['0.0.0.0-9.255.255.255 TCP 8080', '11.0.0.0-255.255.255.255 TCP 8080']);
    expect(p.assumptions[0]).toMatch(/client address reaches the pod’s policies/);
  });

  it('exposed on paper, closed in fact: a LoadBalancer whose pods admit no client from its source ranges', () => {
    const lb = entry('LoadBalancer:payments/api');
    expect(lb.entry.sourceRanges).toEqual(['198.51.100.0/24']);
    expect(lb.reason).toBe('exposed on paper, closed in fact: its ingress policies admit none of TCP 8443 from 198.51.100.0/24');
    expect(lb.paths[0].hops.map((h) => h.verdict)).toEqual(['allowed', 'denied']);
  });

  it('an internal load balancer is not reachable from the internet', () => {
    expect(entry('LoadBalancer:shop/web-internal').reason).toBe('internal load balancer (networking.gke.io/load-balancer-type: Internal)');
  });

  it('an Ingress served by controller pods in the snapshot: internet → their LoadBalancer → controller pods → backend, with the real policies', () => {
    const ing = entry('Ingress:shop/shop');
    expect(ing.entry.controller).toMatchObject({ reading: 'controller-pods', controller: 'k8s.io/ingress-nginx', foundBy: 'built-in: ingress-nginx pod labels' });
    expect(ing.paths[0].hops.map((h) => [h.from, h.to, h.verdict])).toEqual([
      ['internet', 'ingress-nginx/ingress-nginx-controller[Deployment]', 'allowed'],
      ['ingress-nginx/ingress-nginx-controller[Deployment]', expect.stringMatching(/^shop\/web-/), 'allowed'],
    ]);
    const pay = entry('Ingress:payments/pay');
    expect(pay.paths[0].hops[1].reason).toBe("the policies let none of TCP 8443 through from ingress-nginx/ingress-nginx-controller[Deployment] (the controller's egress or the pod's ingress denies it)");
  });

  it('a Gateway without data-plane pods uses the stand-in; a cross-namespace backend without ReferenceGrant is refused', () => {
    const gw = entry('Gateway:edge/public/https');
    expect(gw.entry.controller).toMatchObject({ reading: 'stand-in', controller: 'gateway.envoyproxy.io/gatewayclass-controller' });
    expect(gw.entry.backends.map((b) => s.pods[b.pod].workload.name)).toEqual(['web']);
    expect(gw.entry.notes).toContain('HTTPRoute shop/shop: backend Service payments/api is in another namespace and no ReferenceGrant there allows it (the reference is refused)');
    expect(gw.paths[0].hops.map((h) => h.verdict)).toEqual(['assumed', 'denied']);
  });

  it('a ReferenceGrant in the backend namespace lets the Gateway route reach it', () => {
    const grant = 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: from-shop, namespace: payments}\nspec: {from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}], to: [{group: "", kind: Service, name: api}]}\n';
    const s2 = snapshotOf(`${readFileSync(path.join(__dirname, 'testdata', 'edge.yaml'), 'utf8')}---\n${grant}`);
    const gw = analyzeEntryPoints(s2, analyzeConnectivity(s2)).entries.find((e) => e.entry.id === 'Gateway:edge/public/https');
    expect(gw?.entry.backends.map((b) => s2.pods[b.pod].workload.name)).toEqual(['web', 'api']);
  });

  it('the workloads reachable from the internet, with their entries and open ports', () => {
    expect(a.reachable.map((r) => `${r.workload} ${formatPorts(r.ports)} ${r.entries.join(',')}`)).toEqual([
      'ingress-nginx/ingress-nginx-controller[Deployment] TCP 80,443 LoadBalancer:ingress-nginx/ingress-nginx-controller',
      'shop/debug[Pod] TCP 2222 HostPort:shop/Pod/debug',
      'shop/web[Deployment] TCP 8080 Ingress:shop/shop,LoadBalancer:shop/web,NodePort:shop/web-nodeport',
    ]);
  });

  it('open in policy, not exposed: a rule admitting 0.0.0.0/0 to pods no entry point reaches', () => {
    const lone = snapshotOf(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n, labels: {a: b}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n---\n' +
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: open, namespace: n}\nspec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]}\n',
    );
    const r = analyzeEntryPoints(lone, analyzeConnectivity(lone));
    expect(r.entries.map((e) => [e.entry.id, e.verdict])).toEqual([['PolicyRule:n/open/ingress/0', 'policy-only']]);
    expect(r.reachable).toEqual([]);
  });

  it('blast radius: what an internet-facing workload reaches in 1-3 hops, sensitive ports first', () => {
    const br = a.blastRadius('shop/web[Deployment]');
    expect(br?.reached[0]).toMatchObject({ workload: 'payments/db[Deployment]', hops: 1, sensitivePorts: [{ port: 6379, name: 'redis' }] });
    // payments/api admits only its namespace's pods: reached in a second hop, through payments/db.
    expect(br?.reached.find((r) => r.workload === 'payments/api[Deployment]')).toMatchObject({ hops: 2, path: ['payments/db[Deployment]', 'payments/api[Deployment]'] });
  });
});
