import type { Metadata } from 'next';
import Link from 'next/link';
import { EntryPathList } from '@/components/exposure/EntryPathList';
import { EntryTable } from '@/components/exposure/EntryTable';
import { ExportLinks } from '@/components/exposure/ExportLinks';
import { FutureExposureTable } from '@/components/exposure/FutureExposureTable';
import { ReachableTable } from '@/components/exposure/ReachableTable';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { StatTile } from '@/components/ui/StatTile';
import { entryPointsOf, exposureOf } from '@/server/analyses';
import { currentSnapshot } from '@/server/currentSnapshot';
import { entryFilterQuery, entryRow, filterEntries, parseEntryFilter, sortEntries, verdictCounts, type EntryFilter } from '@/viewmodels/exposure/entryRows';
import { ENTRY_VERDICTS, verdictView } from '@/viewmodels/exposure/entryVerdicts';
import { exposureExportHref, type ExposureFormat, type ExposureList } from '@/viewmodels/exposure/exposureExport';
import { futureExposureRows } from '@/viewmodels/exposure/futureExposure';
import { entryPaths } from '@/viewmodels/exposure/pathRows';
import { reachableRow } from '@/viewmodels/exposure/reachableRows';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { plural } from '@/viewmodels/ui/format';
import { nextLimit, PAGE_ROWS, pageLimit } from '@/viewmodels/ui/pageLimit';

export const metadata: Metadata = { title: 'Exposure' };

