import type { ConnectionChange } from '@/lib/diff/connectivityDiff';
import { patchHunks, type FixProposal, type FixResult, type PatchLine } from '@/lib/fix';
import type { ExplainRequest } from '@/lib/request';
import { explainSearchParams } from '@/lib/request';
import { sideEffectSummary } from '@/lib/report/fixText';

/** A checked change as the Explain page shows it. */
export interface FixCard {
  readonly id: string;
  readonly admin: boolean;
  readonly summary: readonly string[];
  /** `Checked: the connection becomes allowed; nothing else changes`. */
  readonly checked: string;
  readonly sideEffects: readonly ConnectionChange[];
  readonly patches: readonly { readonly ref: string; readonly created: boolean; readonly lines: readonly (PatchLine | null)[] }[];
  /** What-if, pre-filled with this change. */
  readonly whatIfHref: string;
}

export interface FixView {
  readonly heading: string;
  readonly best?: FixCard;
  readonly others: readonly FixCard[];
  readonly notes: readonly string[];
}

/** The What-if page pre-filled with a proposed change: the question and the proposal's id (recomputed there). */
export function whatIfFixHref(request: ExplainRequest, id: string): string {
  const p = explainSearchParams(request);
  p.set('fix', id);
  return `/what-if?${p.toString()}`;
}

function card(request: ExplainRequest, p: FixProposal): FixCard {
  return {
    id: p.id,
    admin: p.admin,
    summary: p.summary,
    checked: `Checked: the connection becomes ${p.verdictAfter}; ${sideEffectSummary(p)}.`,
    sideEffects: p.sideEffects,
    patches: p.patches.map((x) => ({ ref: x.ref, created: x.created, lines: x.created ? x.lines : patchHunks(x.lines, 3) })),
    whatIfHref: whatIfFixHref(request, p.id),
  };
}

/** The proposal panel: the best change in full, the alternatives below, or why there is none. */
export function fixView(request: ExplainRequest, r: FixResult): FixView {
  const [best, ...others] = r.proposals.map((p) => card(request, p));
  const goal = r.goal === 'allow' ? 'allow' : 'block';
  return { heading: best ? `To ${goal} it${best.admin ? ': an admin change' : ''}` : `No change to ${goal} it`, ...(best ? { best } : {}), others, notes: r.notes };
}
