import type { ReactNode } from 'react';

/** One headline number with its label and a detail line. */
export function StatTile({ label, value, detail }: { label: string; value: number; detail?: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-3">
      <div className="text-xs font-medium uppercase tracking-wide text-zinc-400">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-white">{value.toLocaleString('en-US')}</div>
      {detail !== undefined && <div className="mt-0.5 text-xs text-zinc-400">{detail}</div>}
    </div>
  );
}
