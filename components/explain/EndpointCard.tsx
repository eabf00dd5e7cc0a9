import type { Pod } from '@/lib/model';
import type { ResolvedEndpoint } from '@/lib/netpol/resolveEndpoint';
import { PodCard } from './PodCard';

/** One side of the question as the engine resolved it: a pod, a workload's pods (shown by its first pod), or an address. */
export function EndpointCard({ role, endpoint, pods }: { role: 'Source' | 'Destination'; endpoint?: ResolvedEndpoint; pods: readonly Pod[] }) {
  if (endpoint?.kind === 'external') {
    return (
      <div className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-4" data-testid={`explain-${role.toLowerCase()}`}>
        <div className="text-xs font-medium uppercase tracking-wide text-zinc-400">{role}</div>
        <p className="mt-2 text-sm text-zinc-100">
          External address <span className="font-mono">{endpoint.label}</span>
        </p>
        <p className="mt-1 text-sm text-zinc-400">No pod in the snapshot has this IP: policies match it only through ipBlock peers.</p>
      </div>
    );
  }
  if (endpoint?.kind === 'representative') {
    return (
      <div className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-4" data-testid={`explain-${role.toLowerCase()}`}>
        <div className="text-xs font-medium uppercase tracking-wide text-zinc-400">{role}</div>
        <p className="mt-2 text-sm text-zinc-100">
          A pod that does not exist yet: <span className="font-mono">{endpoint.label}</span>
        </p>
        <p className="mt-1 text-sm text-zinc-400">Policies are matched against these labels as they would be for a real pod.</p>
      </div>
    );
  }
  if (pods.length <= 1) return <PodCard role={role} pod={pods[0]} />;
  return <PodCard role={role} pod={pods[0]} note={`${endpoint?.label}: ${pods.length} pods; the first is shown.`} />;
}
