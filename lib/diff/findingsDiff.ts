import type { Analyses } from '../analyses/analyses';
import type { ReportedFinding } from '../findings/configRules';

/** Findings a change introduces and resolves, by stable finding id (suppressed ones left out on both sides). */
export interface FindingsDiff {
  readonly introduced: readonly ReportedFinding[];
  readonly resolved: readonly ReportedFinding[];
}

/** Compares the findings of two analyses (each after its config's switches and allow-list) by finding id. */
export function findingsDiff(base: Analyses, head: Analyses): FindingsDiff {
  const before = base.findings.filter((f) => !f.suppressed);
  const after = head.findings.filter((f) => !f.suppressed);
  const had = new Set(before.map((f) => f.id));
  const has = new Set(after.map((f) => f.id));
  return { introduced: after.filter((f) => !had.has(f.id)), resolved: before.filter((f) => !has.has(f.id)) };
}
