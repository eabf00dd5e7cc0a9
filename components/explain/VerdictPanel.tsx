import type { Explanation, SideExplanation } from '@/lib/netpol/explain';
import { formatPorts } from '@/lib/netpol/portSet';
import { Badge } from '../ui/Badge';

/** lib/netpol's explanation of one connection: the verdict, then each side's isolation and deciding rule. */
export function VerdictPanel({ explanation: e }: { explanation: Explanation }) {
  const asked = e.port !== undefined ? `${e.protocol} ${e.port}${e.portName ? ` (${e.portName})` : ''}` : e.portName ?? 'any port';
  return (
    <div className="space-y-3 px-4 py-3" data-testid="explain-verdict">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={e.verdict === 'allowed' ? 'good' : 'bad'}>{e.verdict.toUpperCase()}</Badge>
        <span className="font-mono text-xs text-zinc-200">
          {e.from} → {e.to}
        </span>
        <span className="text-zinc-400">{asked}</span>
      </div>
      <p className="text-sm text-zinc-100">{e.sentence}</p>
      <div className="grid gap-3 lg:grid-cols-2">
        <Side side={e.egress} title="Source egress" />
        <Side side={e.ingress} title="Destination ingress" />
      </div>
      {e.port === undefined && !e.portName && (
        <p className="text-sm text-zinc-300">
          Allowed in both directions: <span className="font-mono text-xs text-zinc-100">{formatPorts(e.allowed)}</span>
        </p>
      )}
      {e.notes.length > 0 && (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-200">
          {e.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Side({ side, title }: { side: SideExplanation; title: string }) {
  return (
    <div className="rounded-md border border-zinc-800 bg-zinc-950/50 p-3 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium text-zinc-100">{title}</span>
        <Badge tone={side.verdict === 'allowed' ? 'good' : 'bad'}>{side.verdict}</Badge>
      </div>
      <p className="mt-1 text-xs text-zinc-400">
        {side.isolated
          ? `isolated by ${side.policies.length} ${side.policies.length === 1 ? 'policy' : 'policies'}`
          : 'not isolated: this side allows every connection'}
      </p>
      <p className="mt-2 text-zinc-200">{side.reason}</p>
    </div>
  );
}
