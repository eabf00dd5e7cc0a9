import type { Pod } from '@/lib/model';
import { Badge, LabelChips } from '../ui/Badge';
import { formatLabels } from '@/viewmodels/ui/format';

/** The facts about one endpoint that an explanation is built on. */
export function PodCard({ role, pod, note }: { role: 'Source' | 'Destination'; pod?: Pod; note?: string }) {
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-900/60 p-4" data-testid={`explain-${role.toLowerCase()}`}>
      <div className="text-xs font-medium uppercase tracking-wide text-zinc-400">{role}</div>
      {note && <p className="mt-1 text-sm text-zinc-300">{note}</p>}
      {!pod ? (
        <p className="mt-2 text-sm text-zinc-400">Pick a pod above.</p>
      ) : (
        <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          <dt className="text-zinc-400">Pod</dt>
          <dd className="font-medium text-zinc-100">
            {pod.namespace}/{pod.name} {pod.fromTemplate && <Badge title="Synthesised from the controller's pod template">template</Badge>}
          </dd>
          <dt className="text-zinc-400">Workload</dt>
          <dd className="text-zinc-200">
            {pod.workload.kind} {pod.workload.name}
          </dd>
          <dt className="text-zinc-400">Labels</dt>
          <dd>
            <LabelChips labels={formatLabels(pod.labels)} />
          </dd>
          <dt className="text-zinc-400">Ports</dt>
          <dd className="font-mono text-xs text-zinc-200">
            {pod.containerPorts.length === 0
              ? 'none declared'
              : pod.containerPorts.map((p) => `${p.name ? `${p.name}:` : ''}${p.containerPort}/${p.protocol}`).join(', ')}
          </dd>
          <dt className="text-zinc-400">IPs</dt>
          <dd className="font-mono text-xs text-zinc-200">{pod.podIPs.length === 0 ? 'none assigned' : pod.podIPs.join(', ')}</dd>
          <dt className="text-zinc-400">Service account</dt>
          <dd className="font-mono text-xs text-zinc-200">{pod.serviceAccountName}</dd>
        </dl>
      )}
    </div>
  );
}
