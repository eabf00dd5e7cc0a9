import type { Metadata } from 'next';
import { WarningsTable } from '@/components/findings/WarningsTable';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import { loadSnapshot } from '@/server/snapshotStore';

export const metadata: Metadata = { title: 'Findings' };

export default async function FindingsPage() {
  const result = await loadSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const s = result.snapshot;
  return (
    <>
      <PageHeader
        title="Findings"
        description="What the source reported while reading: objects it skipped or could only partly understand, and kinds it could not read."
      />
      <div className="space-y-4">
        <Panel id="warnings" title={`Snapshot warnings (${s.warnings.length})`}>
          {s.warnings.length === 0 ? (
            <EmptyState title="No warnings">Every object of the source was read and understood.</EmptyState>
          ) : (
            <WarningsTable warnings={s.warnings} caption="Snapshot warnings" />
          )}
        </Panel>
        <Panel id="unreadable" title={`Unreadable kinds (${s.unreadable.length})`}>
          {s.unreadable.length === 0 ? (
            <EmptyState title="Every kind was readable">No answer is missing data because of permissions.</EmptyState>
          ) : (
            <Table caption="Unreadable kinds" head={['Kind', 'Why', 'Permission that would fix it']}>
              {s.unreadable.map((u) => (
                <tr key={u.kind}>
                  <Td className="font-medium text-zinc-100">{u.kind}</Td>
                  <Td className="text-zinc-200">{u.message}</Td>
                  <Td className="font-mono text-xs text-zinc-200">{u.missingPermission ?? '—'}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Panel>
      </div>
    </>
  );
}
