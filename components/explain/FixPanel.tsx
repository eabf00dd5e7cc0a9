import Link from 'next/link';
import type { FixCard, FixView } from '@/viewmodels/explain/fixView';
import { Badge } from '../ui/Badge';

/** The smallest change that flips the verdict, checked by a what-if, with what else it changes and its patch. */
export function FixPanel({ view }: { view: FixView }) {
  return (
    <div className="space-y-3 px-4 py-3" data-testid="explain-fix">
      <h3 className="text-sm font-semibold text-zinc-100">{view.heading}</h3>
      {view.best ? <Proposal card={view.best} full /> : null}
      {view.notes.map((n) => (
        <p key={n} className="text-sm text-zinc-400">
          {n}
        </p>
      ))}
      {view.others.length > 0 && (
        <details className="rounded-md border border-zinc-800 p-3" data-testid="explain-fix-others">
          <summary className="cursor-pointer text-sm text-zinc-300">
            {view.others.length} other {view.others.length === 1 ? 'change' : 'changes'} would also do it
          </summary>
          <div className="mt-2 space-y-3">
            {view.others.map((c) => (
              <Proposal key={c.id} card={c} full={false} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}

function Proposal({ card, full }: { card: FixCard; full: boolean }) {
  return (
    <div className="space-y-2 text-sm" data-testid="fix-proposal" data-id={card.id}>
      {card.admin && <Badge tone="warn">admin change</Badge>}
      {card.summary.map((s) => (
        <p key={s} className="text-zinc-100">
          {s}
        </p>
      ))}
      <p className="text-zinc-300" data-testid="fix-checked">
        {card.checked}
      </p>
      {card.sideEffects.length > 0 && (
        <ul className="ml-4 list-disc font-mono text-xs text-amber-200" data-testid="fix-side-effects">
          {card.sideEffects.slice(0, 20).map((c) => (
            <li key={`${c.src}>${c.dst}`}>
              {c.change} {c.src} → {c.dst}: {c.before} → {c.after}
            </li>
          ))}
          {card.sideEffects.length > 20 && <li>and {card.sideEffects.length - 20} more (What-if lists them all)</li>}
        </ul>
      )}
      {full &&
        card.patches.map((p) => (
          <figure key={p.ref}>
            <figcaption className="text-xs text-zinc-400">
              {p.created ? 'New' : 'Patch of'} <span className="font-mono text-zinc-200">{p.ref}</span> (as Perimeter reads it; other metadata is not shown)
            </figcaption>
            <pre className="mt-1 overflow-x-auto rounded-md border border-zinc-800 bg-zinc-950 p-2 font-mono text-xs leading-5" data-testid="fix-patch">
              {p.lines.map((l, i) =>
                l === null ? (
                  <div key={i} className="text-zinc-500">
                    {'  …'}
                  </div>
                ) : (
                  <div key={i} className={l.op === '+' ? 'bg-emerald-950/60 text-emerald-200' : l.op === '-' ? 'bg-red-950/60 text-red-200' : 'text-zinc-400'}>
                    {`${l.op} ${l.text}`}
                  </div>
                ),
              )}
            </pre>
          </figure>
        ))}
      <Link href={card.whatIfHref} className="inline-block rounded-md border border-sky-700 px-2.5 py-1 text-sm text-sky-200 hover:bg-sky-950" data-testid="fix-try-whatif">
        Try in What-if
      </Link>
    </div>
  );
}
