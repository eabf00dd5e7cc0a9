import type { PerimeterConfig } from '../config/config';
import { applyRuleConfig, failingFindings, type ReportedFinding } from '../findings/configRules';
import type { Severity } from '../findings/finding';
import { FINDING_WARNING_CODES, networkFindings } from '../findings/networkFindings';
import { rbacFindings } from '../findings/rbacFindings';
import type { Snapshot, SourceLocation, Warning } from '../model';
import { analyzeConnectivity, type Connectivity } from '../netpol/connectivity';
import { buildRbacIndex, type RbacIndex } from '../rbac/buildRbacIndex';
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

/** The analyses a check (and a report) run on a snapshot, computed once. */
export interface Analyses {
  readonly connectivity: Connectivity;
  readonly rbac: RbacIndex;
}

/** Computes connectivity and the RBAC index of a snapshot with the config's groups and duties. */
export function analyze(snapshot: Snapshot, config?: PerimeterConfig): Analyses {
  return { connectivity: analyzeConnectivity(snapshot), rbac: buildRbacIndex(snapshot, config) };
}

/**
 * Runs every network and RBAC check, then the config's rule switches, severities and allow-list, and attaches each
 * finding's manifest location.
 */
export function runChecks(snapshot: Snapshot, config: PerimeterConfig | undefined, failOn: Severity, analyses: Analyses = analyze(snapshot, config)): CheckResult {
  const raw = [...networkFindings(analyses.connectivity), ...rbacFindings(analyses.rbac, snapshot.networkPolicies)];
  const origins = originIndex(snapshot);
  const findings: CheckFinding[] = applyRuleConfig(raw, config?.rules).map((f) => {
    const location = locateFinding(f, origins, snapshot);
    return location ? { ...f, location } : f;
  });
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const engine = analyses.connectivity.warnings.filter((w) => !FINDING_WARNING_CODES.has(w.code));
  const warnings = [...snapshot.warnings, ...engine, ...analyses.rbac.warnings].filter((w) => w.severity !== 'info').sort((a, b) => rank[a.severity] - rank[b.severity]);
  const fallbackFile = [...origins.values()].map((o) => o.file).filter((f) => !f.startsWith('cluster:')).sort()[0];
  return { source: snapshot.source, readAt: snapshot.readAt, findings, warnings, failOn, failing: failingFindings(findings, failOn).length, ...(fallbackFile ? { fallbackFile } : {}) };
}
