import type { Subject } from '../model';
import type { RbacIndex } from './buildRbacIndex';
import { ALL_VERBS, NETWORK_POLICY, WORKLOAD_RESOURCES, resourceLabel } from './resources';
import { subjectKey } from './subjects';
import type { GrantPath, ResourceRef } from './types';
import { whoCanCache, type WhoCanOptions } from './whoCan';

/** One cell: whether the subject may do the verb on the resource, and why. */
export interface MatrixCell {
  readonly allowed: boolean;
  readonly paths: readonly GrantPath[];
}

export interface MatrixRow {
  readonly subject: Subject;
  /** Cells in column order. */
  readonly cells: readonly MatrixCell[];
}

export interface MatrixColumn {
  readonly resource: ResourceRef;
  readonly verb: string;
  /** `resource.group verb`, e.g. `networkpolicies.networking.k8s.io patch`. */
  readonly label: string;
}

/** The permissions matrix of one namespace (or cluster scope): subjects × (resource, verb). */
export interface AccessMatrix {
  /** undefined = cluster scope (ClusterRoleBindings only). */
  readonly namespace?: string;
  readonly columns: readonly MatrixColumn[];
  /** Subjects with at least one allowed cell, sorted by subject key. */
  readonly rows: readonly MatrixRow[];
}

/** The default view: NetworkPolicies and the workload resources. */
export const DEFAULT_MATRIX_RESOURCES: readonly ResourceRef[] = [NETWORK_POLICY, ...WORKLOAD_RESOURCES];

export interface AccessMatrixOptions extends WhoCanOptions {
  readonly resources?: readonly ResourceRef[];
  readonly verbs?: readonly string[];
}

/** Builds the matrix from one who-can per column (collection-level: no object name). */
export function accessMatrix(index: RbacIndex, namespace: string | undefined, options: AccessMatrixOptions = {}): AccessMatrix {
  const resources = options.resources ?? DEFAULT_MATRIX_RESOURCES;
  const verbs = options.verbs ?? ALL_VERBS;
  const ask = whoCanCache(index);
  const columns: MatrixColumn[] = resources.flatMap((resource) => verbs.map((verb) => ({ resource, verb, label: `${resourceLabel(resource)} ${verb}` })));
  const rows = new Map<string, { subject: Subject; cells: MatrixCell[] }>();
  const denied: MatrixCell = { allowed: false, paths: [] };
  columns.forEach((col, i) => {
    for (const e of ask(col.verb, col.resource, namespace, undefined, { expandGroups: options.expandGroups })) {
      const key = subjectKey(e.subject);
      const row = rows.get(key) ?? rows.set(key, { subject: e.subject, cells: columns.map(() => denied) }).get(key)!;
      row.cells[i] = { allowed: true, paths: e.paths };
    }
  });
  return { namespace, columns, rows: [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r) };
}
