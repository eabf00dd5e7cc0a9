import type { ReactNode } from 'react';

/** A bordered section with an optional title row; the basic block of every page. */
export function Panel({ title, actions, children, id }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section id={id} className="scroll-mt-4 rounded-lg border border-zinc-800 bg-zinc-900/60">
      {title !== undefined && (
        <header className="flex items-center justify-between gap-3 border-b border-zinc-800 px-4 py-2.5">
          <h2 className="text-sm font-semibold text-zinc-100">{title}</h2>
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}
