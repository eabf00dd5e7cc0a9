import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '@/lib/analyses';
import type { EntryPointAnalysis } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model';
import type { Exposure } from '@/lib/netpol/exposure';
import { loadDemoSnapshot } from '@/lib/sources';
import { entryRow, filterEntries, sortEntries } from './entryRows';
import { exposureExportHref, exposureExportRows, parseExposureExport, type ExposureExport, type ExposureExportRows } from './exposureExport';
import { futureExposureRows } from './futureExposure';
import { entryPaths, type EntryPaths } from './pathRows';
import type { ReachableRow } from './reachableRows';

let demo: Snapshot;
let analysis: EntryPointAnalysis;
let exposure: Exposure;
beforeAll(async () => {
  demo = await loadDemoSnapshot();
  const a = analyze(demo);
  analysis = a.entryPoints;
  exposure = a.network().exposure;
});

const ask = (query: string): ExposureExport => {
  const e = parseExposureExport(new URLSearchParams(query));
  if ('error' in e) throw new Error(e.error);
  return e;
};
const rowsOf = (query: string): ExposureExportRows => {
  const out = exposureExportRows(demo, analysis, exposure, ask(query));
  if ('error' in out) throw new Error(out.error);
  return out;
};
/** RFC 4180 records: CRLF outside quotes ends one (fields hold LF line breaks). */
const records = (csv: string) => csv.split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter((r) => r !== '');

describe('Exposure exports: every row of a list the page shows the first of', () => {
  it('reads the list, format and filter, and names the choices when one is unknown', () => {
    expect(parseExposureExport(new URLSearchParams('list=everything'))).toEqual({ error: 'list must be one of entries, paths, reachable, future' });
    expect(parseExposureExport(new URLSearchParams('list=entries&format=xml'))).toEqual({ error: 'format must be one of json, csv' });
    expect(ask('list=entries')).toEqual({ list: 'entries', format: 'json', filter: { verdicts: [], kinds: [] } });
    const e: ExposureExport = { list: 'paths', format: 'csv', filter: { verdicts: ['open'], kinds: ['LoadBalancer'] }, entry: 'svc/x y' };
    expect(ask(exposureExportHref(e).split('?')[1])).toEqual(e);
  });

  it('entries: all of them under the filter, in the page order (the page shows a prefix), one CSV record each', () => {
    const all = rowsOf('list=entries');
    expect(all.count).toBe(analysis.entries.length);
    expect(all.rows.slice(0, 3)).toEqual(sortEntries(analysis.entries).slice(0, 3).map((a) => entryRow(demo, a)));
    const open = rowsOf('list=entries&verdict=open&format=csv');
    expect(open.count).toBe(filterEntries(analysis.entries, { verdicts: ['open'], kinds: [] }).length);
    expect(open.count).toBeGreaterThan(0);
    expect(open.count).toBeLessThan(all.count);
    const csv = records(open.csv());
    expect(csv[0]).toBe('id,kind,object,verdict,addresses,ports,sourceRanges,sourceRangesFrom,controller,backends,reason,notes');
    expect(csv).toHaveLength(open.count + 1);
  });

  it('paths: every path row of one entry, however many the page shows of it; an unknown entry is named', () => {
    const busiest = [...analysis.entries].sort((x, y) => y.paths.length - x.paths.length)[0];
    const page = entryPaths(demo, [busiest], 1)[0];
    expect(page.total).toBeGreaterThan(page.rows.length);
    const out = rowsOf(`list=paths&entry=${encodeURIComponent(busiest.entry.id)}`);
    const [only] = out.rows as EntryPaths[];
    expect(only.rows).toHaveLength(page.total);
    expect(out.count).toBe(page.total);
    expect(only.rows[0]).toEqual(page.rows[0]);
    expect(records(out.csv())).toHaveLength(page.total + 1);
    expect(exposureExportRows(demo, analysis, exposure, ask('list=paths&entry=svc/nowhere/none'))).toEqual({ error: 'no entry point svc/nowhere/none in this snapshot' });
    const every = rowsOf('list=paths');
    expect((every.rows as EntryPaths[]).map((e) => e.id)).toEqual(sortEntries(analysis.entries).map((a) => a.entry.id));
  });

  it('reachable: every internet-reachable workload with its whole blast radius, one CSV record per workload reached', () => {
    const out = rowsOf('list=reachable&format=csv');
    const rows = out.rows as ReachableRow[];
    expect(rows.map((r) => r.workload)).toEqual(analysis.reachable.map((r) => r.workload));
    for (const r of rows) expect(r.blast.reached).toHaveLength(r.blast.total);
    expect(records(out.csv())).toHaveLength(1 + rows.reduce((n, r) => n + Math.max(1, r.blast.total), 0));
    const widest = [...rows].sort((x, y) => y.blast.total - x.blast.total)[0];
    expect(widest.blast.total).toBeGreaterThan(5); // more than the page's five
    const one = rowsOf(`list=reachable&workload=${encodeURIComponent(widest.workload)}`);
    expect(one.rows).toEqual([widest]);
    expect(exposureExportRows(demo, analysis, exposure, ask('list=reachable&workload=x/y[Deployment]'))).toEqual({ error: 'x/y[Deployment] is not reachable from the internet in this snapshot' });
  });

  it('future: every row, with the CLI peer notation', () => {
    const out = rowsOf('list=future&format=csv');
    expect(out.rows).toEqual(futureExposureRows(exposure).rows);
    expect(records(out.csv())).toHaveLength(out.count + 1);
    expect(records(out.csv())[0]).toBe('workload,direction,peer,ports,unprotected,origin');
  });
});
