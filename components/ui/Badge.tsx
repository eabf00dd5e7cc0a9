import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'good' | 'warn' | 'bad';

// Text/background pairs chosen for >= 4.5:1 contrast on the dark panels (WCAG AA).
const TONES: Record<Tone, string> = {
  neutral: 'bg-zinc-800 text-zinc-200 ring-zinc-700',
  info: 'bg-sky-950 text-sky-200 ring-sky-800',
  good: 'bg-emerald-950 text-emerald-200 ring-emerald-800',
  warn: 'bg-amber-950 text-amber-200 ring-amber-800',
  bad: 'bg-red-950 text-red-200 ring-red-800',
};

/** A small pill for kinds, types and states. */
export function Badge({ tone = 'neutral', children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}

/** `k=v` chips; wraps. */
export function LabelChips({ labels, empty = 'no labels' }: { labels: readonly string[]; empty?: string }) {
  if (labels.length === 0) return <span className="text-zinc-400 italic">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {labels.map((l) => (
        <code key={l} className="rounded bg-zinc-800/80 px-1.5 py-0.5 font-mono text-xs text-zinc-200">
          {l}
        </code>
      ))}
    </span>
  );
}
