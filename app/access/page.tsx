import type { Metadata } from 'next';
import { bindingRows, formatSubject } from '@/components/access/bindingRows';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import { loadSnapshot } from '@/server/snapshotStore';

export const metadata: Metadata = { title: 'Access' };

export default async function AccessPage() {
  const result = await loadSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  const rows = bindingRows(
    s.roleBindings,
    s.clusterRoleBindings,
    new Set(s.roles.map((r) => `${r.namespace}/${r.name}`)),
    new Set(s.clusterRoles.map((r) => r.name)),
  );
  return (
    <>
      <PageHeader
        title="Access"
        description={`Who is bound to which role. ${plural(s.roles.length, 'Role')}, ${plural(s.clusterRoles.length, 'ClusterRole')} and ${plural(s.serviceAccounts.length, 'ServiceAccount')} in this snapshot.`}
      />
      <Panel title={`${plural(rows.length, 'binding')}`}>
        {rows.length === 0 ? (
          <EmptyState title="No RoleBindings or ClusterRoleBindings in this snapshot">
            Nobody is granted anything by the objects read; add the RBAC manifests to the source to see access.
          </EmptyState>
        ) : (
          <Table caption="Role bindings" head={['Binding', 'Namespace', 'Role', 'Subjects']}>
            {rows.map((r) => (
              <tr key={`${r.kind}/${r.namespace ?? ''}/${r.name}`} data-testid="binding-row">
                <Td>
                  <div className="font-medium text-zinc-100">{r.name}</div>
                  <div className="text-xs text-zinc-400">{r.kind}</div>
                </Td>
                <Td className={r.namespace ? 'text-zinc-200' : 'text-zinc-400 italic'}>{r.namespace ?? 'all (cluster-wide)'}</Td>
                <Td>
                  <span className="mr-1.5 text-xs text-zinc-400">{r.roleRef.kind}</span>
                  <span className="text-zinc-100">{r.roleRef.name}</span>
                  {!r.roleFound && (
                    <span className="ml-2">
                      <Badge tone="warn" title="The referenced role is not in the snapshot, so this binding grants nothing that can be shown">
                        role not found
                      </Badge>
                    </span>
                  )}
                </Td>
                <Td>
                  {r.subjects.length === 0 ? (
                    <span className="text-zinc-400 italic">no subjects</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {r.subjects.map((sub) => (
                        <li key={formatSubject(sub)} className="font-mono text-xs text-zinc-200">
                          {formatSubject(sub)}
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Panel>
    </>
  );
}
