import type { EntryPointAnalysis } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model/index';
import type { Exposure } from '@/lib/netpol/exposure';
import { csvField } from '../findings/findingsExport';
import { entryFilterQuery, entryRow, filterEntries, parseEntryFilter, sortEntries, type EntryFilter, type EntryRow } from './entryRows';
import { futureExposureRows, type FutureExposureRow } from './futureExposure';
import { entryPaths, type EntryPaths } from './pathRows';
import { reachableRow, type ReachableRow } from './reachableRows';

// The Exposure page shows the first rows of each list; GET /api/exposure?list=…&format=json|csv gives every row of
// one (the page's "showing N of M" links here), with the same filter, so nothing the page leaves out is out of reach.

export const EXPOSURE_LISTS = ['entries', 'paths', 'reachable', 'future'] as const;
export type ExposureList = (typeof EXPOSURE_LISTS)[number];
export const EXPOSURE_FORMATS = ['json', 'csv'] as const;
export type ExposureFormat = (typeof EXPOSURE_FORMATS)[number];

/** What one export asks for: a list, a format, the entry filter, and (paths) one entry or (reachable) one workload. */
export interface ExposureExport {
  readonly list: ExposureList;
  readonly format: ExposureFormat;
  readonly filter: EntryFilter;
  readonly entry?: string;
  readonly workload?: string;
}

/** The export's URL: the list, its format, the page's entry filter, and `entry` or `workload` when one is asked. */
export function exposureExportHref(e: ExposureExport): string {
  const extra: Record<string, string> = { list: e.list, format: e.format };
  if (e.entry !== undefined) extra.entry = e.entry;
  if (e.workload !== undefined) extra.workload = e.workload;
  return `/api/exposure${entryFilterQuery(e.filter, extra)}`;
}

