import type { EntryAnalysis, EntryVerdict, HopVerdict, PathVerdict } from '@/lib/exposure';

/** A badge's colour (components/ui/Badge `Tone`). */
export type VerdictTone = 'neutral' | 'info' | 'good' | 'warn' | 'bad';

/** A verdict as the page shows it: a short label, its colour, and a sentence for the tooltip. */
export interface VerdictView {
  readonly key: EntryVerdict;
  readonly label: string;
  readonly tone: VerdictTone;
  readonly title: string;
}

/** Every entry verdict in the order the page filters and counts them. */
export const ENTRY_VERDICTS: readonly EntryVerdict[] = ['open', 'unknown', 'policy-only', 'closed', 'internal', 'no-backends'];

const VIEWS: Record<EntryVerdict, Omit<VerdictView, 'key'>> = {
  open: { label: 'exposed', tone: 'bad', title: 'Some path reaches a pod from the internet through every hop.' },
  closed: { label: 'on paper only: closed', tone: 'info', title: 'Exposed on paper, closed in fact: a policy denies every path, or its Service ports resolve on no pod.' },
  internal: { label: 'internal only', tone: 'neutral', title: "An internal load balancer: reachable from the provider's private network only." },
  unknown: { label: 'unknown hop', tone: 'warn', title: 'A hop is not in the snapshot (e.g. what exposes the controller pods).' },
  'no-backends': { label: 'no backends', tone: 'neutral', title: 'It routes to no pod of the snapshot.' },
  'policy-only': { label: 'open in policy, no entry', tone: 'warn', title: 'A policy admits the internet to these pods, but no entry point of the snapshot brings internet traffic to them.' },
};

export function verdictView(v: EntryVerdict): VerdictView {
  return { key: v, ...VIEWS[v] };
}

/** The label of an entry: "exposed" becomes "exposed (assumed controller)" when every open path takes the stand-in for granted. */
export function entryVerdictView(a: EntryAnalysis): VerdictView {
  const view = verdictView(a.verdict);
  const open = a.paths.filter((p) => p.verdict === 'open');
  if (a.verdict === 'open' && open.length > 0 && open.every((p) => p.assumptions.some((x) => x.startsWith('the ingress controller')))) {
    return { ...view, label: 'exposed (assumed controller)', title: `${view.title} The ingress controller is not in the snapshot: it is assumed reachable from the internet.` };
  }
  return view;
}

export function hopTone(v: HopVerdict): VerdictTone {
  switch (v) {
    case 'allowed':
      return 'bad';
    case 'denied':
      return 'good';
    case 'assumed':
    case 'unknown':
      return 'warn';
    case 'internal':
      return 'neutral';
  }
}

export function pathTone(v: PathVerdict): VerdictTone {
  switch (v) {
    case 'open':
      return 'bad';
    case 'closed':
      return 'good';
    case 'unknown':
      return 'warn';
    case 'internal':
      return 'neutral';
  }
}
