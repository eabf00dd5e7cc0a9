import type { Metadata } from 'next';
import { PolicyTable } from '@/components/policies/PolicyTable';
import { policyRows } from '@/components/policies/policyRows';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { EmptyState } from '@/components/ui/EmptyState';
import { plural } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/PageHeader';
import { Panel } from '@/components/ui/Panel';
import { loadSnapshot } from '@/server/snapshotStore';

export const metadata: Metadata = { title: 'Policies' };

export default async function PoliciesPage() {
  const result = await loadSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const rows = policyRows(result.snapshot.networkPolicies);
  const namespaces = new Set(rows.map((r) => r.namespace)).size;
  return (
    <>
      <PageHeader
        title="Policies"
        description="Every NetworkPolicy as Perimeter read it: which pods it selects, which directions it isolates, and how many rules allow traffic back in or out."
      />
      <Panel title={`${plural(rows.length, 'NetworkPolicy', 'NetworkPolicies')} in ${plural(namespaces, 'namespace')}`}>
        {rows.length === 0 ? (
          <EmptyState title="No NetworkPolicies in this snapshot">
            Without policies no pod is isolated: every pod accepts traffic from, and may send traffic to, anywhere.
          </EmptyState>
        ) : (
          <PolicyTable rows={rows} />
        )}
      </Panel>
    </>
  );
}
