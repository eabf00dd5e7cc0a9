import type { ReportedFinding } from '@/lib/findings/index';
import { CHANGE_NETWORK_POLICIES, CHANGE_RBAC, CHANGE_WORKLOADS } from '@/lib/findings/index';
import type { Subject, SubjectKind } from '@/lib/model/index';
import {
  ALL_VERBS,
  NETWORK_POLICY,
  WORKLOAD_RESOURCES,
  requestScope,
  resolveResource,
  subjectKey,
  whoCanCache,
  type GrantPath,
  type RbacIndex,
  type ResourceRef,
} from '@/lib/rbac/index';
import { CELL, type MatrixParams } from './matrixParams';

export { CELL, matrixQuery, parseMatrixParams, type MatrixMode, type MatrixParams } from './matrixParams';

/** Resources offered in the picker: the ones the auditor's questions are about. Any other can be typed in the URL. */
export const MATRIX_RESOURCES: readonly ResourceRef[] = [
  NETWORK_POLICY,
  ...WORKLOAD_RESOURCES,
  { group: '', resource: 'pods', subresource: 'exec' },
  { group: '', resource: 'secrets' },
  { group: '', resource: 'configmaps' },
  { group: '', resource: 'services' },
  { group: '', resource: 'serviceaccounts', subresource: 'token' },
  { group: 'rbac.authorization.k8s.io', resource: 'roles' },
  { group: 'rbac.authorization.k8s.io', resource: 'rolebindings' },
];

export interface MatrixViewColumn {
  /** A verb (mode verbs) or a namespace (mode namespaces). */
  readonly key: string;
  readonly label: string;
}

export interface MatrixViewRow {
  readonly key: string;
  readonly kind: SubjectKind;
  /** `ns/name` for ServiceAccounts. */
  readonly name: string;
  /** One CELL code per column. */
  readonly cells: string;
}

/** What the matrix component draws: compact, so 10,000 rows cross to the client cheaply. */
export interface MatrixView {
  readonly columns: readonly MatrixViewColumn[];
  readonly rows: readonly MatrixViewRow[];
  /** Rows before the subject filter. */
  readonly total: number;
  readonly resource: ResourceRef;
  /** Set when the request scope was adjusted (a cluster-scoped resource has no namespace). */
  readonly notes: readonly string[];
}

/** The separation-of-duties rules whose cells the matrix marks, with the capabilities each combines. */
const SOD_CAPABILITIES: Readonly<Record<string, readonly (typeof CHANGE_WORKLOADS)[]>> = {
  'PER-RBAC-SOD-WORKLOAD-NETPOL': [CHANGE_WORKLOADS, CHANGE_NETWORK_POLICIES],
  'PER-RBAC-SOD-NETPOL-RBAC': [CHANGE_NETWORK_POLICIES, CHANGE_RBAC],
};

/** Whether a separation-of-duties rule id is one the matrix marks. */
export const isSodRule = (ruleId: string) => ruleId in SOD_CAPABILITIES;

/**
 * The separation-of-duties state of a cell (subject, verb, resource, namespace): `open` when it is one of the rights
 * of an unsuppressed separation-of-duties finding about that subject in that namespace (a cluster-wide finding
 * counts in every namespace), `accepted` when every such finding is allow-listed, undefined when there is none.
 */
export function sodMarker(findings: readonly ReportedFinding[]): (subject: string, verb: string, resource: ResourceRef, namespace: string | undefined) => 'open' | 'accepted' | undefined {
  const bySubject = new Map<string, ReportedFinding[]>();
  for (const f of findings) {
    if (!isSodRule(f.ruleId) || !f.subject) continue;
    const k = subjectKey(f.subject);
    bySubject.set(k, [...(bySubject.get(k) ?? []), f]);
  }
  return (subject, verb, resource, namespace) => {
    const hits = (bySubject.get(subject) ?? []).filter(
      (f) =>
        (f.namespace === undefined || f.namespace === namespace) &&
        SOD_CAPABILITIES[f.ruleId].some((cap) =>
          cap.rights.some((r) => r.verb === verb && r.resource.group === resource.group && r.resource.resource === resource.resource && (r.resource.subresource ?? '') === (resource.subresource ?? '')),
        ),
    );
    if (hits.length === 0) return undefined;
    return hits.some((f) => !f.suppressed) ? 'open' : 'accepted';
  };
}

function subjectMatches(p: MatrixParams, s: Subject, key: string): boolean {
  return (p.kinds.length === 0 || p.kinds.includes(s.kind)) && (p.text === '' || key.toLowerCase().includes(p.text.toLowerCase()));
}

/** Builds the matrix view: one who-can per column (memoized), rows sorted by subject key, filtered by kind and text. */
export function buildMatrixView(index: RbacIndex, findings: readonly ReportedFinding[], p: MatrixParams): MatrixView {
  const { resource, warning } = resolveResource(p.resource);
  const notes: string[] = warning ? [warning] : [];
  const ask = whoCanCache(index);
  const sodOf = sodMarker(findings);
  const columns: MatrixViewColumn[] =
    p.mode === 'verbs' ? ALL_VERBS.map((v) => ({ key: v, label: v })) : [...index.namespaces].sort().map((n) => ({ key: n, label: n }));
  const rows = new Map<string, { subject: Subject; cells: string[] }>();
  columns.forEach((col, i) => {
    const verb = p.mode === 'verbs' ? col.key : p.verb;
    const scope = requestScope(verb, resource, p.mode === 'verbs' ? p.namespace || undefined : col.key, undefined);
    for (const n of scope.notes) if (!notes.includes(n)) notes.push(n);
    for (const e of ask(verb, resource, scope.namespace)) {
      const row = rows.get(e.key) ?? rows.set(e.key, { subject: e.subject, cells: columns.map(() => CELL.denied) }).get(e.key)!;
      const sod = sodOf(e.key, verb, resource, scope.namespace);
      row.cells[i] = sod === 'open' ? CELL.sod : sod === 'accepted' ? CELL.sodAccepted : CELL.allowed;
    }
  });
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    columns,
    total: sorted.length,
    resource,
    notes,
    rows: sorted
      .filter(([key, r]) => subjectMatches(p, r.subject, key))
      .map(([key, r]) => ({
        key,
        kind: r.subject.kind,
        name: r.subject.kind === 'ServiceAccount' ? `${r.subject.namespace ?? ''}/${r.subject.name}` : r.subject.name,
        cells: r.cells.join(''),
      })),
  };
}

/** The grant paths behind one cell, exactly as the matrix column's who-can found them (empty when denied). */
export function cellPaths(index: RbacIndex, p: MatrixParams, subject: string, col: string): { verb: string; namespace?: string; paths: readonly GrantPath[] } {
  const { resource } = resolveResource(p.resource);
  const verb = p.mode === 'verbs' ? col : p.verb;
  const scope = requestScope(verb, resource, p.mode === 'verbs' ? p.namespace || undefined : col, undefined);
  const hit = whoCanCache(index)(verb, resource, scope.namespace).find((e) => e.key === subject);
  return { verb, namespace: scope.namespace, paths: hit?.paths ?? [] };
}
