import Link from 'next/link';
import type { Finding, Severity } from '@/lib/findings';
import { subjectKey } from '@/lib/rbac/subjects';
import { Badge, type Tone } from '../ui/Badge';
import { formatRef } from './findingsExport';
import { objectHref, subjectHref } from './findingLinks';

const TONE: Record<Severity, Tone> = { high: 'bad', medium: 'warn', low: 'neutral' };

/** One finding: severity, title, where, who, evidence (folded) and fix, with links to the objects and subjects. */
export function FindingCard({ finding: f, matrixHref }: { finding: Finding; matrixHref?: string }) {
  const obj = f.object ? objectHref(f.object) : undefined;
  return (
    <li className="px-4 py-3" data-testid="finding" data-rule={f.ruleId} data-id={f.id}>
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <Badge tone={TONE[f.severity]}>{f.severity}</Badge>
        <p className="min-w-0 flex-1 text-sm font-medium text-zinc-100">{f.title}</p>
      </div>
      <div className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-400">
        <code className="text-zinc-300">{f.ruleId}</code>
        <span>{f.namespace ? `namespace ${f.namespace}` : 'cluster-wide'}</span>
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
