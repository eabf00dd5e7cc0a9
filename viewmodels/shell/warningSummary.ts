import type { Warning, WarningSeverity } from '@/lib/model/index';
import { plural } from '@/viewmodels/ui/format';

const ORDER: readonly WarningSeverity[] = ['error', 'warning', 'info'];

/**
 * The source's warnings counted by severity, most severe first, in the words the warnings table uses (`1 error`,
 * `2 warnings`, `1 info`): the banner and the Findings page say the same, and an error is never called a warning.
 * `none` when there is none.
 */
export function warningSummary(warnings: readonly Pick<Warning, 'severity'>[]): { readonly text: string; readonly worst?: WarningSeverity } {
  const counts = new Map<WarningSeverity, number>();
  for (const w of warnings) counts.set(w.severity, (counts.get(w.severity) ?? 0) + 1);
  const parts = ORDER.filter((s) => counts.has(s)).map((s) => (s === 'info' ? `${counts.get(s)!.toLocaleString('en-US')} info` : plural(counts.get(s)!, s)));
  return { text: parts.length === 0 ? 'no warnings' : parts.join(', '), worst: ORDER.find((s) => counts.has(s)) };
}
