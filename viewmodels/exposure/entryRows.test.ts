import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeEntryPoints, type EntryPointAnalysis } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model';
import { analyzeConnectivity } from '@/lib/netpol/connectivity';
import { snapshotOf } from '@/lib/sources/testing';
import { entryFilterQuery, entryRow, filterEntries, parseEntryFilter, sortEntries, verdictCounts } from './entryRows';

let s: Snapshot;
let a: EntryPointAnalysis;
beforeAll(() => {
  s = snapshotOf(readFileSync(path.join(__dirname, '../../lib/exposure/testdata/edge.yaml'), 'utf8'));
  a = analyzeEntryPoints(s, analyzeConnectivity(s));
});
const row = (id: string) => entryRow(s, a.entries.find((x) => x.entry.id === id)!);

describe('entry rows', () => {
  it('a LoadBalancer without source ranges: every address, its backends folded by workload, exposed', () => {
    expect(row('LoadBalancer:shop/web')).toMatchObject({
      kind: 'LoadBalancer',
      object: 'Service shop/web',
      addresses: ['203.0.113.10'],
      ports: 'TCP 80',
      sourceRanges: ['0.0.0.0/0', '::/0'],
      sourceRangesFrom: 'nothing restricts it',
      backends: [{ workload: 'shop/web[Deployment]', pods: 1, via: ['80/TCP (http) → http → 8080'], open: true }],
      verdict: { key: 'open', label: 'exposed', tone: 'bad' },
    });
    expect(row('LoadBalancer:shop/web').explainHref).toMatch(/^\/explain\?from=198\.51\.100\.10&to=shop%2Fweb-.*&port=8080$/);
  });

  it('exposed on paper, closed by policy: source ranges from the spec, the reason, an Explain of the denied hop', () => {
    const r = row('LoadBalancer:payments/api');
    expect(r).toMatchObject({ sourceRanges: ['198.51.100.0/24'], sourceRangesFrom: 'loadBalancerSourceRanges', verdict: { key: 'closed', label: 'on paper only: closed' } });
    expect(r.reason).toMatch(/^exposed on paper, closed in fact: /);
    expect(r.backends[0].open).toBe(false);
  });

  it('names the controller reading of an Ingress: the real pods and how they were found', () => {
    expect(row('Ingress:shop/shop').controller).toBe('controller pods: ingress-nginx/ingress-nginx-controller[Deployment] (built-in: ingress-nginx pod labels)');
    expect(row('Ingress:shop/shop').addresses).toEqual(['shop.example.com/']);
  });
});

describe('entry filters', () => {
  it('reads verdicts and kinds from the query, dropping unknown values, and writes them back', () => {
    const f = parseEntryFilter({ verdict: 'open,bogus,closed', kind: ['Ingress,LoadBalancer', 'x'] });
    expect(f).toEqual({ verdicts: ['open', 'closed'], kinds: ['Ingress', 'LoadBalancer'] });
    expect(entryFilterQuery(f, { limit: '100' })).toBe('?verdict=open%2Cclosed&kind=Ingress%2CLoadBalancer&limit=100');
    expect(entryFilterQuery({ verdicts: [], kinds: [] })).toBe('');
  });

  it('keeps the matching entries, open first, and counts every verdict', () => {
    const open = filterEntries(a.entries, { verdicts: ['open'], kinds: ['LoadBalancer'] });
    expect(open.map((e) => e.entry.id)).toEqual(['LoadBalancer:shop/web', 'LoadBalancer:ingress-nginx/ingress-nginx-controller']);
    const sorted = sortEntries(a.entries);
    expect(sorted.findIndex((e) => e.verdict !== 'open')).toBe(a.entries.filter((e) => e.verdict === 'open').length);
    const counts = verdictCounts(a.entries);
    expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(a.entries.length);
    expect(counts.internal).toBe(1);
  });
});