// Every list is bounded (viewmodels/ui/pageLimit): the first rows, "showing N of M", links that raise the limit, and
// the export of every row (GET /api/exposure), so nothing the page leaves out is out of reach.
const ENTRY_PAGE = 50;
const REACHABLE_PAGE = 50;
const FUTURE_PAGE = PAGE_ROWS;
const PATHS_PER_ENTRY = 5;
const PATHS_OF_ONE_ENTRY = PAGE_ROWS;
const TOP_REACHED = 5;

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ExposurePage({ searchParams }: { searchParams: Promise<Params> }) {
  const result = await currentSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const sp = await searchParams;
  const analysis = entryPointsOf(s);
  const filter = parseEntryFilter(sp);
  const entryLimit = pageLimit(sp.limit, ENTRY_PAGE);
  const reachableLimit = pageLimit(sp.rlimit, REACHABLE_PAGE);
  const futureLimit = pageLimit(sp.flimit, FUTURE_PAGE);
  const focusEntry = one(sp.entry);

  const all = analysis.entries;
  const counts = verdictCounts(all);
  const shown = sortEntries(filterEntries(all, filter));
  const page = shown.slice(0, entryLimit);
  const rows = page.map((a) => entryRow(s, a));
  // The paths of the entries on this page; all the rows of one entry when it is asked for (?entry=).
  const focused = focusEntry ? all.find((a) => a.entry.id === focusEntry) : undefined;
  const paths = focused ? entryPaths(s, [focused], PATHS_OF_ONE_ENTRY) : entryPaths(s, page, PATHS_PER_ENTRY);
  const reachable = analysis.reachable.slice(0, reachableLimit).map((r) => reachableRow(analysis, r, TOP_REACHED));
  const future = futureExposureRows(exposureOf(s), futureLimit);
  const closedOnPaper = counts.closed;
  const standIn = all.filter((a) => a.entry.controller?.reading === 'stand-in').length;

  const q = (f: EntryFilter, extra: Record<string, string> = {}) => `/exposure${entryFilterQuery(f, extra)}`;
  const toggleVerdict = (v: (typeof ENTRY_VERDICTS)[number]): EntryFilter => ({ ...filter, verdicts: filter.verdicts.length === 1 && filter.verdicts[0] === v ? [] : [v] });
  const more = (key: string, current: number, page: number, total: number) => {
    const params = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : [[k, one(v) ?? '']])));
    params.set(key, String(nextLimit(current, page)));
    return { href: `/exposure?${params}`, count: Math.min(nextLimit(current, page), total) - current };
  };
  const exportOf = (list: ExposureList, which: { entry?: string; workload?: string } = {}) => (format: ExposureFormat) => exposureExportHref({ list, format, filter, ...which });

  return (
    <>
      <PageHeader
        title="Exposure"
        description="What the internet can reach, through which entry point and hop by hop; what an attacker holding an internet-facing workload reaches next; and what the policies would admit from pods that do not exist yet."
      />
      <UnreadableNotice unreadable={s.unreadable} dependsOn={ANSWER_DEPENDS_ON.connectivity} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="exposure-counts">
        <StatTile label="Entry points" value={all.length} detail="Services, Ingresses, Routes, Gateways, host ports, policy rules" />
        <StatTile label="Exposed" value={counts.open} detail="open from the internet through every hop" />
        <StatTile label="On paper only" value={closedOnPaper} detail="exposed on paper, closed by policy" />
        <StatTile label="Internet-reachable workloads" value={analysis.reachable.length} detail={<a href="#reachable">blast radius</a>} />
        <StatTile label="Exposed to future pods" value={future.total} detail={<a href="#future">entire cluster and representative peers</a>} />
      </div>

      <div className="mt-4 space-y-4">
        {standIn > 0 && (
          <p className="rounded-md border border-amber-800/60 bg-amber-950/30 px-4 py-2 text-sm text-amber-100" data-testid="stand-in-note">
            {plural(standIn, 'entry point')} go{standIn === 1 ? 'es' : ''} through an ingress controller that is not in the snapshot. Perimeter then uses a <strong>stand-in</strong>: a pod without labels in a namespace of its own, assumed reachable from the internet and unrestricted on egress. A policy that admits it admits every controller; a policy that admits the real controller by its labels is not credited (docs/entry-points.md). Name the controller pods in perimeter.config.yaml (<code>exposure.ingressControllers</code>) to use the real policies.
          </p>
        )}
        <Panel
          title={`Entry points (${shown.length === all.length ? all.length : `${shown.length} of ${all.length}`})`}
          actions={
            <span className="flex flex-wrap items-center gap-1.5">
              <ExportLinks href={exportOf('entries')} label={filter.verdicts.length || filter.kinds.length ? 'Export (filtered)' : 'Export'} testId="entries-export" />
              <span className="flex flex-wrap gap-1.5" data-testid="verdict-filter">
                {ENTRY_VERDICTS.filter((v) => counts[v] > 0).map((v) => {
                  const view = verdictView(v);
                  const on = filter.verdicts.includes(v);
                  return (
                    <Link key={v} href={q(toggleVerdict(v))} aria-pressed={on} className="rounded focus-visible:outline-2 focus-visible:outline-sky-400">
                      <Badge tone={view.tone} title={view.title}>
                        {counts[v]} {view.label}
                        {on ? ' ✓' : ''}
                      </Badge>
                    </Link>
                  );
                })}
              </span>
            </span>
          }
        >
          {all.length === 0 ? (
            <EmptyState title="No entry points">No LoadBalancer, NodePort or externalIPs Service, Ingress, Route, Gateway, host port, host-network pod or policy rule admitting every address is in this snapshot: nothing is exposed beyond the pod network.</EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState title="No entry point matches">
              <Link className="text-sky-300 hover:underline" href="/exposure">
                Clear the filter
              </Link>
            </EmptyState>
          ) : (
            <EntryTable rows={rows} />
          )}
          {shown.length > entryLimit && <More shown={entryLimit} total={shown.length} {...more('limit', entryLimit, ENTRY_PAGE, shown.length)} exportHref={exportOf('entries')} />}
        </Panel>

        <Panel
          id="paths"
          title={focused ? `Internet → ${focused.entry.id} → workloads` : 'Internet → entry → workloads, hop by hop'}
          actions={
            focused ? (
              <span className="flex flex-wrap items-center gap-3">
                <ExportLinks href={exportOf('paths', { entry: focused.entry.id })} testId="paths-export" />
                <Link className="text-xs text-sky-300 hover:underline" href={q(filter)}>
                  every entry on the page
                </Link>
              </span>
            ) : (
              <span className="flex flex-wrap items-center gap-3">
                <span className="text-xs text-zinc-400">
                  the {plural(page.length, 'entry', 'entries')} above{shown.length > page.length ? ` (of ${shown.length.toLocaleString('en-US')})` : ''}, {PATHS_PER_ENTRY} paths each at most
                </span>
                <ExportLinks href={exportOf('paths')} label={`Every path of the ${plural(shown.length, 'entry', 'entries')}`} testId="paths-export" />
              </span>
            )
          }
        >
          {focusEntry && !focused ? (
            <EmptyState title={`No entry point ${focusEntry}`}>It is not in this snapshot (any more).</EmptyState>
          ) : paths.length === 0 ? (
            <EmptyState title="No paths">No entry point is shown.</EmptyState>
          ) : (
            <EntryPathList entries={paths} moreHref={focused ? undefined : (id) => `${q(filter, { entry: id })}#paths`} exportHref={(id, f) => exportOf('paths', { entry: id })(f)} />
          )}
        </Panel>

        <Panel id="reachable" title={`Internet-reachable workloads and what they reach next (${analysis.reachable.length})`} actions={<ExportLinks href={exportOf('reachable')} label="Export with every workload reached" testId="reachable-export" />}>
          {analysis.reachable.length === 0 ? (
            <EmptyState title="No workload is reachable from the internet">Every entry point is closed by policy, internal, or routes to no pod.</EmptyState>
          ) : (
            <ReachableTable rows={reachable} exportHref={(workload, f) => exportOf('reachable', { workload })(f)} />
          )}
          {analysis.reachable.length > reachableLimit && <More shown={reachableLimit} total={analysis.reachable.length} {...more('rlimit', reachableLimit, REACHABLE_PAGE, analysis.reachable.length)} exportHref={exportOf('reachable')} />}
        </Panel>

        <Panel id="future" title={`Exposed to future workloads (${future.total})`} actions={<ExportLinks href={exportOf('future')} label="Export" testId="future-export" />}>
          {future.total === 0 ? (
            <EmptyState title="No exposure to pods that do not exist yet">Every rule names only pods of the snapshot (or external ranges).</EmptyState>
          ) : (
            <FutureExposureTable rows={future.rows} />
          )}
          {future.total > futureLimit && <More shown={futureLimit} total={future.total} {...more('flimit', futureLimit, FUTURE_PAGE, future.total)} exportHref={exportOf('future')} />}
        </Panel>
      </div>
    </>
  );
}

function More({ shown, total, href, count, exportHref }: { shown: number; total: number; href: string; count: number; exportHref: (format: ExposureFormat) => string }) {
  return (
    <p className="border-t border-zinc-800 px-4 py-3 text-sm text-zinc-300" data-testid="show-more">
      Showing the first {shown.toLocaleString('en-US')} of {total.toLocaleString('en-US')}.{' '}
      {count > 0 ? (
        <Link className="text-sky-300 hover:underline" href={href}>
          Show {count.toLocaleString('en-US')} more
        </Link>
      ) : (
        <span className="text-zinc-400">That is the most a page shows.</span>
      )}{' '}
      <ExportLinks href={exportHref} />
    </p>
  );
}
