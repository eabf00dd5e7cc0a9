import type { Metadata } from 'next';
import { workloadGroups } from '@/components/graph/workloadGroups';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { Badge, LabelChips } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { Table, Td } from '@/components/ui/Table';
import { loadSnapshot } from '@/server/snapshotStore';

export const metadata: Metadata = { title: 'Graph' };

export default async function GraphPage() {
  const result = await loadSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const groups = workloadGroups(result.snapshot);
  return (
    <>
      <PageHeader
        title="Graph"
        description="The nodes of the connectivity graph: namespaces and their workloads, with the pod labels that NetworkPolicies select on. The edges come from lib/netpol's connectivity engine."
      />
      {groups.length === 0 ? (
        <Panel>
          <EmptyState title="No namespaces or workloads in this snapshot">There is nothing to draw yet: the source held no pods or controllers.</EmptyState>
        </Panel>
      ) : (
        <div className="space-y-4">
          {groups.map((g) => (
            <Panel key={g.namespace} title={<span data-testid="graph-namespace">{g.namespace}</span>} actions={<span className="text-xs text-zinc-400">{plural(g.workloads.length, 'workload')}</span>}>
              {g.workloads.length === 0 ? (
                <EmptyState title="No workloads in this namespace" />
              ) : (
                <Table caption={`Workloads in ${g.namespace}`} head={['Workload', 'Kind', 'Pods', 'Service account', 'Pod labels']} widths={['20%', '12%', '9%', '17%', '42%']}>
                  {g.workloads.map((w) => (
                    <tr key={`${w.kind}/${w.name}`} data-testid="workload-row">
                      <Td className="font-medium break-words text-zinc-100">{w.name}</Td>
                      <Td>
                        <Badge>{w.kind}</Badge>
                      </Td>
                      <Td className="whitespace-nowrap tabular-nums">
                        {w.pods}
                        {w.livePods !== w.pods && <span className="ml-1 text-xs text-zinc-400">({w.livePods} live)</span>}
                      </Td>
                      <Td className="font-mono text-xs break-words text-zinc-300">{w.serviceAccount ?? '—'}</Td>
                      <Td>
                        <LabelChips labels={w.podLabels} />
                      </Td>
                    </tr>
                  ))}
                </Table>
              )}
            </Panel>
          ))}
        </div>
      )}
    </>
  );
}
