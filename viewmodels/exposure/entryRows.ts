import type { EntryAnalysis, EntryKind, EntryVerdict } from '@/lib/exposure';
import type { Snapshot } from '@/lib/model/index';
import { workloadName } from '@/lib/netpol/endpoints';
import { hopQuestion } from '@/lib/exposure/hopExplanations';
import { entryVerdictView, ENTRY_VERDICTS, type VerdictView } from './entryVerdicts';
import { graphHref, questionHref } from './exposureLinks';

// The entry points table of the Exposure page: one row per entry point (lib/exposure), its backends folded by
// workload, with filters by verdict and kind written in the URL.

/** The workloads an entry sends to, with the pods and Service ports behind each. */
export interface BackendWorkload {
  /** Connlist notation, `ns/name[Kind]`. */
  readonly workload: string;
  readonly pods: number;
  /** `443/TCP (https) → https → 8443`, distinct. */
  readonly via: readonly string[];
  /** Some path to it is open from the internet. */
  readonly open: boolean;
}

export interface EntryRow {
  readonly id: string;
  readonly kind: EntryKind;
  /** `Service payments/payments-api`, `Ingress shop-frontend/storefront`, `NetworkPolicy ingress-nginx/…`. */
  readonly object: string;
  readonly addresses: readonly string[];
  /** `TCP 443, TCP 80`, or `(the rule's ports)` for a policy rule. */
  readonly ports: string;
  readonly sourceRanges: readonly string[];
  /** Where the ranges come from, for people. */
  readonly sourceRangesFrom: string;
  /** Ingress, Route and Gateway entries: which controller reading gives the controller hop. */
  readonly controller?: string;
  readonly backends: readonly BackendWorkload[];
  readonly verdict: VerdictView;
  readonly reason: string;
  readonly notes: readonly string[];
  /** Explain's page for the hop reaching its first backend (an open one when there is one). */
  readonly explainHref?: string;
  /** The Graph focused on that backend's workload. */
  readonly graphHref?: string;
}

const SOURCE_FROM = { spec: 'loadBalancerSourceRanges', annotation: 'annotation service.beta.kubernetes.io/load-balancer-source-ranges', none: 'nothing restricts it' } as const;

export function entryRow(snapshot: Snapshot, a: EntryAnalysis): EntryRow {
  const e = a.entry;
  const byWorkload = new Map<string, { pods: Set<number>; via: Set<string>; open: boolean }>();
  for (const b of e.backends) {
    const name = workloadName(snapshot.pods[b.pod].workload);
    const w = byWorkload.get(name) ?? byWorkload.set(name, { pods: new Set(), via: new Set(), open: false }).get(name)!;
    w.pods.add(b.pod);
    w.via.add(b.via);
  }
  for (const p of a.paths) if (p.verdict === 'open') byWorkload.get(p.workload)!.open = true;
  const ctl = e.controller;
  const first = a.paths.find((p) => p.verdict === 'open') ?? a.paths[0];
  const question = first && hopQuestion(snapshot, e, first);
  return {
    id: e.id,
    kind: e.kind,
    object: `${e.object.kind} ${e.object.namespace ? `${e.object.namespace}/` : ''}${e.object.name}`,
    addresses: e.addresses,
    ports: e.kind === 'PolicyRule' ? "the rule's ports" : e.ports.map((p) => `${p.protocol} ${p.port}`).join(', ') || 'none',
    sourceRanges: e.sourceRanges,
    sourceRangesFrom: SOURCE_FROM[e.sourceRangesFrom],
    ...(ctl
      ? {
          controller:
            ctl.reading === 'controller-pods'
              ? `controller pods: ${[...new Set(ctl.pods.map((i) => workloadName(snapshot.pods[i].workload)))].join(', ')} (${ctl.foundBy})`
              : `stand-in controller (assumed reachable from the internet): ${ctl.why}`,
        }
      : {}),
    backends: [...byWorkload].map(([workload, w]) => ({ workload, pods: w.pods.size, via: [...w.via], open: w.open })).sort((x, y) => Number(y.open) - Number(x.open) || x.workload.localeCompare(y.workload)),
    verdict: entryVerdictView(a),
    reason: a.reason,
    notes: e.notes,
    ...(question ? { explainHref: questionHref(question) } : {}),
    ...(first ? { graphHref: graphHref(first.workload) } : {}),
  };
}

/** What the entry table shows: some verdicts and kinds (empty: all). */
export interface EntryFilter {
  readonly verdicts: readonly EntryVerdict[];
  readonly kinds: readonly EntryKind[];
}

const KINDS: readonly EntryKind[] = ['LoadBalancer', 'NodePort', 'ExternalIP', 'Ingress', 'Route', 'Gateway', 'HostPort', 'HostNetwork', 'PolicyRule'];

const one = (v: string | readonly string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : ((v as string | undefined) ?? '')).trim();
const list = (v: string) => (v === '' ? [] : v.split(',').map((x) => x.trim()));

/** Reads `?verdict=open,closed&kind=LoadBalancer`; unknown values are dropped. */
export function parseEntryFilter(params: Readonly<Record<string, string | readonly string[] | undefined>>): EntryFilter {
  return {
    verdicts: list(one(params.verdict)).filter((v): v is EntryVerdict => (ENTRY_VERDICTS as readonly string[]).includes(v)),
    kinds: list(one(params.kind)).filter((k): k is EntryKind => (KINDS as readonly string[]).includes(k)),
  };
}

export function filterEntries(entries: readonly EntryAnalysis[], f: EntryFilter): EntryAnalysis[] {
  return entries.filter((a) => (f.verdicts.length === 0 || f.verdicts.includes(a.verdict)) && (f.kinds.length === 0 || f.kinds.includes(a.entry.kind)));
}

/** Open entries first (the question is what is exposed), then unknown, policy-only, closed…; by id within a verdict. */
export function sortEntries(entries: readonly EntryAnalysis[]): EntryAnalysis[] {
  const rank = (v: EntryVerdict) => ENTRY_VERDICTS.indexOf(v);
  return [...entries].sort((a, b) => rank(a.verdict) - rank(b.verdict) || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
}

/** Entries per verdict, for the filter chips. */
export function verdictCounts(entries: readonly EntryAnalysis[]): Record<EntryVerdict, number> {
  const out = Object.fromEntries(ENTRY_VERDICTS.map((v) => [v, 0])) as Record<EntryVerdict, number>;
  for (const a of entries) out[a.verdict]++;
  return out;
}

/** The query string of a filter (and a limit), defaults omitted. */
export function entryFilterQuery(f: EntryFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.verdicts.length) q.set('verdict', f.verdicts.join(','));
  if (f.kinds.length) q.set('kind', f.kinds.join(','));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
