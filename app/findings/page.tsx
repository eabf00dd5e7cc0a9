import type { Metadata } from 'next';
import { MAX_PAGE_ROWS, nextLimit, pageLimit } from '@/viewmodels/ui/pageLimit';
import Link from 'next/link';
import { cellPaths } from '@/viewmodels/access/matrixModel';
import { FindingCard } from '@/components/findings/FindingCard';
import { sodMatrixHref } from '@/viewmodels/findings/findingLinks';
import { filterFindings, findingsQuery, openFirst, parseFindingsFilter, severityCounts, type FindingsFilter } from '@/viewmodels/findings/findingsFilter';
import { WarningsTable } from '@/components/findings/WarningsTable';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import type { Severity } from '@/lib/findings';
import { TimeTravelNotice } from '@/components/history/TimeTravelNotice';
import { viewSnapshot } from '@/server/history/timeTravel';
import { CONFIG_ENV, dashboardConfig, describeDashboardConfig } from '@/server/dashboardConfig';
import { analysesReady, findingLocator, findingsOf, rbacIndexOf } from '@/server/analyses';
import { formatLocation } from '@/viewmodels/ui/format';
import { warningSummary } from '@/viewmodels/shell/warningSummary';

export const metadata: Metadata = { title: 'Findings' };

const field = 'rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-sm text-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-400';
const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];
// A large cluster has tens of thousands of findings; the page shows the first ones (the export has them all).

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await viewSnapshot(await searchParams);
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const applied = dashboardConfig();
  await analysesReady(s);
  const index = rbacIndexOf(s);
  const all = findingsOf(s);
  const filter = parseFindingsFilter(await searchParams);
  // Open findings first, the allow-listed ones after them under their own heading.
  const shown = openFirst(filterFindings(all, filter));
  const limit = pageLimit((await searchParams).limit);
  const page = shown.slice(0, limit);
  const openShown = page.filter((f) => !f.suppressed);
  const suppressedShown = page.filter((f) => f.suppressed);
  const suppressedCount = all.filter((f) => f.suppressed).length;
  const counts = severityCounts(all);
  const rules = [...new Set(all.map((f) => f.ruleId))].sort();
  const namespaces = [...new Set(all.flatMap((f) => (f.namespace ? [f.namespace] : [])))].sort();
  const allowed = (p: Parameters<typeof cellPaths>[1], subject: string, col: string) => cellPaths(index, p, subject, col).paths.length > 0;
  const q = findingsQuery(filter);
  const inNamespace = filter.namespace && filter.namespace !== '*' ? filter.namespace : undefined;
  const locate = findingLocator(s);
  const where = (f: (typeof all)[number]) => formatLocation(locate(f));
  const exportHref = (format: string) => `/api/findings${q ? `${q}&` : '?'}format=${format}`;
  const severityLink = (sev: Severity) => {
    const only: FindingsFilter = { ...filter, severities: filter.severities.length === 1 && filter.severities[0] === sev ? [] : [sev] };
    return `/findings${findingsQuery(only)}`;
  };
  return (
    <>
      <TimeTravelNotice past={result.past} livePath="/findings" />
      <PageHeader
        title="Findings"
        description={
          <>
            Problems in who can change what (RBAC) and in the policies, with the evidence behind each and a fix; then what the source warned about while reading.{' '}
            <span data-testid="findings-config" className={applied.kind === 'none' ? 'text-amber-200' : 'text-zinc-200'} title={applied.kind === 'loaded' ? applied.resolved : `Set ${CONFIG_ENV} to apply perimeter.config.yaml (docs/config.md).`}>
              {applied.kind === 'loaded' ? `Groups, duties, rule settings and allow-list from ${applied.path}.` : `${describeDashboardConfig(applied)}.`}
            </span>
          </>
        }
      >
        <div className="flex items-center gap-2 text-sm" data-testid="findings-export">
          <span className="text-zinc-400">Export{q === '' ? '' : ' (filtered)'}:</span>
          {['json', 'csv', 'md'].map((f) => (
            <a key={f} href={exportHref(f)} download className="rounded-md border border-zinc-700 px-2.5 py-1 text-zinc-100 hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-400">
              {f === 'md' ? 'Markdown' : f.toUpperCase()}
            </a>
          ))}
        </div>
      </PageHeader>
      <UnreadableNotice unreadable={s.unreadable} dependsOn={[...ANSWER_DEPENDS_ON.whoCan, ...ANSWER_DEPENDS_ON.connectivity]} />
      <div className="space-y-4">
        <Panel
          title={`Findings (${shown.length === all.length ? all.length : `${shown.length} of ${all.length}`})`}
          actions={
            <span className="flex gap-2">
              {SEVERITIES.map((sev) => (
                <Link key={sev} href={severityLink(sev)} aria-pressed={filter.severities.includes(sev)} className="rounded focus-visible:outline-2 focus-visible:outline-sky-400">
                  <Badge tone={sev === 'high' ? 'bad' : sev === 'medium' ? 'warn' : 'neutral'}>
                    {counts[sev]} {sev}
                    {filter.severities.includes(sev) ? ' ✓' : ''}
                  </Badge>
                </Link>
              ))}
              {suppressedCount > 0 && (
                <Link
                  href={`/findings${findingsQuery({ ...filter, suppressed: filter.suppressed === 'only' ? 'show' : 'only' })}`}
                  aria-pressed={filter.suppressed === 'only'}
                  data-testid="suppressed-chip"
                  className="rounded focus-visible:outline-2 focus-visible:outline-sky-400"
                >
                  <Badge tone="neutral">
                    {suppressedCount} suppressed
                    {filter.suppressed === 'only' ? ' ✓' : ''}
                  </Badge>
                </Link>
              )}
            </span>
          }
        >
          <form method="get" action="/findings" className="flex flex-wrap items-end gap-3 border-b border-zinc-800 px-4 py-3" data-testid="findings-form">
            <label className="flex flex-col gap-1 text-xs text-zinc-400">
              Severity
              <select name="sev" defaultValue={filter.severities.join(',')} className={field}>
                <option value="">all</option>
                <option value="high">high</option>
                <option value="high,medium">high and medium</option>
                <option value="medium">medium</option>
                <option value="low">low</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs text-zinc-400">
              Rule
              <select name="rule" defaultValue={filter.rule} className={field}>
                <option value="">all rules</option>
                {rules.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs text-zinc-400">
              Namespace
              <select name="ns" defaultValue={filter.namespace} className={field}>
                <option value="">any</option>
                <option value="*">cluster-wide only</option>
                {namespaces.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs text-zinc-400">
              Suppressed
              <select name="sup" defaultValue={filter.suppressed} className={field}>
                <option value="show">shown after the open ones</option>
                <option value="hide">hidden</option>
                <option value="only">only suppressed</option>
              </select>
            </label>
            <label className="flex flex-col gap-1 text-xs text-zinc-400">
              Text
              <input type="search" name="q" defaultValue={filter.text} placeholder="subject, object, words" className={`${field} w-56`} />
            </label>
            <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300">
              Filter
            </button>
            {q && (
              <Link href="/findings" className="py-1.5 text-sm text-sky-300 hover:underline">
                clear
              </Link>
            )}
          </form>
          {all.length === 0 ? (
            <EmptyState title="No findings">None of the checks found a problem in this snapshot.</EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState title="No finding matches the filter">
              <Link className="text-sky-300 hover:underline" href="/findings">
                Show all {all.length}
              </Link>
            </EmptyState>
          ) : (
            <>
              {openShown.length > 0 && (
                <ul className="divide-y divide-zinc-800" data-testid="findings-list">
                  {openShown.map((f) => (
                    <FindingCard key={f.id} finding={f} matrixHref={sodMatrixHref(f, allowed)} location={where(f)} inNamespace={inNamespace} />
                  ))}
                </ul>
              )}
              {suppressedShown.length > 0 && (
                <section aria-labelledby="suppressed-heading" data-testid="suppressed-findings">
                  <h3 id="suppressed-heading" className="border-y border-zinc-800 bg-zinc-900/60 px-4 py-2 text-xs font-medium tracking-wide text-zinc-300 uppercase">
                    Suppressed by the config&apos;s allow-list ({shown.filter((f) => f.suppressed).length}): accepted, with a reason; never fail a check
                  </h3>
                  <ul className="divide-y divide-zinc-800">
                    {suppressedShown.map((f) => (
                      <FindingCard key={f.id} finding={f} matrixHref={sodMatrixHref(f, allowed)} location={where(f)} inNamespace={inNamespace} />
                    ))}
                  </ul>
                </section>
              )}
            </>
          )}
          {shown.length > limit && (
            <p className="border-t border-zinc-800 px-4 py-3 text-sm text-zinc-300">
              Showing the first {limit} of {shown.length}.{' '}
              {limit < MAX_PAGE_ROWS && (
                <>
                  <Link className="text-sky-300 hover:underline" href={`/findings${q ? `${q}&` : '?'}limit=${nextLimit(limit)}`}>
                    Show {Math.min(nextLimit(limit), shown.length) - limit} more
                  </Link>{' '}
                  or{' '}
                </>
              )}
              narrow the filter; the exports hold all of them.
            </p>
          )}
        </Panel>
        {applied.kind === 'loaded' && (
          <Panel id="config-warnings" title={`Config warnings (${applied.warnings.length})`}>
            {applied.warnings.length === 0 ? (
              <EmptyState title="No config warnings">Every entry of {applied.path} was understood and applies.</EmptyState>
            ) : (
              <WarningsTable warnings={applied.warnings} caption="Config warnings" />
            )}
          </Panel>
        )}
        <Panel id="warnings" title={`Snapshot warnings (${s.warnings.length === 0 ? 0 : warningSummary(s.warnings).text})`}>
          {s.warnings.length === 0 ? (
            <EmptyState title="No warnings">Every object of the source was read and understood.</EmptyState>
          ) : (
            <WarningsTable warnings={s.warnings} caption="Snapshot warnings" />
          )}
        </Panel>
        <Panel id="unreadable" title={`Unreadable kinds (${s.unreadable.length})`}>
          {s.unreadable.length === 0 ? (
            <EmptyState title="Every kind was readable">No answer is missing data because of permissions.</EmptyState>
          ) : (
            <Table caption="Unreadable kinds" head={['Kind', 'Why', 'Permission that would fix it']}>
              {s.unreadable.map((u) => (
                <tr key={u.kind}>
                  <Td className="font-medium text-zinc-100">{u.kind}</Td>
                  <Td className="text-zinc-200">{u.message}</Td>
                  <Td className="font-mono text-xs text-zinc-200">{u.missingPermission ?? '—'}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Panel>
      </div>
    </>
  );
}
