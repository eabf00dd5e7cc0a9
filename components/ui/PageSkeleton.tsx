/** The loading state of a page: its title and grey blocks where the data will be. */
export function PageSkeleton({ title }: { title: string }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <h1 className="text-xl font-semibold tracking-tight text-white">{title}</h1>
      <p className="mt-1 text-sm text-zinc-400">Reading the snapshot…</p>
      <div className="mt-5 grid grid-cols-2 gap-3 md:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg border border-zinc-800 bg-zinc-900" />
        ))}
      </div>
      <div className="mt-4 space-y-2 rounded-lg border border-zinc-800 bg-zinc-900/60 p-4">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="h-4 animate-pulse rounded bg-zinc-800" style={{ width: `${90 - i * 9}%` }} />
        ))}
      </div>
    </div>
  );
}
