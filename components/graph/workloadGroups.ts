import type { Snapshot, WorkloadKind } from '@/lib/model';
import { formatLabels } from '../ui/format';
import { namespaceNames } from '../overview/overviewModel';

/** A workload as the graph will draw it: a node with its pods. */
export interface WorkloadNode {
  readonly kind: WorkloadKind;
  readonly name: string;
  /** Pods of the workload in the snapshot, live or from the template. */
  readonly pods: number;
  readonly livePods: number;
  /** The labels NetworkPolicies select on: the pod template's when known, else the first pod's. */
  readonly podLabels: readonly string[];
  readonly serviceAccount?: string;
}

export interface NamespaceGroup {
  readonly namespace: string;
  readonly workloads: readonly WorkloadNode[];
}

/** Workloads grouped by namespace (every namespace, even empty ones), each sorted by kind then name. */
export function workloadGroups(s: Snapshot): NamespaceGroup[] {
  return namespaceNames(s).map((namespace) => {
    const pods = s.pods.filter((p) => p.namespace === namespace);
    const workloads = s.workloads
      .filter((w) => w.namespace === namespace)
      .map((w): WorkloadNode => {
        const own = pods.filter((p) => p.workload.kind === w.kind && p.workload.name === w.name);
        const labels = w.templateLabels ?? own[0]?.labels ?? w.labels;
        return {
          kind: w.kind,
          name: w.name,
          pods: own.length,
          livePods: own.filter((p) => !p.fromTemplate).length,
          podLabels: formatLabels(labels),
          serviceAccount: w.serviceAccountName ?? own[0]?.serviceAccountName,
        };
      })
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
    return { namespace, workloads };
  });
}
