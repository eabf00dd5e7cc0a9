import type { Metadata } from 'next';
import { MAX_PAGE_ROWS, nextLimit, pageLimit } from '@/viewmodels/ui/pageLimit';
import Link from 'next/link';
import { AdminPolicySection } from '@/components/policies/AdminPolicySection';
import { adminPolicyRows } from '@/viewmodels/policies/adminPolicyRows';
import { PolicyTable } from '@/components/policies/PolicyTable';
import { policyFacts } from '@/viewmodels/policies/policyFacts';
import { policyRows } from '@/viewmodels/policies/policyRows';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/viewmodels/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { summarizeAdminPolicies } from '@/lib/netpol';
import { adminPolicyEditorsOf, compiledSnapshot, policyEditorsOf } from '@/server/analyses';
import { currentSnapshot } from '@/server/currentSnapshot';

export const metadata: Metadata = { title: 'Policies' };

const field = 'rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-sm text-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-400';
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();
// Thousands of policies on a large cluster: the table shows a page at a time (each row carries its YAML and English).
// Namespaces offered as a list up to this many; past it the filter is a text field.
const NAMESPACE_CHOICES = 500;

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await currentSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const sp = await searchParams;
  const ns = one(sp.ns);
  const q = one(sp.q).toLowerCase();
  const all = policyRows(s.networkPolicies);
  const rows = all.filter((r) => (ns === '' || r.namespace === ns) && (q === '' || r.key.toLowerCase().includes(q) || r.podSelector.toLowerCase().includes(q)));
  const compiled = compiledSnapshot(s);
  const allFacts = policyFacts(compiled, policyEditorsOf(s));
  const admin = adminPolicyRows(summarizeAdminPolicies(compiled), [...s.warnings, ...compiled.warnings], adminPolicyEditorsOf(s));
  const limit = pageLimit(sp.limit);
  const shown = rows.slice(0, limit);
  const facts = Object.fromEntries(shown.map((r) => [r.key, allFacts[r.key]]));
  const noEffect = rows.filter((r) => allFacts[r.key]?.selectedPods === 0).length;
  const more = new URLSearchParams({ ...(ns ? { ns } : {}), ...(q ? { q: one(sp.q) } : {}), limit: String(nextLimit(limit)) });
  const namespaces = [...new Set(all.map((r) => r.namespace))];
  return (
    <>
      <PageHeader
        title="Policies"
        description="The admin tiers in evaluation order, then every NetworkPolicy: the pods it selects, its rules in plain English beside the YAML, warnings when it or a peer matches nothing, and who can change it."
      />
      <UnreadableNotice unreadable={s.unreadable} dependsOn={[...ANSWER_DEPENDS_ON.connectivity, ...ANSWER_DEPENDS_ON.whoCan]} />
      <div className="mb-4">
        <AdminPolicySection rows={admin} networkPolicies={all.length} unreadable={s.unreadable} />
      </div>
      <Panel
        title={`${rows.length === all.length ? plural(all.length, 'NetworkPolicy', 'NetworkPolicies') : `${rows.length} of ${plural(all.length, 'NetworkPolicy', 'NetworkPolicies')}`} in ${plural(namespaces.length, 'namespace')}${noEffect > 0 ? ` · ${noEffect} select no pod` : ''}`}
      >
        <form method="get" action="/policies" className="flex flex-wrap items-end gap-3 border-b border-zinc-800 px-4 py-3">
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Namespace
            {namespaces.length <= NAMESPACE_CHOICES ? (
              <select name="ns" defaultValue={ns} className={field}>
                <option value="">all</option>
                {namespaces.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            ) : (
              // Too many to list as options (the page stays bounded): typed instead.
              <input type="search" name="ns" defaultValue={ns} className={`${field} w-48`} placeholder={`one of ${namespaces.length.toLocaleString('en-US')}`} />
            )}
          </label>
          <label className="flex flex-col gap-1 text-xs text-zinc-400">
            Name or selector contains
            <input type="search" name="q" defaultValue={one(sp.q)} className={`${field} w-56`} placeholder="e.g. deny, app=checkout" />
          </label>
          <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300">
            Filter
          </button>
          {(ns || q) && (
            <Link href="/policies" className="py-1.5 text-sm text-sky-300 hover:underline">
              clear
            </Link>
          )}
        </form>
        {all.length === 0 ? (
          <EmptyState title="No NetworkPolicies in this snapshot">
            Without policies no pod is isolated: every pod accepts traffic from, and may send traffic to, anywhere.
          </EmptyState>
        ) : rows.length === 0 ? (
          <EmptyState title="No policy matches the filter">
            <Link href="/policies" className="text-sky-300 hover:underline">
              Show all {all.length}
            </Link>
          </EmptyState>
        ) : (
          <PolicyTable rows={shown} facts={facts} />
        )}
        {rows.length > limit && (
          <p className="border-t border-zinc-800 px-4 py-3 text-sm text-zinc-300">
            Showing the first {limit} of {rows.length}.{' '}
            {limit < MAX_PAGE_ROWS && (
              <>
                <Link className="text-sky-300 hover:underline" href={`/policies?${more.toString()}`}>
                  Show {Math.min(nextLimit(limit), rows.length) - limit} more
                </Link>{' '}
                or{' '}
              </>
            )}
            filter by namespace; the audit report (JSON) lists all of them.
          </p>
        )}
      </Panel>
    </>
  );
}
