import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses';
import type { Snapshot } from '@/lib/model';
import { exposureTxtLines } from '@/lib/report/exposure';
import { loadDemoSnapshot } from '@/lib/sources';
import { futureExposureRows, type FutureExposureRow } from './futureExposure';

let demo: Snapshot;
let rows: FutureExposureRow[];
beforeAll(async () => {
  demo = await loadDemoSnapshot();
  rows = futureExposureRows(analyze(demo).network().exposure).rows;
});
const find = (workload: string, peer: string, direction = 'Ingress') => rows.find((r) => r.workload === workload && r.peer === peer && r.direction === direction);

describe('exposed to future workloads (the demo)', () => {
  it('gives the first rows and counts them all', () => {
    const cut = futureExposureRows(analyze(demo).network().exposure, 3);
    expect(cut.rows).toEqual(rows.slice(0, 3));
    expect(cut.total).toBe(rows.length);
  });

  it('has one row per entire-cluster and representative-peer line of `connectivity --exposure`, external ranges left out', () => {
    const lines = exposureTxtLines(analyze(demo).network().exposure).filter((l) => /\t(=>|<=) \t/.test(l) && !l.includes('[External]'));
    expect(rows).toHaveLength(lines.length);
  });

  it('grafana admits the entire cluster on everything: asked from a new pod anywhere, on any port', () => {
    expect(find('monitoring/grafana[Deployment]', 'entire-cluster')).toMatchObject({
      direction: 'Ingress',
      ports: 'All Connections',
      explainHref: '/explain?from=%5Ball+namespaces%5D%2F%5Ball+pods%5D&to=monitoring%2FDeployment%2Fgrafana',
    });
  });

  it('a peer with expressions gets no Explain link (it stands for many label sets); its origin rule is named', () => {
    const r = rows.find((x) => x.workload === 'shop-frontend/storefront[Deployment]' && x.peer.includes('Operator:In'))!;
    expect(r.direction).toBe('Egress');
    expect(r.explainHref).toBeUndefined();
    expect(r.origin).toBe('NetworkPolicy shop-frontend/storefront-to-backend egress rule #1');
  });

  it('coredns: the entire cluster on DNS (asked on TCP 53) and monitoring/[all pods] from the guardrail', () => {
    expect(find('kube-system/coredns[Deployment]', 'entire-cluster')?.explainHref).toBe('/explain?from=%5Ball+namespaces%5D%2F%5Ball+pods%5D&to=kube-system%2FDeployment%2Fcoredns&port=53');
    expect(find('kube-system/coredns[Deployment]', 'monitoring/[all pods]')?.origin).toMatch(/^AdminNetworkPolicy cluster-guardrails ingress rule #/);
  });
});
