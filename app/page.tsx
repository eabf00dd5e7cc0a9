import Link from 'next/link';
import { MAX_PAGE_ROWS, nextLimit, pageLimit } from '@/viewmodels/ui/pageLimit';
import { Suspense } from 'react';
import type { Snapshot } from '@/lib/model';
import { cellPaths } from '@/viewmodels/access/matrixModel';
import { FindingCard } from '@/components/findings/FindingCard';
import { sodMatrixHref } from '@/viewmodels/findings/findingLinks';
import { severityCounts } from '@/viewmodels/findings/findingsFilter';
import { sortWarnings, WarningsTable } from '@/components/findings/WarningsTable';
import { adminTiersByNamespace, isolationByNamespace, isolationTotals, percent, type AdminTierShare } from '@/viewmodels/overview/isolation';
import { countSnapshot } from '@/lib/model';
import { namespaceRows } from '@/viewmodels/overview/overviewModel';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/viewmodels/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { StatTile } from '@/components/ui/StatTile';
import { Table, Td } from '@/components/ui/Table';
import { analysesReady, compiledSnapshot, entryPointsOf, findingsOf, rbacIndexOf } from '@/server/analyses';
import { InternetReachablePanel } from '@/components/overview/InternetReachablePanel';
import { internetSummary } from '@/viewmodels/overview/internetReachable';
import { currentSnapshot } from '@/server/currentSnapshot';

const WARNINGS_PREVIEW = 5;
const TOP_FINDINGS = 5;
const TOP_INTERNET = 5;

