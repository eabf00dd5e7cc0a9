import type { ReactNode } from 'react';

/** The page title and one line saying what the page shows. */
export function PageHeader({ title, description, children }: { title: string; description: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-white">{title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-zinc-400">{description}</p>
      </div>
      {children}
    </div>
  );
}
