import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GraphExplorer } from '@/components/graph/GraphExplorer';
import { parseHostNetwork } from '@/viewmodels/graph/graphView';
import { HostNetworkNote } from '@/components/shell/HostNetworkNote';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { PageHeader } from '@/components/ui/PageHeader';
import { graphModelOf } from '@/server/graphAnalyses';
import { currentSnapshot } from '@/server/currentSnapshot';

export const metadata: Metadata = { title: 'Graph' };

export default async function GraphPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await currentSnapshot();
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? (v[0] ?? '') : v]])));
  const hostNetwork = parseHostNetwork(query.get('hostNetwork') ?? undefined);
  // The other reading keeps every other part of the view.
  const other = new URLSearchParams(query);
  if (hostNetwork === 'host') other.delete('hostNetwork');
  else other.set('hostNetwork', 'host');
  return (
    <>
      <PageHeader
        title="Graph"
        description="Who can talk to whom under the NetworkPolicies: namespaces hold their workloads, edges are allowed connections labelled with their ports. Focus a node to see its blast radius; pick an edge for the rules behind it."
      />
      <UnreadableNotice unreadable={result.snapshot.unreadable} dependsOn={ANSWER_DEPENDS_ON.connectivity} />
      <HostNetworkNote pods={result.snapshot.pods} mode={hostNetwork} switchHref={`/graph${other.size ? `?${other}` : ''}`} />
      <Suspense fallback={<p className="text-sm text-zinc-400">Drawing the graph…</p>}>
        <GraphExplorer model={graphModelOf(result.snapshot, hostNetwork)} />
      </Suspense>
    </>
  );
}