const csv = (head: readonly string[], rows: readonly (readonly string[])[]) => [head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
// Several values of one field: one a line inside the quoted field, as the findings export joins evidence.
const lines = (xs: readonly string[]) => xs.join('\n');

/** One CSV line per entry point; backends as `workload (N pods, open|closed): via, …`, one a line. */
export function entriesCsv(rows: readonly EntryRow[]): string {
  return csv(
    ['id', 'kind', 'object', 'verdict', 'addresses', 'ports', 'sourceRanges', 'sourceRangesFrom', 'controller', 'backends', 'reason', 'notes'],
    rows.map((r) => [
      r.id,
      r.kind,
      r.object,
      r.verdict.label,
      lines(r.addresses),
      r.ports,
      lines(r.sourceRanges),
      r.sourceRangesFrom,
      r.controller ?? '',
      lines(r.backends.map((b) => `${b.workload} (${b.pods} pod${b.pods === 1 ? '' : 's'}, ${b.open ? 'open' : 'not open'}): ${b.via.join(', ')}`)),
      r.reason,
      lines(r.notes),
    ]),
  );
}

/** One CSV line per path row (pods of a workload with the same hops): each hop `from → to: verdict (reason)`, one a line. */
export function pathsCsv(entries: readonly EntryPaths[]): string {
  return csv(
    ['entry', 'object', 'workload', 'pods', 'via', 'verdict', 'open', 'hops', 'decidedBy', 'usableFrom', 'assumptions'],
    entries.flatMap((e) =>
      e.rows.map((r) => [
        e.id,
        e.object,
        r.workload,
        String(r.pods),
        r.via,
        r.verdict,
        r.open,
        lines(r.hops.map((h) => `${h.from} → ${h.to}: ${h.verdict} (${h.reason})`)),
        r.hops.flatMap((h) => (h.deciding ? [h.deciding] : [])).join('; '),
        lines(r.usableFrom),
        lines(r.assumptions),
      ]),
    ),
  );
}

/**
 * One CSV line per internet-reachable workload and workload it reaches next (blast radius, 1–3 hops, ranked); a
 * workload that reaches nothing has one line with the `reached` columns empty.
 */
export function reachableCsv(rows: readonly ReachableRow[]): string {
  const own = (r: ReachableRow) => [r.workload, r.ports, lines(r.sensitive), lines(r.entries), lines(r.usableFrom), r.assumed ? 'yes' : 'no'];
  return csv(
    ['workload', 'openPorts', 'sensitivePorts', 'entries', 'usableFrom', 'assumesStandIn', 'reached', 'hops', 'path', 'reachedPorts', 'reachedSensitivePorts', 'sensitiveNamespace'],
    rows.flatMap((r) =>
      r.blast.reached.length === 0
        ? [[...own(r), '', '', '', '', '', '']]
        : r.blast.reached.map((x) => [...own(r), x.workload, String(x.hops), x.path.join(' → '), x.ports, lines(x.sensitive), x.sensitiveNamespace ? 'yes' : 'no']),
    ),
  );
}

/** One CSV line per workload, direction and peer not in the snapshot that the rules admit. */
export function futureCsv(rows: readonly FutureExposureRow[]): string {
  return csv(
    ['workload', 'direction', 'peer', 'ports', 'unprotected', 'origin'],
    rows.map((r) => [r.workload, r.direction, r.peer, r.ports, r.unprotected ? 'yes' : 'no', r.origin ?? '']),
  );
}

/** Reads `?list=&format=&verdict=&kind=&entry=&workload=`; a list or format it does not know is an error naming the choices. */
export function parseExposureExport(params: URLSearchParams): ExposureExport | { readonly error: string } {
  const list = params.get('list') ?? '';
  const format = params.get('format') ?? 'json';
  if (!(EXPOSURE_LISTS as readonly string[]).includes(list)) return { error: `list must be one of ${EXPOSURE_LISTS.join(', ')}` };
  if (!(EXPOSURE_FORMATS as readonly string[]).includes(format)) return { error: `format must be one of ${EXPOSURE_FORMATS.join(', ')}` };
  const entry = params.get('entry') ?? undefined;
  const workload = params.get('workload') ?? undefined;
  return { list: list as ExposureList, format: format as ExposureFormat, filter: parseEntryFilter(Object.fromEntries(params)), ...(entry ? { entry } : {}), ...(workload ? { workload } : {}) };
}

/** Every row of the list asked: the JSON rows, their count, and the CSV text. */
export interface ExposureExportRows {
  readonly count: number;
  readonly rows: readonly unknown[];
  readonly csv: () => string;
}

/**
 * Every row of one Exposure list, as the page builds its first ones: entry points under the filter (in the page's
 * order); the paths of one entry, or of every entry under the filter, all of them; every internet-reachable workload
 * (or one) with its whole blast radius; every future-workload exposure. An entry or workload not in the snapshot is
 * an error naming it.
 */
export function exposureExportRows(snapshot: Snapshot, analysis: EntryPointAnalysis, exposure: Exposure, e: ExposureExport): ExposureExportRows | { readonly error: string } {
  switch (e.list) {
    case 'entries': {
      const rows = sortEntries(filterEntries(analysis.entries, e.filter)).map((a) => entryRow(snapshot, a));
      return { count: rows.length, rows, csv: () => entriesCsv(rows) };
    }
    case 'paths': {
      const asked = e.entry === undefined ? sortEntries(filterEntries(analysis.entries, e.filter)) : analysis.entries.filter((a) => a.entry.id === e.entry);
      if (asked.length === 0 && e.entry !== undefined) return { error: `no entry point ${e.entry} in this snapshot` };
      const rows = entryPaths(snapshot, asked, Infinity);
      return { count: rows.reduce((n, x) => n + x.rows.length, 0), rows, csv: () => pathsCsv(rows) };
    }
    case 'reachable': {
      const asked = e.workload === undefined ? analysis.reachable : analysis.reachable.filter((r) => r.workload === e.workload);
      if (asked.length === 0 && e.workload !== undefined) return { error: `${e.workload} is not reachable from the internet in this snapshot` };
      const rows = asked.map((r) => reachableRow(analysis, r, Infinity));
      return { count: rows.length, rows, csv: () => reachableCsv(rows) };
    }
    case 'future': {
      const { rows } = futureExposureRows(exposure);
      return { count: rows.length, rows, csv: () => futureCsv(rows) };
    }
  }
}
