import type { ReactNode } from 'react';

/** What a section shows when the snapshot has nothing for it: say what is missing and what that means. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-4 py-8 text-center">
      <p className="text-sm font-medium text-zinc-200">{title}</p>
      {children !== undefined && <p className="mx-auto mt-1 max-w-xl text-sm text-zinc-400">{children}</p>}
    </div>
  );
}
