import Link from 'next/link';
import type { Pod } from '@/lib/model';
import type { HostNetworkMode } from '@/lib/netpol/compile';
import type { GraphWorkload } from '@/viewmodels/graph/graphModel';

const LINK = 'text-sky-300 hover:underline';

/**
 * Which reading of the network the graph draws, one line each, so the canvas stays above the fold: hostNetwork pods
 * (like pods, or as their node) and pods that are not running (drawn dashed and analysed as if they ran, as
 * `perimeter connectivity` does, or left out, as `--live-only`). Each names the other reading and links to it; the
 * long explanation folds under "why". Nothing is shown for a reading the snapshot gives no reason to choose.
 */
export function GraphReadings({
  pods,
  hostNetwork,
  hostNetworkHref,
  inactive,
  liveOnly,
  liveHref,
}: {
  pods: readonly Pod[];
  hostNetwork: HostNetworkMode;
  hostNetworkHref: string;
  /** Workloads without a running pod, from the reading that keeps them. */
  inactive: readonly Pick<GraphWorkload, 'namespace' | 'name'>[];
  liveOnly: boolean;
  liveHref: string;
}) {
  const host = pods.filter((p) => p.hostNetwork);
  if (host.length === 0 && inactive.length === 0) return null;
  const names = (xs: readonly string[]) => `${xs.slice(0, 2).join(', ')}${xs.length > 2 ? ', …' : ''}`;
  return (
    <div className="mb-3 flex flex-wrap gap-x-6 gap-y-1 rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-2 text-sm text-zinc-300" data-testid="graph-readings">
      {host.length > 0 && (
        <p role="note" data-testid="host-network-note" data-mode={hostNetwork}>
          {host.length} hostNetwork pod{host.length === 1 ? '' : 's'} ({names(host.map((p) => `${p.namespace}/${p.name}`))}):{' '}
          <strong className="text-zinc-100">{hostNetwork === 'as-pod' ? 'like pods' : 'as their node'}</strong> ·{' '}
          <Link href={hostNetworkHref} className={LINK} data-testid="host-network-switch">
            {hostNetwork === 'as-pod' ? 'as their node' : 'like pods'}
          </Link>{' '}
          <span className="text-zinc-400" title="Kubernetes leaves NetworkPolicy on hostNetwork pods to the network plugin. Plugins that tell their traffic apart enforce policies on them like on any pod; most cannot, and treat it as the node's: no policy or AdminNetworkPolicy selects the pod, only ipBlocks match it.">
            (why?)
          </span>
        </p>
      )}
      {inactive.length > 0 && (
        <p role="note" data-testid="inactive-note" data-mode={liveOnly ? 'live-only' : 'all'}>
          {inactive.length} workload{inactive.length === 1 ? '' : 's'} without a running pod ({names(inactive.map((w) => `${w.namespace}/${w.name}`))}):{' '}
          <strong className="text-zinc-100">{liveOnly ? 'left out, as connectivity --live-only' : 'drawn dashed, analysed as if running, as connectivity'}</strong> ·{' '}
          <Link href={liveHref} className={LINK} data-testid="inactive-switch">
            {liveOnly ? 'show them' : 'running pods only'}
          </Link>
        </p>
      )}
    </div>
  );
}
