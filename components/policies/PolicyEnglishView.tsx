import { Badge } from '../ui/Badge';
import type { PolicyEnglish } from '@/viewmodels/policies/policyEnglish';

/** A policy's rules in plain English, per direction. */
export function PolicyEnglishView({ english }: { english: PolicyEnglish }) {
  return (
    <div className="space-y-3 text-sm" data-testid="policy-english">
      <p className="text-zinc-100">{english.selects}</p>
      {english.directions.map((d) => (
        <div key={d.type}>
          <p className="flex items-center gap-2 text-zinc-200">
            <Badge tone={d.type === 'Ingress' ? 'info' : 'neutral'}>{d.type}</Badge>
            {d.summary}
          </p>
          {d.rules.length > 0 && (
            <ol className="mt-1.5 ml-5 list-decimal space-y-1 text-zinc-200 marker:text-zinc-400">
              {d.rules.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ol>
          )}
        </div>
      ))}
      {english.ignored && <p className="text-amber-200">{english.ignored}</p>}
    </div>
  );
}
