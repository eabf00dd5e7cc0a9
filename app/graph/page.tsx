import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GraphExplorer } from '@/components/graph/GraphExplorer';
import { GraphReadings } from '@/components/graph/GraphReadings';
import { parseGraphView, readingOf } from '@/viewmodels/graph/graphView';
import { SourceFailurePanel } from '@/components/shell/SourceFailurePanel';
import { UnreadableNotice } from '@/components/shell/UnreadableNotice';
import { ANSWER_DEPENDS_ON } from '@/viewmodels/shell/unreadableNotice';
import { PageHeader } from '@/components/ui/PageHeader';
import { graphModelOf, namespacePlacesOf } from '@/server/graphAnalyses';
import { TimeTravelNotice } from '@/components/history/TimeTravelNotice';
import { viewSnapshot } from '@/server/history/timeTravel';

export const metadata: Metadata = { title: 'Graph' };

export default async function GraphPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const result = await viewSnapshot(await searchParams);
  if (!result.ok) return <SourceFailurePanel failure={result.failure} />;
  const query = new URLSearchParams(Object.entries(await searchParams).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? (v[0] ?? '') : v]])));
  const view = parseGraphView(query);
  // The other reading keeps every other part of the view.
  const switched = (key: string, value: string, on: boolean) => {
    const other = new URLSearchParams(query);
    if (on) other.delete(key);
    else other.set(key, value);
    return `/graph${other.size ? `?${other}` : ''}`;
  };
  // The internet view's part only when it is shown (the explorer comes back here to fetch it when switched to).
  const model = graphModelOf(result.snapshot, readingOf(view), { internet: view.scope === 'internet' });
  // Named from the reading that keeps them, also when they are left out.
  const inactive = graphModelOf(result.snapshot, readingOf({ ...view, liveOnly: false })).workloads.filter((w) => !w.active);
  return (
    <>
      <TimeTravelNotice past={result.past} livePath="/graph" />
      <PageHeader title="Graph" description="Who can talk to whom: namespaces hold their workloads, edges are allowed connections. Pick a node for its blast radius, an edge for the rules behind it." />
      <UnreadableNotice unreadable={result.snapshot.unreadable} dependsOn={ANSWER_DEPENDS_ON.connectivity} />
      <GraphReadings
        pods={result.snapshot.pods}
        hostNetwork={view.hostNetwork}
        hostNetworkHref={switched('hostNetwork', 'host', view.hostNetwork === 'host')}
        inactive={inactive}
        liveOnly={view.liveOnly}
        liveHref={switched('live', 'only', view.liveOnly)}
      />
      <Suspense fallback={<p className="text-sm text-zinc-400">Drawing the graph…</p>}>
        <GraphExplorer model={model} places={namespacePlacesOf(result.snapshot, model)} />
      </Suspense>
    </>
  );
}
