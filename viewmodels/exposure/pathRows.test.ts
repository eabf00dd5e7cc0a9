import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeEntryPoints, type EntryPointAnalysis } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model';
import { analyzeConnectivity } from '@/lib/netpol/connectivity';
import { snapshotOf } from '@/lib/sources/testing';
import { entryPaths } from './pathRows';

let s: Snapshot;
let a: EntryPointAnalysis;
beforeAll(() => {
  s = snapshotOf(readFileSync(path.join(__dirname, '../../lib/exposure/testdata/edge.yaml'), 'utf8'));
  a = analyzeEntryPoints(s, analyzeConnectivity(s));
});
const pathsOf = (id: string, perEntry = 5) => entryPaths(s, [a.entries.find((x) => x.entry.id === id)!], perEntry)[0];

describe('internet → entry → workloads', () => {
  it('an open LoadBalancer path: each hop with its verdict, the pod hop named by its workload and decided by the rule that admits it', () => {
    const p = pathsOf('LoadBalancer:shop/web');
    expect(p.rows).toHaveLength(1);
    const [r] = p.rows;
    expect(r).toMatchObject({ workload: 'shop/web[Deployment]', verdict: 'open', open: 'TCP 8080' });
    expect(r.hops.map((h) => `${h.from} → ${h.to}: ${h.verdict}`)).toEqual(['internet → LoadBalancer:shop/web: allowed', 'LoadBalancer:shop/web → shop/web[Deployment]: allowed']);
    expect(r.hops[1].deciding).toBe(`shop/${r.podNames[0]} ingress: allowed by shop/web ingress rule #1`);
    expect(r.hops[1].explainHref).toMatch(/^\/explain\?from=198\.51\.100\.10&/);
    expect(r.usableFrom).toEqual(['0.0.0.0-9.255.255.255 (TCP 8080)', '11.0.0.0-255.255.255.255 (TCP 8080)']);
  });

  it('exposed on paper, closed by policy: the denied hop names the policy that selects the pod and admits nothing from there', () => {
    const [r] = pathsOf('LoadBalancer:payments/api').rows;
    expect(r.verdict).toBe('closed');
    expect(r.hops[1]).toMatchObject({ verdict: 'denied', tone: 'good' });
    expect(r.hops[1].deciding).toBe(`payments/${r.podNames[0]} ingress: payments/api selects it and no rule admits this`);
  });

  it('an Ingress through the real controller pods: the hop from the controller to the backend is explained from a controller pod', () => {
    const rows = pathsOf('Ingress:payments/pay').rows;
    expect(rows[0].hops.map((h) => h.from)).toEqual(['internet', 'ingress-nginx/ingress-nginx-controller[Deployment]']);
    expect(rows[0].hops[1].verdict).toBe('denied');
    expect(rows[0].hops[1].explainHref).toMatch(/^\/explain\?from=ingress-nginx%2Fingress-nginx-controller-/);
  });

  it('bounds the rows of an entry and says how many there are', () => {
    const all = a.entries.map((x) => ({ id: x.entry.id, groups: entryPaths(s, [x], 100)[0].total }));
    const many = all.find((x) => x.groups > 1);
    expect(many).toBeDefined();
    const cut = pathsOf(many!.id, 1);
    expect(cut.rows).toHaveLength(1);
    expect(cut.total).toBe(many!.groups);
  });
});
