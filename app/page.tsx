import Link from 'next/link';
import { countSnapshot, namespaceRows } from '@/components/overview/overviewModel';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { sortWarnings, WarningsTable } from '@/components/findings/WarningsTable';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { StatTile } from '@/components/ui/StatTile';
import { Table, Td } from '@/components/ui/Table';
import { loadSnapshot } from '@/server/snapshotStore';

const WARNINGS_PREVIEW = 5;

export default async function OverviewPage() {
  const result = await loadSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const c = countSnapshot(s);
  const rows = namespaceRows(s);
  return (
    <>
      <PageHeader title="Overview" description="What this snapshot holds, per namespace, and what the loader had to warn about." />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5" data-testid="overview-counts">
        <StatTile label="Namespaces" value={c.namespaces} detail={`${s.namespaces.filter((n) => n.declared).length} declared`} />
        <StatTile
          label="Pods"
          value={c.pods.total}
          detail={`${c.pods.live} live · ${c.pods.template} from templates · ${c.pods.notRunning} not running`}
        />
        <StatTile label="Workloads" value={c.workloads} detail="controllers and bare pods" />
        <StatTile label="NetworkPolicies" value={c.networkPolicies} detail={<Link className="hover:underline" href="/policies">view policies</Link>} />
        <StatTile
          label="RBAC objects"
          value={c.rbac.total}
          detail={`${c.rbac.roles + c.rbac.clusterRoles} roles · ${c.rbac.roleBindings + c.rbac.clusterRoleBindings} bindings · ${c.rbac.serviceAccounts} SAs`}
        />
      </div>

      <div className="mt-4 space-y-4">
        <Panel title="Namespaces">
          {rows.length === 0 ? (
            <EmptyState title="No namespaces">The source held no namespaced objects.</EmptyState>
          ) : (
            <Table caption="Namespaces" head={['Namespace', 'Pods', 'Workloads', 'Policies', 'All pods isolated for ingress', 'All pods isolated for egress']}>
              {rows.map((r) => (
                <tr key={r.name} data-testid="namespace-row">
                  <Td className="font-medium whitespace-nowrap text-zinc-100">
                    {r.name}
                    {!r.declared && (
                      <span className="ml-2">
                        <Badge title="No Namespace object was read; it is implied by objects in it">implied</Badge>
                      </span>
                    )}
                  </Td>
                  <Td className="tabular-nums">{r.pods}</Td>
                  <Td className="tabular-nums">{r.workloads}</Td>
                  <Td className="tabular-nums">{r.policies}</Td>
                  <Td>
                    <Isolation names={r.allPodsIngress} />
                  </Td>
                  <Td>
                    <Isolation names={r.allPodsEgress} />
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Panel>

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
          <div className="flex gap-2 px-4 py-3 border-b border-zinc-800">
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
              {plural(s.unreadable.length, 'kind')} could not be read: {s.unreadable.map((u) => u.kind).join(', ')}. Answers that depend
              on them are incomplete.
            </p>
          )}
        </Panel>
      </div>
    </>
  );
}

function Isolation({ names }: { names: readonly string[] }) {
  if (names.length === 0) return <span className="text-zinc-400">no</span>;
  return (
    <span className="flex flex-wrap items-center gap-1.5" title="These policies have an empty podSelector, so they select every pod of the namespace">
      <Badge tone="good">yes</Badge>
      <span className="text-xs text-zinc-300">{names.join(', ')}</span>
    </span>
  );
}
