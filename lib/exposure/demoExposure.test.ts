import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../model';
import { analyzeConnectivity } from '../netpol/connectivity';
import { formatPorts } from '../netpol/portSet';
import { loadDemoSnapshot } from '../sources';
import { analyzeEntryPoints, type EntryPointAnalysis } from './analyzeEntryPoints';
import { explainLastHops } from './hopExplanations';

// The exposures planted in the demo (demo/README.md, "Planted exposure facts"): each is found, with its path.
let demo: Snapshot;
let a: EntryPointAnalysis;
beforeAll(async () => {
  demo = await loadDemoSnapshot();
  a = analyzeEntryPoints(demo, analyzeConnectivity(demo));
});
const entry = (id: string) => {
  const e = a.entries.find((x) => x.entry.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

describe('the demo’s planted exposures', () => {
  it('a LoadBalancer without source ranges in front of ingress-nginx, open on 80 and 443 from every IPv4 address', () => {
    const lb = entry('LoadBalancer:ingress-nginx/ingress-nginx-controller');
    expect(lb).toMatchObject({ verdict: 'open', entry: { sourceRangesFrom: 'none', addresses: ['203.0.113.50'] } });
    expect(lb.paths.map((p) => `${p.workload} ${formatPorts(p.open)} ${p.usableFrom.map((u) => u.range).join(',')}`)).toContain('ingress-nginx/ingress-nginx-controller[Deployment] TCP 80 0.0.0.0-255.255.255.255');
  });

  it('an Ingress to storefront, served by the ingress-nginx pods (IngressClass nginx): internet → LoadBalancer → controller → storefront', () => {
    const ing = entry('Ingress:shop-frontend/storefront');
    expect(ing.entry.controller).toMatchObject({ reading: 'controller-pods', controller: 'k8s.io/ingress-nginx' });
    expect(ing.verdict).toBe('open');
    expect(ing.paths[0].hops.map((h) => h.verdict)).toEqual(['allowed', 'allowed']);
    expect(formatPorts(ing.paths[0].open)).toBe('TCP 8080');
  });

  it('an Ingress to payments-api whose policies block the controller: exposed on paper, closed in fact', () => {
    const pay = entry('Ingress:payments/payments-api');
    expect(pay.verdict).toBe('closed');
    expect(pay.reason).toBe("exposed on paper, closed in fact: the policies let none of TCP 8443 through from ingress-nginx/ingress-nginx-controller[Deployment] (the controller's egress or the pod's ingress denies it)");
  });

  it('a LoadBalancer with source ranges whose pods admit none of them: the partners’ one to payments-api, closed by default-deny-all', () => {
    const lb = entry('LoadBalancer:payments/payments-api-partners');
    expect(lb).toMatchObject({ verdict: 'closed', entry: { sourceRanges: ['198.51.100.0/24'], sourceRangesFrom: 'spec', addresses: ['203.0.113.60'] } });
    expect(lb.reason).toBe('exposed on paper, closed in fact: its ingress policies admit none of TCP 8443 from 198.51.100.0/24');
    // allocateLoadBalancerNodePorts: false, so no node port entry.
    expect(a.entries.some((e) => e.entry.id === 'NodePort:payments/payments-api-partners')).toBe(false);
    const why = explainLastHops(demo, lb.paths.map((path) => ({ entry: lb.entry, path })));
    expect(why.map((w) => w?.explanation.ingress.policies)).toEqual(lb.paths.map(() => ['payments/default-deny-all', 'payments/payments-api-from-checkout']));
    expect(why.every((w) => w?.explanation.verdict === 'denied' && w.question.from === '198.51.100.10')).toBe(true);
  });

  it('a NodePort on grafana, which admits everything (the pod is Pending: the path opens when it runs)', () => {
    const np = entry('NodePort:monitoring/grafana');
    expect(np.verdict).toBe('open');
    expect(np.entry.ports).toEqual([{ protocol: 'TCP', port: 30300 }]);
    expect(np.paths[0].assumptions[0]).toMatch(/is Pending without an IP: the path opens when it runs/);
  });

  it('a Gateway route to storefront through a data plane not in the snapshot: the stand-in, which storefront does not admit', () => {
    const gw = entry('Gateway:ingress-nginx/public/https');
    expect(gw.entry.controller).toMatchObject({ reading: 'stand-in', controller: 'gateway.envoyproxy.io/gatewayclass-controller' });
    expect(gw.paths.map((p) => p.workload)).toEqual(['shop-frontend/storefront[Deployment]', 'shop-frontend/storefront[Deployment]', 'shop-frontend/storefront[Deployment]']);
    expect(gw.paths[0].hops.map((h) => h.verdict)).toEqual(['assumed', 'denied']);
  });

  it('the internet-reachable workloads, and what storefront reaches next', () => {
    expect(a.reachable.map((r) => r.workload)).toEqual(['ingress-nginx/ingress-nginx-controller[Deployment]', 'kube-system/kube-proxy[DaemonSet]', 'monitoring/grafana[Deployment]', 'shop-frontend/storefront[Deployment]']);
    const br = a.blastRadius('shop-frontend/storefront[Deployment]');
    expect(br?.reached.filter((r) => r.hops === 1).map((r) => r.workload)).toContain('shop-backend/checkout[Deployment]');
    expect(br?.reached.some((r) => r.workload === 'shop-db/postgres[StatefulSet]' && r.hops === 2)).toBe(true);
  });
});
