import { describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses';
import { loadDemoSnapshot } from '@/lib/sources';
import { internetSummary } from './internetReachable';

describe('the Overview’s internet-reachable summary', () => {
  it('counts the demo’s internet-reachable workloads and lists the top ones with their entry points', async () => {
    const demo = await loadDemoSnapshot();
    const s = internetSummary(analyze(demo).entryPoints, 2);
    expect(s.count).toBe(4);
    // demo/README.md's closed rows: payments-api-partners, Ingress payments-api, the Gateway route, node-exporter.
    expect(s.closedEntries).toBe(4);
    expect(s.items.map((i) => [i.workload, i.ports, i.entries.join(',')])).toEqual([
      ['ingress-nginx/ingress-nginx-controller[Deployment]', 'TCP 80,443', 'LoadBalancer:ingress-nginx/ingress-nginx-controller'],
      ['kube-system/kube-proxy[DaemonSet]', 'All Connections', 'HostNetwork:kube-system/DaemonSet/kube-proxy'],
    ]);
    expect(s.items[0].graphHref).toMatch(/^\/graph\?/);
  });
});
