import type { ClusterRole, PolicyRule, Warning } from '../model';
import { selectorMatches } from '../netpol/selector';
import { ruleKey } from './ruleMatch';

/** A rule of a resolved role, with the ClusterRole and index where it was written when it came by aggregation. */
export interface ResolvedRule {
  readonly rule: PolicyRule;
  /** Set for rules a ClusterRole holds through its aggregationRule: where the rule is written. */
  readonly aggregatedFrom?: { readonly clusterRole: string; readonly ruleIndex: number };
}

export interface AggregationResult {
  /** Effective rules of every ClusterRole by name. */
  readonly rules: ReadonlyMap<string, readonly ResolvedRule[]>;
  readonly warnings: readonly Warning[];
}

const provenance = (r: ResolvedRule) => `${ruleKey(r.rule)}@${r.aggregatedFrom?.clusterRole ?? ''}#${r.aggregatedFrom?.ruleIndex ?? ''}`;

/** Same rules in the same order, and traced to the same written rules. */
function sameRules(a: readonly ResolvedRule[], b: readonly ResolvedRule[]): boolean {
  return a.length === b.length && a.every((r, i) => provenance(r) === provenance(b[i]));
}

/**
 * Computes ClusterRole aggregation as the clusterrole-aggregation controller does
 * (pkg/controller/clusterroleaggregation): an aggregated role's rules become the deduplicated union, selector by
 * selector and role by role in name order, of the rules of the other ClusterRoles its selectors match, repeated to a
 * fixed point (view → edit → admin). Starting from the rules as written makes a live cluster's already-aggregated
 * roles come out unchanged, and `rules: null` in manifests come out filled.
 */
export function aggregateClusterRoles(clusterRoles: readonly ClusterRole[]): AggregationResult {
  const warnings: Warning[] = [];
  const current = new Map<string, readonly ResolvedRule[]>();
  for (const cr of clusterRoles) current.set(cr.name, cr.rules.map((rule) => ({ rule })));
  const byName = [...clusterRoles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const aggregated = byName.filter((cr) => cr.aggregationRule);
  if (aggregated.length === 0) return { rules: current, warnings };

  // Which roles each aggregated role's selectors pick, in the controller's order (selector, then name).
  const sources = new Map<string, readonly ClusterRole[]>();
  for (const cr of aggregated) {
    const picked: ClusterRole[] = [];
    for (const sel of cr.aggregationRule?.clusterRoleSelectors ?? []) {
      for (const other of byName) if (other.name !== cr.name && selectorMatches(sel, other.labels)) picked.push(other);
    }
    sources.set(cr.name, picked);
  }

  const limit = aggregated.length + 2;
  let rounds = 0;
  for (let changed = true; changed; ) {
    changed = false;
    if (++rounds > limit) {
      warnings.push({
        code: 'aggregation-no-fixed-point',
        severity: 'warning',
        message: `ClusterRole aggregation did not settle after ${limit} rounds (aggregation rules select each other); rules are as of the last round.`,
      });
      break;
    }
    for (const cr of aggregated) {
      const seen = new Set<string>();
      const next: ResolvedRule[] = [];
      for (const src of sources.get(cr.name) ?? []) {
        (current.get(src.name) ?? []).forEach((r, ruleIndex) => {
          const key = ruleKey(r.rule);
          if (seen.has(key)) return;
          seen.add(key);
          next.push({ rule: r.rule, aggregatedFrom: r.aggregatedFrom ?? { clusterRole: src.name, ruleIndex } });
        });
      }
      // Provenance is compared too, so a live cluster's already-aggregated rules get traced to where they are written.
      if (!sameRules(next, current.get(cr.name) ?? [])) {
        current.set(cr.name, next);
        changed = true;
      }
    }
  }

  for (const cr of aggregated) {
    const written = new Set(cr.rules.map(ruleKey));
    const effective = new Set((current.get(cr.name) ?? []).map((r) => ruleKey(r.rule)));
    const dropped = [...written].filter((k) => !effective.has(k)).length;
    if (dropped > 0) {
      warnings.push({
        code: 'aggregated-rules-replaced',
        severity: 'info',
        message: `ClusterRole ${cr.name} has an aggregationRule, so the aggregation controller replaces its written rules: ${dropped} written rule(s) are not in the aggregated union and were not counted.`,
        object: { kind: 'ClusterRole', name: cr.name },
        origin: cr.origin,
      });
    }
  }
  return { rules: current, warnings };
}