// Names listed inline under the table before "and N more".
const WITHOUT_DENY_NAMES = 50;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const limit = pageLimit((await searchParams).limit);
  const result = await currentSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const c = countSnapshot(s);
  const rows = namespaceRows(s);
  const compiled = compiledSnapshot(s);
  const isolation = new Map(isolationByNamespace(compiled).map((r) => [r.namespace, r]));
  const adminTiers = adminTiersByNamespace(compiled);
  // An unreadable admin kind leaves the tier unknown: the column says so rather than "none".
  const adminUnreadable = s.unreadable.some((u) => u.kind === 'AdminNetworkPolicy' || u.kind === 'BaselineAdminNetworkPolicy');
  const anyAdmin = compiled.adminPolicies.length > 0 || adminUnreadable;
  const total = isolationTotals([...isolation.values()]);
  // Namespaces with pods where no policy selects every pod for a direction: a new pod there is open by default.
  const withoutDeny = rows.filter((r) => r.pods > 0 && (r.allPodsIngress.length === 0 || r.allPodsEgress.length === 0));
  return (
    <>
      <PageHeader title="Overview" description="What this snapshot holds, how much of it NetworkPolicies isolate, and the most serious findings." />
      <UnreadableNotice unreadable={s.unreadable} dependsOn={ANSWER_DEPENDS_ON.connectivity} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="overview-counts">
        <StatTile label="Namespaces" value={c.namespaces.total} detail={`${c.namespaces.declared} declared`} />
        <StatTile label="Pods" value={c.pods.total} detail={`${c.pods.live} live · ${c.pods.template} from templates · ${c.pods.notRunning} not running`} />
        <StatTile label="Workloads" value={c.workloads} detail="controllers and bare pods" />
        <StatTile label="NetworkPolicies" value={c.networkPolicies} detail={<Link className="hover:underline" href="/policies">view policies</Link>} />
        <StatTile
          label="RBAC objects"
          value={c.rbac.total}
          detail={`${c.rbac.roles + c.rbac.clusterRoles} roles · ${c.rbac.roleBindings + c.rbac.clusterRoleBindings} bindings · ${c.rbac.serviceAccounts} SAs`}
        />
      </div>

      <div className="mt-4 space-y-4">
        <Panel
          title="Isolation coverage"
          actions={
            <span className="flex gap-3 text-xs text-zinc-300" data-testid="isolation-totals">
              <span>
                ingress <strong className="text-zinc-100">{percent(total.ingress, total.pods)}</strong>
              </span>
              <span>
                egress <strong className="text-zinc-100">{percent(total.egress, total.pods)}</strong>
              </span>
              <span className="text-zinc-400">of {plural(total.pods, 'pod')}</span>
            </span>
          }
        >
          {rows.length === 0 ? (
            <EmptyState title="No namespaces">The source held no namespaced objects.</EmptyState>
          ) : (
            <Table caption="Isolation per namespace" head={['Namespace', 'Pods', 'Isolated for ingress', 'Isolated for egress', 'Default deny', 'Policies', ...(anyAdmin ? ['Admin tiers'] : [])]}>
              {rows.slice(0, limit).map((r) => {
                const iso = isolation.get(r.name);
                return (
                  <tr key={r.name} data-testid="namespace-row" data-namespace={r.name}>
                    <Td className="font-medium whitespace-nowrap text-zinc-100">
                      {r.name}
                      {!r.declared && (
                        <span className="ml-2">
                          <Badge title="No Namespace object was read; it is implied by objects in it">implied</Badge>
                        </span>
                      )}
                    </Td>
                    <Td className="tabular-nums">{r.pods}</Td>
                    <Td>
                      <Coverage part={iso?.ingress ?? 0} whole={iso?.pods ?? 0} />
                    </Td>
                    <Td>
                      <Coverage part={iso?.egress ?? 0} whole={iso?.pods ?? 0} />
                    </Td>
                    <Td className="text-xs">
                      <DefaultDeny ingress={r.allPodsIngress} egress={r.allPodsEgress} />
                    </Td>
                    <Td className="tabular-nums">
                      <Link href={`/policies?ns=${encodeURIComponent(r.name)}`} className="text-sky-300 hover:underline">
                        {r.policies}
                      </Link>
                    </Td>
                    {anyAdmin && (
                      <Td className="text-xs">
                        <AdminTiers tiers={adminTiers.get(r.name)} pods={iso?.pods ?? 0} unknown={adminUnreadable} />
                      </Td>
                    )}
                  </tr>
                );
              })}
            </Table>
          )}
          {rows.length > limit && (
            // A page of 100,000 namespaces would be hundreds of megabytes of HTML: the first ones, the rest in the export.
            <p className="border-t border-zinc-800 px-4 py-2 text-sm text-zinc-300" data-testid="namespaces-truncated">
              Showing the first {limit.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} namespaces.{' '}
              {limit < MAX_PAGE_ROWS && (
                <>
                  <Link className="text-sky-300 hover:underline" href={`/?limit=${nextLimit(limit)}`}>
                    Show {(Math.min(nextLimit(limit), rows.length) - limit).toLocaleString('en-US')} more
                  </Link>
                  {' · '}
                </>
              )}
              <a className="text-sky-300 hover:underline" href="/api/namespaces" download data-testid="namespaces-export">
                Download all as CSV
              </a>
            </p>
          )}
          {withoutDeny.length > 0 && (
            <p className="border-t border-zinc-800 px-4 py-2 text-sm text-amber-200" data-testid="without-default-deny">
              Without a default deny (a policy selecting every pod) for ingress or egress:{' '}
              {withoutDeny.slice(0, WITHOUT_DENY_NAMES).map((r, i) => (
                <span key={r.name}>
                  {i > 0 && ', '}
                  <Link className="underline-offset-2 hover:underline" href={`/policies?ns=${encodeURIComponent(r.name)}`}>
                    {r.name}
                  </Link>
                </span>
              ))}
              {withoutDeny.length > WITHOUT_DENY_NAMES && ` and ${(withoutDeny.length - WITHOUT_DENY_NAMES).toLocaleString('en-US')} more (see the CSV)`}. New pods there accept (or send) traffic no
              policy names.
            </p>
          )}
          {anyAdmin && (
            <p className="border-t border-zinc-800 px-4 py-2 text-xs text-zinc-400">
              Isolated counts NetworkPolicies only. Admin tiers: the AdminNetworkPolicies (evaluated before NetworkPolicies) and the baseline (after them, for what no
              NetworkPolicy isolates) whose subject selects the namespace&apos;s pods, per direction; see{' '}
              <Link className="text-sky-300 hover:underline" href="/policies">
                Policies
              </Link>
              .
            </p>
          )}
        </Panel>

        <Suspense
          fallback={
            <Panel title="Reachable from the internet">
              <p className="px-4 py-6 text-sm text-zinc-400">Following every entry point…</p>
            </Panel>
          }
        >
          <InternetReachable snapshot={s} />
        </Suspense>

        <Suspense
          fallback={
            <Panel title="Top findings">
              <p className="px-4 py-6 text-sm text-zinc-400">Checking RBAC and policies…</p>
            </Panel>
          }
        >
          <TopFindings snapshot={s} />
        </Suspense>
      </div>

      <div className="mt-4">
        <Panel
          title={`Warnings (${s.warnings.length})`}
          actions={
            s.warnings.length > 0 && (
              <Link href="/findings#warnings" className="text-xs text-sky-300 hover:underline">
                all warnings →
              </Link>
            )
          }
        >
          <div className="flex gap-2 border-b border-zinc-800 px-4 py-3">
            <Badge tone={c.warnings.error > 0 ? 'bad' : 'neutral'}>{plural(c.warnings.error, 'error')}</Badge>
            <Badge tone={c.warnings.warning > 0 ? 'warn' : 'neutral'}>{plural(c.warnings.warning, 'warning')}</Badge>
            <Badge tone={c.warnings.info > 0 ? 'info' : 'neutral'}>{c.warnings.info} info</Badge>
          </div>
          {s.warnings.length === 0 ? (
            <EmptyState title="No warnings">Every object was read without a problem.</EmptyState>
          ) : (
            <WarningsTable warnings={sortWarnings(s.warnings).slice(0, WARNINGS_PREVIEW)} caption="First warnings" />
          )}
          {s.unreadable.length > 0 && (
            <p className="border-t border-zinc-800 px-4 py-2 text-sm text-red-200">
              {plural(s.unreadable.length, 'kind')} could not be read: {s.unreadable.map((u) => u.kind).join(', ')}. Answers that depend on them are incomplete.
            </p>
          )}
        </Panel>
      </div>
    </>
  );
}

