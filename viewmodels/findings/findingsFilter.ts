import type { ReportedFinding, Severity } from '@/lib/findings/index';
import { subjectKey } from '@/lib/rbac/subjects';

/** The findings page's filters, as they appear in the URL (`?sev=high&rule=…&ns=…&q=…`). */
export interface FindingsFilter {
  /** Severities shown; empty = all. */
  readonly severities: readonly Severity[];
  /** Rule id; empty = all. */
  readonly rule: string;
  /** Namespace (its own findings and the cluster-wide ones that apply to it); empty = all, `*` = only cluster-wide findings. */
  readonly namespace: string;
  /** Case-insensitive text in the title, id, subject or evidence. */
  readonly text: string;
  /** Findings the config's allow-list suppressed: shown (default, apart from the open ones), hidden, or only them. */
  readonly suppressed: SuppressedFilter;
}

/** `?sup=` values; `show` is the default and left out of the URL. */
export type SuppressedFilter = 'show' | 'hide' | 'only';
const SUPPRESSED_FILTERS: readonly SuppressedFilter[] = ['show', 'hide', 'only'];

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).flatMap((s) => s.split(','));
const SEVERITY_NAMES: readonly Severity[] = ['high', 'medium', 'low'];

/** Reads the filter from search params; unknown severities are ignored. */
export function parseFindingsFilter(params: Params | URLSearchParams): FindingsFilter {
  const get = (k: string) => (params instanceof URLSearchParams ? params.getAll(k) : params[k]);
  return {
    severities: all(get('sev')).filter((s): s is Severity => (SEVERITY_NAMES as readonly string[]).includes(s)),
    rule: first(get('rule')).trim(),
    namespace: first(get('ns')).trim(),
    text: first(get('q')).trim(),
    suppressed: SUPPRESSED_FILTERS.find((v) => v === first(get('sup')).trim()) ?? 'show',
  };
}

/** The query string for a filter (empty fields left out), so links and exports reproduce the view. */
export function findingsQuery(f: FindingsFilter): string {
  const p = new URLSearchParams();
  if (f.severities.length > 0) p.set('sev', f.severities.join(','));
  if (f.rule) p.set('rule', f.rule);
  if (f.namespace) p.set('ns', f.namespace);
  if (f.text) p.set('q', f.text);
  if (f.suppressed !== 'show') p.set('sup', f.suppressed);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * Whether a finding concerns a namespace: it is about that namespace, or it is cluster-wide and applies there (a
 * cluster-wide grant holds in every namespace; a finding that names its namespaces, in those).
 */
export function appliesToNamespace(f: ReportedFinding, ns: string): boolean {
  if (f.namespace !== undefined) return f.namespace === ns;
  return f.namespaces === undefined || f.namespaces.includes(ns);
}

/** The findings the filter keeps, in their order. */
export function filterFindings<F extends ReportedFinding>(findings: readonly F[], f: FindingsFilter): F[] {
  const text = f.text.toLowerCase();
  return findings.filter(
    (x) =>
      (f.suppressed === 'show' || (f.suppressed === 'hide') === !x.suppressed) &&
      (f.severities.length === 0 || f.severities.includes(x.severity)) &&
      (f.rule === '' || x.ruleId === f.rule) &&
      (f.namespace === '' || (f.namespace === '*' ? x.namespace === undefined : appliesToNamespace(x, f.namespace))) &&
      (text === '' ||
        [x.title, x.id, x.subject ? subjectKey(x.subject) : '', ...x.evidence.map((e) => e.text)].some((s) => s.toLowerCase().includes(text))),
  );
}

/** Counts by severity of the open (not suppressed) findings, for the filter chips: a suppressed one is not a problem to fix. */
export function severityCounts(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const f of findings) if (!f.suppressed) out[f.severity] += 1;
  return out;
}

/** Open findings first, then the suppressed ones (each group keeps its severity order): the page lists them apart. */
export function openFirst<F extends ReportedFinding>(findings: readonly F[]): F[] {
  return [...findings.filter((f) => !f.suppressed), ...findings.filter((f) => f.suppressed)];
}
