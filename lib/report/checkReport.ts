import type { Analyses } from '../analyses/analyses';
import { failingFindings, type ReportedFinding } from '../findings/configRules';
import type { Severity } from '../findings/finding';
import { FINDING_WARNING_CODES } from '../findings/networkFindings';
import type { Snapshot, SourceLocation, Warning } from '../model';
import { locateFinding, originIndex } from './findingLocation';

/** A reported finding with the manifest location it points at. */
export interface CheckFinding extends ReportedFinding {
  readonly location?: SourceLocation;
}

/** Everything `perimeter check` reports: findings after the config, the warnings that qualify them, the verdict. */
export interface CheckResult {
  readonly source: Snapshot['source'];
  readonly readAt: string;
  readonly findings: readonly CheckFinding[];
  /** Input and analysis warnings (errors first); they can make findings incomplete. */
  readonly warnings: readonly Warning[];
  readonly failOn: Severity;
  /** Unsuppressed findings at or above `failOn`. */
  readonly failing: number;
  /**
   * The first manifest file of the input: where SARIF places findings that have no object location (code scanning
   * refuses results without one), e.g. the API server's superuser group when no binding is in the manifests.
   */
  readonly fallbackFile?: string;
}

/**
 * The check of a snapshot's analyses: every network and RBAC finding after the config's rule switches, severities
 * and allow-list (Analyses.findings), each with its manifest location, and the verdict at `failOn`.
 */
export function runChecks(analyses: Analyses, failOn: Severity): CheckResult {
  const { snapshot } = analyses;
  const origins = originIndex(snapshot);
  const findings: CheckFinding[] = analyses.findings.map((f) => {
    const location = locateFinding(f, origins, snapshot);
    return location ? { ...f, location } : f;
  });
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const engine = analyses.connectivity.warnings.filter((w) => !FINDING_WARNING_CODES.has(w.code));
  const warnings = [...snapshot.warnings, ...engine, ...analyses.rbac.warnings].filter((w) => w.severity !== 'info').sort((a, b) => rank[a.severity] - rank[b.severity]);
  const fallbackFile = [...origins.values()].map((o) => o.file).filter((f) => !f.startsWith('cluster:')).sort()[0];
  return { source: snapshot.source, readAt: snapshot.readAt, findings, warnings, failOn, failing: failingFindings(findings, failOn).length, ...(fallbackFile ? { fallbackFile } : {}) };
}