/** The internet-reachable workloads (lib/exposure), streamed once the analyses are ready. */
async function InternetReachable({ snapshot }: { snapshot: Snapshot }) {
  await analysesReady(snapshot);
  return <InternetReachablePanel summary={internetSummary(entryPointsOf(snapshot), TOP_INTERNET)} />;
}

/**
 * The most serious findings. Streamed after the rest of the page: on a large cluster the RBAC checks take seconds the
 * first time (then they are cached per snapshot).
 */
async function TopFindings({ snapshot }: { snapshot: Snapshot }) {
  // Computed in the analysis worker: the shell and coverage stream meanwhile, and other requests are answered.
  await analysesReady(snapshot);
  const all = findingsOf(snapshot);
  // Allow-listed findings (perimeter.config.yaml) are accepted risks, not open problems: counted apart, never listed here.
  const findings = all.filter((f) => !f.suppressed);
  const suppressed = all.length - findings.length;
  const sev = severityCounts(findings);
  const index = rbacIndexOf(snapshot);
  const allowed = (p: Parameters<typeof cellPaths>[1], subject: string, col: string) => cellPaths(index, p, subject, col).paths.length > 0;
  return (
    <Panel
      title={`Top findings (${sev.high} high · ${sev.medium} medium · ${sev.low} low)`}
      actions={
        <span className="flex gap-3 text-xs">
          {suppressed > 0 && (
            <Link href="/findings?sup=only" className="text-zinc-400 hover:underline" data-testid="top-findings-suppressed">
              {suppressed} suppressed
            </Link>
          )}
          <Link href="/findings" className="text-sky-300 hover:underline">
            all {all.length} →
          </Link>
        </span>
      }
    >
      {findings.length === 0 ? (
        <EmptyState title="No findings">{suppressed > 0 ? `None open; ${suppressed} suppressed by the config's allow-list.` : 'None of the checks found a problem.'}</EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-800" data-testid="top-findings">
          {findings.slice(0, TOP_FINDINGS).map((f) => (
            <FindingCard key={f.id} finding={f} matrixHref={sodMatrixHref(f, allowed)} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** A share as a bar and a number; red at none, amber when partial. */
function Coverage({ part, whole }: { part: number; whole: number }) {
  if (whole === 0) return <span className="text-zinc-400">no pods</span>;
  const share = part / whole;
  const color = share === 1 ? 'bg-emerald-400' : share === 0 ? 'bg-red-400' : 'bg-amber-400';
  return (
    <span className="flex items-center gap-2" title={`${part} of ${whole} pods`}>
      <span className="h-1.5 w-20 overflow-hidden rounded-full bg-zinc-800" aria-hidden>
        <span className={`block h-full ${color}`} style={{ width: `${share * 100}%` }} />
      </span>
      <span className={`tabular-nums text-xs ${share === 0 ? 'text-red-200' : 'text-zinc-200'}`}>
        {percent(part, whole)} <span className="text-zinc-400">({part}/{whole})</span>
      </span>
    </span>
  );
}

function DefaultDeny({ ingress, egress }: { ingress: readonly string[]; egress: readonly string[] }) {
  const cell = (names: readonly string[], label: string) =>
    names.length > 0 ? (
      <Badge tone="good" title={`Selects every pod: ${names.join(', ')}`}>
        {label}
      </Badge>
    ) : (
      <Badge tone="warn">no {label}</Badge>
    );
  return (
    <span className="flex flex-wrap gap-1">
      {cell(ingress, 'ingress')}
      {cell(egress, 'egress')}
    </span>
  );
}

/** The admin policies applying to a namespace, per direction, in evaluation order; the pod count when not all. */
function AdminTiers({ tiers, pods, unknown }: { tiers: { ingress: AdminTierShare[]; egress: AdminTierShare[] } | undefined; pods: number; unknown: boolean }) {
  const items = [...(tiers?.ingress ?? []).map((t) => ({ dir: 'ingress', t })), ...(tiers?.egress ?? []).map((t) => ({ dir: 'egress', t }))];
  if (items.length === 0) return unknown ? <span className="text-amber-200">unknown (unreadable)</span> : <span className="text-zinc-400">none</span>;
  return (
    <ul className="flex flex-col gap-1" data-testid="admin-tiers">
      {items.map(({ dir, t }) => (
        <li key={`${dir}-${t.tier}-${t.name}`}>
          <Badge tone={t.tier === 'AdminNetworkPolicy' ? 'info' : 'neutral'} title={`${t.tier} ${t.name}: ${t.pods} of ${pods} pods, ${dir}`}>
            {t.tier === 'AdminNetworkPolicy' ? `ANP ${t.name} (${t.priority})` : `BANP ${t.name}`} · {dir}
            {t.pods < pods ? ` · ${t.pods}/${pods} pods` : ''}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
