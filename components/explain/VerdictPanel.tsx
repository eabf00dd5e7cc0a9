import type { Explanation, RuleHit, SideExplanation } from '@/lib/netpol/explain';
import { formatPorts } from '@/lib/netpol/portSet';
import { Badge } from '../ui/Badge';

/** lib/netpol's explanation of one connection: the verdict, then each side's isolation, policies and deciding rules. */
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

function hitText(h: RuleHit): string {
  // Numbered from 1, as the engine's sentences are.
  const peer = h.peerIndex === undefined ? 'any peer' : `peer #${h.peerIndex + 1}`;
  const port = h.portIndex === undefined ? '' : `, port entry #${h.portIndex + 1}`;
  return `${h.direction.toLowerCase()} rule #${h.ruleIndex + 1} (${peer}${port}) allows ${formatPorts(h.allows)}`;
}

function Side({ side, title }: { side: SideExplanation; title: string }) {
  const decisive = side.verdict === 'denied' && side.isolated;
  return (
    <div className={`rounded-md border bg-zinc-950/50 p-3 text-sm ${decisive ? 'border-red-800' : 'border-zinc-800'}`} data-testid={`explain-${side.direction.toLowerCase()}`}>
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium text-zinc-100">{title}</span>
        <Badge tone={side.verdict === 'allowed' ? 'good' : 'bad'}>{side.verdict}</Badge>
      </div>
      <p className="mt-1 text-xs text-zinc-400">
        {side.isolated ? `isolated by ${side.policies.length} ${side.policies.length === 1 ? 'policy' : 'policies'}` : 'not isolated: this side allows every connection'}
      </p>
      <p className="mt-2 text-zinc-200">{side.reason}</p>
      {side.policies.length > 0 && (
        <ul className="mt-2 space-y-1 border-t border-zinc-800 pt-2 text-xs">
          {side.policies.map((p) => {
            const hits = side.hits.filter((h) => h.policy === p);
            return (
              <li key={p}>
                <span className="font-mono text-zinc-100">{p}</span>
                {hits.length === 0 ? (
                  <span className="text-zinc-400"> — no rule allows this connection</span>
                ) : (
                  <ul className="ml-4 list-disc text-zinc-300">
                    {hits.map((h) => (
                      <li key={`${h.ruleIndex}/${h.peerIndex}/${h.portIndex}`}>{hitText(h)}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
