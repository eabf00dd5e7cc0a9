import Link from 'next/link';
import type { ReportedFinding, Severity } from '@/lib/findings';
import { subjectKey } from '@/lib/rbac/subjects';
import { Badge, type Tone } from '../ui/Badge';
import { formatRef } from '@/viewmodels/findings/findingsExport';
import { objectHref, subjectHref } from '@/viewmodels/findings/findingLinks';

const TONE: Record<Severity, Tone> = { high: 'bad', medium: 'warn', low: 'neutral' };

/**
 * One finding: severity, title, where, who, evidence (folded) and fix, with links to the objects and subjects. After
 * perimeter.config.yaml: a re-rated finding shows the rule's own severity, an allow-listed one the entry and reason.
 */
export function FindingCard({ finding: f, matrixHref, location, inNamespace }: { finding: ReportedFinding; matrixHref?: string; location?: string; inNamespace?: string }) {
  const obj = f.object ? objectHref(f.object) : undefined;
  const scope = f.namespace ? `namespace ${f.namespace}` : f.namespaces ? `cluster-wide, in ${f.namespaces.join(', ')}` : 'cluster-wide';
  return (
    <li className={`px-4 py-3 ${f.suppressed ? 'bg-zinc-950/60' : ''}`} data-testid="finding" data-rule={f.ruleId} data-id={f.id} data-suppressed={f.suppressed ? 'true' : undefined}>
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        {f.suppressed && <Badge tone="neutral">suppressed</Badge>}
        <Badge tone={f.suppressed ? 'neutral' : TONE[f.severity]}>{f.severity}</Badge>
        {f.defaultSeverity && (
          <span className="text-xs text-zinc-400" data-testid="default-severity" title="perimeter.config.yaml `rules` changed this rule's severity">
            rule default {f.defaultSeverity}
          </span>
        )}
        <p className={`min-w-0 flex-1 text-sm font-medium ${f.suppressed ? 'text-zinc-300' : 'text-zinc-100'}`}>{f.title}</p>
      </div>
      {f.suppressed && (
        <p className="mt-1 text-xs text-zinc-300" data-testid="suppressed-reason">
          Suppressed by <code className="text-zinc-200">{f.suppressed.where}</code> of the config: {f.suppressed.reason}
        </p>
      )}
      <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-400">
        <code className="text-zinc-300">{f.ruleId}</code>
        {inNamespace && !f.namespace ? (
          // Listed under a namespace filter because it applies there too: say it is not that namespace's own.
          <span data-testid="cluster-wide">
            <Badge tone="info" title={`Not a finding of ${inNamespace} alone: the grant or policy holds cluster-wide, and so in ${inNamespace} too`}>
              cluster-wide
            </Badge>
          </span>
        ) : (
          <span>{scope}</span>
        )}
        {location && (
          <code className="text-zinc-300" data-testid="finding-location" title="Where the object behind it was read (as perimeter check prints it)">
            {location}
          </code>
        )}
        {f.subject && (
          <Link className="text-sky-300 hover:underline" href={subjectHref(f.subject)}>
            {subjectKey(f.subject)}
          </Link>
        )}
        {f.object &&
          (obj ? (
            <Link className="text-sky-300 hover:underline" href={obj}>
              {formatRef(f.object)}
            </Link>
          ) : (
            <span className="text-zinc-300">{formatRef(f.object)}</span>
          ))}
        {matrixHref && (
          <Link className="font-medium text-sky-300 hover:underline" href={matrixHref} data-testid="matrix-link">
            show in the access matrix →
          </Link>
        )}
      </div>
      {f.evidence.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-xs text-zinc-300 hover:text-white">Evidence ({f.evidence.length})</summary>
          <ul className="mt-1.5 space-y-1.5 border-l border-zinc-700 pl-3">
            {f.evidence.map((e, i) => (
              <li key={i} className="text-zinc-200">
                {e.text}
                {e.refs.length > 0 && (
                  <span className="ml-2 inline-flex flex-wrap gap-2 text-xs">
                    {e.refs.map((r, j) => {
                      const href = objectHref(r);
                      return href ? (
                        <Link key={j} href={href} className="text-sky-300 hover:underline">
                          {formatRef(r)}
                        </Link>
                      ) : null;
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="mt-1.5 text-xs text-zinc-300">
        <span className="font-medium text-zinc-200">Fix:</span> {f.fix}
      </p>
    </li>
  );
}
