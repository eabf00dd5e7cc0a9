import type { Analyses } from '@/lib/analyses/analyses';
import { proposeFixes } from '@/lib/fix';
import { explainFieldsOf, parseExplainRequest } from '@/lib/request';
import { explainHref } from '@/viewmodels/explain/explainQuery';

/** What the What-if form starts with when Explain's "Try in What-if" opened it. */
export interface WhatIfPrefill {
  readonly yaml: string;
  readonly deletions: string;
  /** Which change and which question, or why the change could not be found again. */
  readonly note: string;
  /** Back to the question on the Explain page. */
  readonly explainHref: string;
}

/**
 * Reads `?from=&to=&port=[&protocol=&hostNetwork=]&fix=ID` and proposes the changes again on the snapshot shown: the one
 * with that id fills the form (a snapshot that changed meanwhile may no longer propose it; the note says so).
 */
export function whatIfPrefill(base: Analyses, params: Parameters<typeof explainFieldsOf>[0] & Readonly<Record<string, unknown>>): WhatIfPrefill | undefined {
  const id = typeof params.fix === 'string' ? params.fix : Array.isArray(params.fix) ? String(params.fix[0]) : undefined;
  if (!id) return undefined;
  const { request, problems } = parseExplainRequest(explainFieldsOf(params));
  const back = explainHref(request);
  const question = `${request.from} → ${request.to}${request.port === undefined ? '' : ` on ${request.protocol ? `${request.protocol} ` : ''}${request.port}`}`;
  if (problems.length > 0) return { yaml: '', deletions: '', note: `The proposed change could not be read: ${problems.map((p) => p.message).join('; ')}.`, explainHref: back };
  const proposal = proposeFixes(base, request).proposals.find((p) => p.id === id);
  if (!proposal) return { yaml: '', deletions: '', note: `The change proposed for ${question} is no longer proposed on this snapshot (it may have changed): ask Explain again.`, explainHref: back };
  return { yaml: proposal.files.map((f) => f.text).join('---\n'), deletions: '', note: `Pre-filled with the change Explain proposed for ${question}: ${proposal.summary.join(' ')}`, explainHref: back };
}
