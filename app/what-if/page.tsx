import type { Metadata } from 'next';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { PageHeader } from '@/components/ui/PageHeader';
import { ReportLinks } from '@/components/whatif/ReportLinks';
import { WhatIfForm } from '@/components/whatif/WhatIfForm';
import { whatIfExample } from '@/viewmodels/whatif/whatIfExample';
import { whatIfPrefill } from '@/viewmodels/whatif/whatIfPrefill';
import { analysesOf } from '@/server/analyses';
import { currentSnapshot } from '@/server/currentSnapshot';

export const metadata: Metadata = { title: 'What-if' };

export default async function WhatIfPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await currentSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const prefill = whatIfPrefill(analysesOf(result.snapshot), await searchParams);
  return (
    <>
      <PageHeader
        title="What-if"
        description="Paste or upload new or changed NetworkPolicies and RBAC objects, or list objects to delete, and see the connections and access they would add and remove before anything is applied."
      >
        <ReportLinks />
      </PageHeader>
      <WhatIfForm example={whatIfExample(result.snapshot)} prefill={prefill} />
    </>
  );
}
