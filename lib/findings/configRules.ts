import type { AllowEntry, RulesConfig } from '../config/rulesConfig';
import { subjectKey } from '../rbac/subjects';
import { SEVERITIES, type Finding, type Severity } from './finding';
import { sortFindings } from './rbacEvidence';

/** A finding as reported after the config: possibly re-rated, possibly suppressed (still listed, with the reason). */
export interface ReportedFinding extends Finding {
  /** Set when an allow-list entry matched: the reason and where the entry is (`allow[2]`). */
  readonly suppressed?: { readonly reason: string; readonly where: string };
  /** The rule's own severity when the config changed it. */
  readonly defaultSeverity?: Severity;
}

function objectText(f: Finding): string | undefined {
  if (!f.object) return undefined;
  return f.object.namespace ? `${f.object.kind}/${f.object.namespace}/${f.object.name}` : `${f.object.kind}/${f.object.name}`;
}

/** Whether an allow-list entry covers a finding: every field it gives must match. */
export function allowMatches(entry: AllowEntry, f: Finding): boolean {
  if (entry.rule !== '*' && entry.rule !== f.ruleId) return false;
  if (entry.id !== undefined && entry.id !== f.id) return false;
  if (entry.namespace !== undefined && entry.namespace !== f.namespace) return false;
  if (entry.subject !== undefined && (!f.subject || subjectKey(f.subject) !== entry.subject)) return false;
  if (entry.object !== undefined && entry.object !== objectText(f)) return false;
  return true;
}

/**
 * Applies the config's rule switches, severities and allow-list: findings of disabled rules are dropped, severities
 * replaced, allow-listed findings kept and marked suppressed. Re-sorted by (new) severity, then id.
 */
export function applyRuleConfig(findings: readonly Finding[], config: RulesConfig | undefined): ReportedFinding[] {
  const out: ReportedFinding[] = [];
  for (const f of findings) {
    const setting = config?.rules.get(f.ruleId);
    if (setting && !setting.enabled) continue;
    let r: ReportedFinding = f;
    if (setting?.severity && setting.severity !== f.severity) r = { ...r, severity: setting.severity, defaultSeverity: f.severity };
    const entry = config?.allow.find((e) => allowMatches(e, f));
    if (entry) r = { ...r, suppressed: { reason: entry.reason, where: entry.where } };
    out.push(r);
  }
  sortFindings(out);
  return out;
}

/** Findings that fail a check: not suppressed and at or above the threshold. */
export function failingFindings<F extends ReportedFinding>(findings: readonly F[], threshold: Severity): F[] {
  const min = SEVERITIES.indexOf(threshold);
  return findings.filter((f) => !f.suppressed && SEVERITIES.indexOf(f.severity) >= min);
}
