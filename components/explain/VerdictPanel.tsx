import Link from 'next/link';
import type { Explanation } from '@/lib/netpol/explain';
import { formatPorts } from '@/lib/netpol/portSet';
import { linkify, policyLinks, sideView, type SideView, type TextPart } from '@/viewmodels/explain/verdictView';
import { Badge } from '../ui/Badge';

/** lib/netpol's explanation of one connection: the verdict, then each side's isolation, policies and deciding rules. */
export function VerdictPanel({ explanation: e }: { explanation: Explanation }) {
  const asked = e.port !== undefined ? `${e.protocol} ${e.port}${e.portName ? ` (${e.portName})` : ''}` : e.portName ?? 'any port';
  const links = policyLinks(e);
  return (
    <div className="space-y-3 px-4 py-3" data-testid="explain-verdict">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={e.verdict === 'allowed' ? 'good' : 'bad'}>{e.verdict.toUpperCase()}</Badge>
        <span className="font-mono text-xs text-zinc-200">
          {e.from} → {e.to}
        </span>
        <span className="text-zinc-400">{asked}</span>
      </div>
      <p className="text-sm text-zinc-100" data-testid="explain-sentence">
        <Parts parts={linkify(e.sentence, links)} />
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <Side side={sideView(e.egress, links)} />
        <Side side={sideView(e.ingress, links)} />
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

/** A sentence whose policy names are links to the policies' pages. */
function Parts({ parts }: { parts: readonly TextPart[] }) {
  return parts.map((p, i) =>
    p.href ? (
      <Link key={i} href={p.href} className="text-sky-300 underline-offset-2 hover:underline" data-testid="policy-link">
        {p.text}
      </Link>
    ) : (
      <span key={i}>{p.text}</span>
    ),
  );
}

function Side({ side }: { side: SideView }) {
  return (
    <div className={`rounded-md border bg-zinc-950/50 p-3 text-sm ${side.decisive ? 'border-red-800' : 'border-zinc-800'}`} data-testid={`explain-${side.direction}`}>
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium text-zinc-100">{side.title}</span>
        <Badge tone={side.verdict === 'allowed' ? 'good' : 'bad'}>{side.verdict}</Badge>
      </div>
      <p className="mt-1 text-xs text-zinc-400">{side.isolation}</p>
      <p className="mt-2 text-zinc-200">
        <Parts parts={side.reason} />
      </p>
      {side.deciding.length > 0 && (
        <ul className="mt-2 space-y-1 border-t border-zinc-800 pt-2 text-xs">
          {side.deciding.map((d) => (
            <li key={d.policy.label}>
              <Link href={d.policy.href} className="font-mono text-sky-300 hover:underline">
                {d.policy.label}
              </Link>
              <ul className="ml-4 list-disc text-zinc-300">
                {d.rules.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {side.others.length > 0 && (
        <details className="mt-2 border-t border-zinc-800 pt-2 text-xs text-zinc-400" data-testid="explain-other-policies">
          <summary className="cursor-pointer">
            {side.others.length} other {side.others.length === 1 ? 'policy selects' : 'policies select'} this pod with no rule for {side.direction === 'ingress' ? 'this source' : 'this destination'}
          </summary>
          <ul className="ml-4 mt-1 list-disc">
            {side.others.map((p) => (
              <li key={p.label}>
                <Link href={p.href} className="font-mono text-sky-300 hover:underline">
                  {p.label}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
