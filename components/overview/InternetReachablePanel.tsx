import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { Panel } from '@/components/ui/Panel';
import type { InternetSummary } from '@/viewmodels/overview/internetReachable';
import { plural } from '@/viewmodels/ui/format';

const LINK = 'text-sky-300 hover:underline';

/** The Overview's count of internet-reachable workloads with the first ones; the Exposure page has the rest. */
export function InternetReachablePanel({ summary }: { summary: InternetSummary }) {
  return (
    <Panel
      title={`Reachable from the internet (${plural(summary.count, 'workload')})`}
      actions={
        <Link href="/exposure" className="text-xs text-sky-300 hover:underline" data-testid="internet-all">
          entry points and paths →
        </Link>
      }
    >
      <div data-testid="internet-reachable" data-count={summary.count}>
        {summary.count === 0 ? (
          <EmptyState title="Nothing reachable from the internet">No entry point (LoadBalancer, NodePort, Ingress, Route, Gateway, hostPort, host network) brings internet traffic through the policies to a pod.</EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-800">
            {summary.items.map((i) => (
              <li key={i.workload} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-2 text-sm" data-testid="internet-item" data-workload={i.workload}>
                <Link className={`${LINK} font-medium`} href={i.graphHref}>
                  {i.workload}
                </Link>
                <span className="text-zinc-300">{i.ports}</span>
                {i.sensitive.length > 0 && <Badge tone="bad">{i.sensitive.join(', ')}</Badge>}
                {i.assumed && <Badge tone="warn" title="A path goes through an ingress controller that is not in the snapshot, assumed reachable">controller assumed</Badge>}
                <span className="text-xs text-zinc-400">via {i.entries.join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
        {summary.closedEntries > 0 && (
          <p className="border-t border-zinc-800 px-4 py-2 text-xs text-zinc-400">
            {plural(summary.closedEntries, 'entry point')} expose{summary.closedEntries === 1 ? 's' : ''} on paper but the policies close {summary.closedEntries === 1 ? 'it' : 'them'} (see{' '}
            <Link className={LINK} href="/exposure">
              Exposure
            </Link>
            ).
          </p>
        )}
      </div>
    </Panel>
  );
}
