import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeSetDetail } from '@/components/history/ChangeSetDetail';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import { EFFECT_TAGS } from '@/lib/history/effects';
import { historyStatus } from '@/server/history/historyService';
import { historyTarget } from '@/server/history/historyView';
import { historyHref, historyQuery, timelineRow } from '@/viewmodels/history/historyView';

export const metadata: Metadata = { title: 'History' };

const field = 'rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-sm text-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-400';
// Keyset pages of the newest versions first: 100,000 change sets cost one indexed query per page.
const PAGE = 50;

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = historyQuery(await searchParams);
  const t = await historyTarget();
  const header = (
    <PageHeader
      title="History"
      description="Every recorded version of the cluster's NetworkPolicies, admin policies, RBAC objects, namespace and workload labels: who changed what (from audit events, else the field manager, marked as such), when, and what it did."
    />
  );
  if (!t.ok) {
    return (
      <>
        {header}
        <EmptyState title={t.reason === 'store-failed' ? 'History store unavailable' : 'No history'}>{t.message}</EmptyState>
      </>
    );
  }
  const status = historyStatus();
  const [page, selected, namespaces] = await Promise.all([
    t.store.list(t.clusterId, q.filter, { limit: PAGE, ...(q.before !== undefined ? { before: q.before } : {}) }),
    q.version !== undefined ? t.store.changeSet(t.clusterId, q.version) : Promise.resolve(undefined),
    t.store.namespaces(t.clusterId),
  ]);
  const rows = page.versions.map(timelineRow);
  const last = page.versions.at(-1)?.version;
  return (
    <>
      {header}
      <p className="mb-3 text-xs text-zinc-400" data-testid="history-status">
        {t.context} ({t.server}) · store: {status.store.where}
        {status.recorder?.state === 'unavailable' ? ` · recording paused: ${status.recorder.cause}` : status.recorder?.state === 'recording' ? ' · recording' : ''}
      </p>
      <Panel title={`${page.total} version${page.total === 1 ? '' : 's'}${Object.keys(q.filter).length ? ' match' : ''}`}>
        <form method="get" action="/history" className="flex flex-wrap items-end gap-3 border-b border-zinc-800 px-4 py-3">
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Namespace
            <select name="namespace" defaultValue={q.filter.namespace ?? ''} className={field}>
              <option value="">all</option>
              {namespaces.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Kind
            <input name="kind" defaultValue={q.filter.kind ?? ''} placeholder="NetworkPolicy" className={field} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            User
            <input name="user" defaultValue={q.filter.user ?? ''} placeholder="alice" className={field} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Effect
            <select name="effect" defaultValue={q.filter.effect ?? ''} className={field} data-testid="history-effect-filter">
              <option value="">any</option>
              {EFFECT_TAGS.map((e) => (
                <option key={e.tag} value={e.tag}>
                  {e.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            From
            <input type="datetime-local" name="from" defaultValue={q.filter.from?.slice(0, 16) ?? ''} className={field} />
          </label>
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            To
            <input type="datetime-local" name="to" defaultValue={q.filter.to?.slice(0, 16) ?? ''} className={field} />
          </label>
          <button type="submit" className="rounded-md bg-sky-700 px-3 py-1 text-sm text-white hover:bg-sky-600">
            Filter
          </button>
        </form>
        <Table caption="Recorded versions, newest first" head={['version', 'when', 'what', 'who', 'effects']} widths={['6rem', '16rem', '22rem', '14rem', 'auto']}>
          {rows.map((r) => (
            <tr key={r.version} data-testid="history-row" data-version={r.version} className={r.version === q.version ? 'bg-sky-950/40' : ''}>
              <Td>
                <Link href={historyHref(q, { version: r.version })} className="font-mono text-sky-300 hover:underline">
                  v{r.version}
                </Link>
              </Td>
              <Td className="text-xs">
                {r.kind === 'gap' && <Badge tone="warn">watch gap</Badge>} {r.when}
              </Td>
              <Td>{r.what}</Td>
              <Td className="text-xs">
                <span data-testid="history-row-who">{r.who}</span>
              </Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  {r.state === 'pending' && <Badge>effects pending</Badge>}
                  {r.state === 'failed' && <Badge tone="bad">effects failed</Badge>}
                  {r.effects.map((x) => (
                    <Badge key={x} tone={/opened|added|removed a default|path from/.test(x) ? 'warn' : 'neutral'}>
                      {x}
                    </Badge>
                  ))}
                </span>
              </Td>
            </tr>
          ))}
        </Table>
        <div className="flex gap-4 px-4 py-2 text-sm">
          {q.before !== undefined && (
            <Link href={historyHref(q, { before: null })} className="text-sky-300 hover:underline">
              Newest
            </Link>
          )}
          {last !== undefined && page.versions.length === PAGE && (
            <Link href={historyHref(q, { before: last })} className="text-sky-300 hover:underline" data-testid="history-older">
              Older
            </Link>
          )}
          <a href={`/api/history/export?format=md`} className="text-sky-300 hover:underline">
            Export (Markdown)
          </a>
          <a href={`/api/history/export?format=csv`} className="text-sky-300 hover:underline">
            CSV
          </a>
          <a href={`/api/history/export?format=json`} className="text-sky-300 hover:underline">
            JSON
          </a>
        </div>
      </Panel>
      {q.version !== undefined && <div className="mt-4">{selected ? <ChangeSetDetail cs={selected} /> : <EmptyState title={`Version ${q.version} is not recorded`}>Retention may have dropped it.</EmptyState>}</div>}
    </>
  );
}
