import Link from 'next/link';
import type { ExposureFormat } from '@/viewmodels/exposure/exposureExport';
import type { EntryPaths, HopView, PathRow } from '@/viewmodels/exposure/pathRows';
import { Badge } from '../ui/Badge';
import { ExportLinks } from './ExportLinks';

const LINK = 'text-sky-300 underline-offset-2 hover:underline';

/**
 * Internet → entry → workloads: each entry's paths, hop by hop, each hop with its verdict and deciding policy. An
 * entry with more paths than shown links to a page of its own (`moreHref`, none when this is that page) and to the
 * export of all of them.
 */
export function EntryPathList({ entries, moreHref, exportHref }: { entries: readonly EntryPaths[]; moreHref?: (id: string) => string; exportHref: (id: string, format: ExposureFormat) => string }) {
  return (
    <ol className="divide-y divide-zinc-800" data-testid="entry-paths">
      {entries.map((e) => (
        <li key={e.id} id={`paths-${encodeURIComponent(e.id)}`} className="scroll-mt-4 px-4 py-3" data-testid="entry-path" data-entry={e.id}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-zinc-100">{e.object}</span>
            <span className="font-mono text-xs text-zinc-400">{e.id}</span>
            <Badge tone={e.verdict.tone} title={e.verdict.title}>
              {e.verdict.label}
            </Badge>
          </div>
          {e.rows.length === 0 ? (
            <p className="mt-1 text-sm text-zinc-400">{e.reason}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {e.rows.map((r) => (
                <Path key={`${r.workload}|${r.via}|${r.hops.map((h) => h.verdict).join()}`} row={r} />
              ))}
            </ul>
          )}
          {e.total > e.rows.length && (
            <p className="mt-2 text-xs text-zinc-300" data-testid="paths-more">
              Showing {e.rows.length} of {e.total} paths.{' '}
              {moreHref && (
                <>
                  <Link className={LINK} href={moreHref(e.id)}>
                    Show more of this entry&apos;s paths
                  </Link>{' '}
                </>
              )}
              <ExportLinks href={(f) => exportHref(e.id, f)} label="All of them" />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function Path({ row }: { row: PathRow }) {
  return (
    <li className="rounded-md border border-zinc-800 bg-zinc-950/50 p-2.5" data-testid="path-row" data-workload={row.workload} data-verdict={row.verdict}>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge tone={row.tone}>{row.verdict}</Badge>
        <span className="font-medium text-zinc-100">{row.workload}</span>
        <span className="text-zinc-400" title={row.podNames.join(', ')}>
          {row.pods} pod{row.pods === 1 ? '' : 's'}
        </span>
        <span className="font-mono text-zinc-300">{row.via}</span>
        {row.open && <span className="text-red-200">open: {row.open}</span>}
        <Link className={`${LINK} ml-auto`} href={row.graphHref}>
          Graph
        </Link>
      </div>
      <ol className="mt-1.5 space-y-1">
        {row.hops.map((h, i) => (
          <Hop key={i} hop={h} />
        ))}
      </ol>
      {row.usableFrom.length > 0 && <p className="mt-1 text-xs text-zinc-400">Usable from: {row.usableFrom.slice(0, 4).join(', ')}{row.usableFrom.length > 4 ? ` and ${row.usableFrom.length - 4} more` : ''}</p>}
      {row.assumptions.length > 0 && (
        <ul className="mt-1 list-disc pl-4 text-xs text-amber-200/90">
          {row.assumptions.map((a) => (
            <li key={a}>Assumed: {a}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Hop({ hop }: { hop: HopView }) {
  return (
    <li className="grid gap-x-2 text-xs md:grid-cols-[minmax(0,22rem)_6rem_minmax(0,1fr)]" data-testid="hop" data-verdict={hop.verdict}>
      <span className="font-mono break-all text-zinc-200">
        {hop.from} → {hop.to}
      </span>
      <span>
        <Badge tone={hop.tone}>{hop.verdict}</Badge>
      </span>
      <span className="text-zinc-300">
        {hop.reason}
        {hop.deciding && (
          <span className="block text-zinc-100" data-testid="hop-deciding">
            Decided by {hop.deciding}
          </span>
        )}
        {hop.explainHref && (
          <Link className={`${LINK} ml-1`} href={hop.explainHref} data-testid="hop-explain">
            Explain
          </Link>
        )}
      </span>
    </li>
  );
}
