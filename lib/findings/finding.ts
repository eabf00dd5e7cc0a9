import type { ObjectRef } from '../model/origin';
import type { Subject } from '../model/rbac';

export type Severity = 'low' | 'medium' | 'high';

/** Severities in ascending order, for `--fail-on` thresholds and sorting. */
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

/** One piece of evidence: a sentence plus the objects it names (a binding → role → rule path, a policy, a pod). */
export interface Evidence {
  readonly text: string;
  readonly refs: readonly ObjectRef[];
}

/**
 * A problem found by a check. `id` is stable for the same problem across runs (rule id + subject/object key),
 * so suppressions and diffs can refer to it.
 */
export interface Finding {
  readonly id: string;
  /** Stable rule id documented in docs/rules.md, e.g. `PER-RBAC-SOD-WORKLOAD-NETPOL`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** One line, specific: names the subject/object and what it can do. */
  readonly title: string;
  readonly subject?: Subject;
  /** The namespace it is about; absent for a cluster-wide finding (cluster-wide grants, cluster-scoped objects). */
  readonly namespace?: string;
  /**
   * A cluster-wide finding that concerns some namespaces only (an AdminNetworkPolicy's subject, the namespaces whose
   * policies a subject can come to edit): those, sorted. Absent: it applies to every namespace.
   */
  readonly namespaces?: readonly string[];
  readonly object?: ObjectRef;
  readonly evidence: readonly Evidence[];
  /** One-line fix. */
  readonly fix: string;
}
