import type { PerimeterConfig } from '../config/config';
import { applyRuleConfig, type ReportedFinding } from '../findings/configRules';
import { networkFindings } from '../findings/networkFindings';
import { rbacFindings } from '../findings/rbacFindings';
import type { Snapshot } from '../model';
import { analyzeConnectivity } from '../netpol/connectivity';
import { buildRbacIndex } from '../rbac/buildRbacIndex';

/** Findings a change introduces and resolves, by stable finding id (suppressed ones left out on both sides). */
export interface FindingsDiff {
  readonly introduced: readonly ReportedFinding[];
  readonly resolved: readonly ReportedFinding[];
}

function findingsOf(s: Snapshot, config?: PerimeterConfig): ReportedFinding[] {
  const all = [...networkFindings(analyzeConnectivity(s)), ...rbacFindings(buildRbacIndex(s, config), s.networkPolicies)];
  return applyRuleConfig(all, config?.rules).filter((f) => !f.suppressed);
}

/** Runs every rule on both snapshots (with the config's switches and allow-list) and compares the finding ids. */
export function findingsDiff(base: Snapshot, head: Snapshot, config?: PerimeterConfig): FindingsDiff {
  const before = findingsOf(base, config);
  const after = findingsOf(head, config);
  const had = new Set(before.map((f) => f.id));
  const has = new Set(after.map((f) => f.id));
  return { introduced: after.filter((f) => !had.has(f.id)), resolved: before.filter((f) => !has.has(f.id)) };
}
