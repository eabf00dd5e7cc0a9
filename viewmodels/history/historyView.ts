// The History page's pure view model: filters from the URL, timeline rows, and one change set laid out for reading.
import { EFFECT_TAGS } from '@/lib/history/effects';
import { describeChange, describeWhen, describeWho, summarizeEffects } from '@/lib/history/historyFormats';
import type { ChangeSet, HistoryFilter, VersionSummary } from '@/lib/history/types';
import { lineDiff, toYaml, type DiffLine } from '@/lib/history/yamlDiff';

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

/** The page's query: filters, the keyset page (`before`) and the selected version. */
export interface HistoryQuery {
  readonly filter: HistoryFilter;
  readonly before?: number;
  readonly version?: number;
}

const int = (v: string) => (/^\d+$/.test(v) ? Number(v) : undefined);
const date = (v: string) => (v !== '' && !Number.isNaN(Date.parse(v)) ? new Date(Date.parse(v)).toISOString() : undefined);

export function historyQuery(sp: Params): HistoryQuery {
  const f: { -readonly [K in keyof HistoryFilter]: HistoryFilter[K] } = {};
  for (const k of ['namespace', 'kind', 'user'] as const) if (one(sp[k])) f[k] = one(sp[k]);
  const effect = one(sp.effect);
  if (EFFECT_TAGS.some((t) => t.tag === effect)) f.effect = effect;
  const from = date(one(sp.from));
  const to = date(one(sp.to));
  if (from) f.from = from;
  if (to) f.to = to;
  const before = int(one(sp.before));
  const version = int(one(sp.version));
  return { filter: f, ...(before !== undefined ? { before } : {}), ...(version !== undefined ? { version } : {}) };
}

/** The URL of the page with `q` changed (filters kept). */
export function historyHref(q: HistoryQuery, change: { before?: number | null; version?: number | null }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q.filter)) if (v) p.set(k, String(v));
  const before = change.before === null ? undefined : (change.before ?? q.before);
  const version = change.version === null ? undefined : (change.version ?? q.version);
  if (before !== undefined) p.set('before', String(before));
  if (version !== undefined) p.set('version', String(version));
  const s = p.toString();
  return s ? `/history?${s}` : '/history';
}

const TAG_LABEL = new Map(EFFECT_TAGS.map((t) => [t.tag, t.label]));

export interface TimelineRow {
  readonly version: number;
  readonly when: string;
  readonly kind: VersionSummary['kind'];
  readonly what: string;
  readonly who: string;
  readonly effects: readonly string[];
  readonly state: VersionSummary['effectsState'];
}

export function timelineRow(v: VersionSummary): TimelineRow {
  const where = v.namespaces.length ? ` in ${v.namespaces.slice(0, 3).join(', ')}${v.namespaces.length > 3 ? ` +${v.namespaces.length - 3}` : ''}` : '';
  return {
    version: v.version,
    when: describeWhen(v),
    kind: v.kind,
    what: v.kind === 'baseline' ? 'first state recorded' : `${v.changes} change${v.changes === 1 ? '' : 's'}: ${v.kinds.join(', ')}${where}`,
    who: v.users.join(', ') || (v.kind === 'baseline' ? '' : 'unknown'),
    effects: v.tags.map((t) => TAG_LABEL.get(t) ?? t),
    state: v.effectsState,
  };
}

/** One object of a change set: what happened, who did it, and its YAML before → after. */
export interface ObjectDiff {
  readonly title: string;
  readonly who: string;
  readonly whoSource?: 'audit' | 'managedFields';
  readonly resourceVersion?: string;
  readonly diff: readonly DiffLine[];
}

export function objectDiffs(cs: ChangeSet): ObjectDiff[] {
  return cs.objects.map((o) => ({
    title: describeChange(o),
    who: describeWho(o),
    ...(o.who ? { whoSource: o.who.source } : {}),
    ...(o.resourceVersion ? { resourceVersion: o.resourceVersion } : {}),
    diff: lineDiff(toYaml(o.before?.body), toYaml(o.after?.body)),
  }));
}

/** The change set's headline: when, and what it did in one line. */
export function changeSetHeadline(cs: ChangeSet): { when: string; effects: string } {
  return { when: describeWhen(cs), effects: summarizeEffects(cs.effects, cs.effectsState) };
}
