import type { ReportedFinding } from '@/lib/findings/index';
import { CHANGE_NETWORK_POLICIES, CHANGE_RBAC, CHANGE_WORKLOADS } from '@/lib/findings/index';
import type { Subject, SubjectKind } from '@/lib/model/index';
import {
  ALL_VERBS,
  NETWORK_POLICY,
  POLICY_EDIT_VERBS,
  WORKLOAD_RESOURCES,
  describeStep,
  namespaceEditors,
  requestScope,
  resolveResource,
  resourceLabel,
  subjectKey,
  whoCanCache,
  type GrantPath,
  type ObjectEditors,
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
  /** A verb (mode verbs) or a namespace (modes namespaces and editors). */
  readonly key: string;
  readonly label: string;
  /** Editors shape: how many direct and indirect editors the namespace has (the Policies page's counts). */
  readonly editors?: { readonly direct: number; readonly indirect: number };
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
 * The separation-of-duties findings behind a cell (subject, verbs, resource, namespace): the unsuppressed or
 * allow-listed findings about that subject in that namespace (a cluster-wide finding counts in every namespace)
 * whose combined rights include one of the verbs on the resource.
 */
export function sodFindings(findings: readonly ReportedFinding[]): (subject: string, verbs: readonly string[], resource: ResourceRef, namespace: string | undefined) => readonly ReportedFinding[] {
  const bySubject = new Map<string, ReportedFinding[]>();
  for (const f of findings) {
    if (!isSodRule(f.ruleId) || !f.subject) continue;
    const k = subjectKey(f.subject);
    bySubject.set(k, [...(bySubject.get(k) ?? []), f]);
  }
  return (subject, verbs, resource, namespace) =>
    (bySubject.get(subject) ?? []).filter(
      (f) =>
        (f.namespace === undefined || f.namespace === namespace) &&
        SOD_CAPABILITIES[f.ruleId].some((cap) =>
          cap.rights.some((r) => verbs.includes(r.verb) && r.resource.group === resource.group && r.resource.resource === resource.resource && (r.resource.subresource ?? '') === (resource.subresource ?? '')),
        ),
    );
}

/**
 * The cell code of an allowed cell from its separation-of-duties findings, as Findings rates them: `sod` when an open
 * one is rated medium or high, `sodLow` when the open ones are all low (built-in grants), `sodAccepted` when every one
 * is allow-listed, `allowed` when there is none.
 */
export function sodCell(hits: readonly ReportedFinding[]): string {
  const open = hits.filter((f) => !f.suppressed);
  if (open.some((f) => f.severity !== 'low')) return CELL.sod;
  if (open.length > 0) return CELL.sodLow;
  return hits.length > 0 ? CELL.sodAccepted : CELL.allowed;
}

function subjectMatches(p: MatrixParams, s: Subject, key: string): boolean {
  return (p.kinds.length === 0 || p.kinds.includes(s.kind)) && (p.text === '' || key.toLowerCase().includes(p.text.toLowerCase()));
}

/** What the view needs besides the RBAC index: the findings, and the existing objects of a namespace (editors shape). */
export interface MatrixInputs {
  readonly findings: readonly ReportedFinding[];
  /** Names of the resource's objects in a namespace, so a resourceNames rule on one of them counts (NetworkPolicies). */
  readonly objectNames?: (resource: ResourceRef, namespace: string) => readonly string[];
}

/** The editors of the resource in each namespace, per column (editors shape). */
export function editorsByNamespace(index: RbacIndex, inputs: MatrixInputs, p: MatrixParams, resource: ResourceRef, namespaces: readonly string[]): ObjectEditors[] {
  const ask = whoCanCache(index);
  return namespaces.map((ns) => namespaceEditors(index, resource, ns, inputs.objectNames?.(resource, ns) ?? [], { indirect: p.indirect, ask }));
}

/** Builds the matrix view: one who-can per column (memoized), rows sorted by subject key, filtered by kind and text. */
export function buildMatrixView(index: RbacIndex, inputs: MatrixInputs, p: MatrixParams): MatrixView {
  const { resource, warning } = resolveResource(p.resource);
  const notes: string[] = warning ? [warning] : [];
  const ask = whoCanCache(index);
  const sodOf = sodFindings(inputs.findings);
  const namespaces = [...index.namespaces].sort();
  const rows = new Map<string, { subject: Subject; cells: string[] }>();
  const width = p.mode === 'verbs' ? ALL_VERBS.length : namespaces.length;
  const rowOf = (key: string, subject: Subject) => rows.get(key) ?? rows.set(key, { subject, cells: Array.from({ length: width }, () => CELL.denied) }).get(key)!;
  let columns: MatrixViewColumn[];
  if (p.mode === 'editors') {
    const editors = editorsByNamespace(index, inputs, p, resource, namespaces);
    columns = namespaces.map((n, i) => ({ key: n, label: n, editors: { direct: editors[i].direct.length, indirect: editors[i].indirect.length } }));
    editors.forEach((e, i) => {
      for (const d of e.direct) {
        const key = subjectKey(d.subject);
        rowOf(key, d.subject).cells[i] = sodCell(sodOf(key, d.verbs.map((v) => v.verb), resource, namespaces[i]));
      }
      for (const ind of e.indirect) rowOf(subjectKey(ind.subject), ind.subject).cells[i] = CELL.indirect;
    });
  } else {
    columns = p.mode === 'verbs' ? ALL_VERBS.map((v) => ({ key: v, label: v })) : namespaces.map((n) => ({ key: n, label: n }));
    columns.forEach((col, i) => {
      const verb = p.mode === 'verbs' ? col.key : p.verb;
      const scope = requestScope(verb, resource, p.mode === 'verbs' ? p.namespace || undefined : col.key, undefined);
      for (const n of scope.notes) if (!notes.includes(n)) notes.push(n);
      for (const e of ask(verb, resource, scope.namespace)) rowOf(e.key, e.subject).cells[i] = sodCell(sodOf(e.key, [verb], resource, scope.namespace));
    });
  }
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

/** What one cell rests on: its verbs and grant paths (allowed), or the one-step ways to it (an indirect editor). */
export interface CellEvidence {
  readonly verb: string;
  readonly namespace?: string;
  /** Grant paths of the allowed cell (every edit verb's for an editor), empty when denied or indirect. */
  readonly paths: readonly GrantPath[];
  /** Editors shape: the verbs a direct editor holds. */
  readonly verbs?: readonly string[];
  /** Editors shape: each one-step way an indirect editor becomes one, with its paths. */
  readonly steps?: readonly { readonly text: string; readonly paths: readonly GrantPath[] }[];
}

/** The grant paths behind one cell, exactly as the matrix column's who-can (or namespaceEditors) found them. */
export function cellPaths(index: RbacIndex, p: MatrixParams, subject: string, col: string, inputs: Pick<MatrixInputs, 'objectNames'> = {}): CellEvidence {
  const { resource } = resolveResource(p.resource);
  if (p.mode === 'editors') {
    const e = editorsByNamespace(index, { findings: [], ...inputs }, p, resource, [col])[0];
    const direct = e.direct.find((d) => subjectKey(d.subject) === subject);
    if (direct) {
      const unique = new Map(direct.verbs.flatMap((v) => v.paths).map((path) => [JSON.stringify(path), path]));
      return { verb: POLICY_EDIT_VERBS.map((v) => v.verb).join(', '), namespace: col, verbs: direct.verbs.map((v) => v.verb), paths: [...unique.values()] };
    }
    const indirect = e.indirect.find((i) => subjectKey(i.subject) === subject);
    return { verb: POLICY_EDIT_VERBS.map((v) => v.verb).join(', '), namespace: col, paths: [], steps: indirect?.steps.map((st) => ({ text: describeStep(st), paths: st.paths })) ?? [] };
  }
  const verb = p.mode === 'verbs' ? col : p.verb;
  const scope = requestScope(verb, resource, p.mode === 'verbs' ? p.namespace || undefined : col, undefined);
  const hit = whoCanCache(index)(verb, resource, scope.namespace).find((e) => e.key === subject);
  return { verb, namespace: scope.namespace, paths: hit?.paths ?? [] };
}

/** The verbs a cell stands for: one (verbs, namespaces shapes), or the edit verbs a direct editor holds (editors). */
export function cellVerbs(p: MatrixParams, col: string, evidence: CellEvidence): readonly string[] {
  if (p.mode === 'editors') return evidence.verbs ?? [];
  return [p.mode === 'verbs' ? col : p.verb];
}

/** `NetworkPolicy` names of a namespace, for `MatrixInputs.objectNames` (other resources have none to offer). */
export function networkPolicyNames(policies: readonly { readonly namespace: string; readonly name: string }[]): (resource: ResourceRef, namespace: string) => readonly string[] {
  const byNs = new Map<string, string[]>();
  for (const pol of policies) byNs.set(pol.namespace, [...(byNs.get(pol.namespace) ?? []), pol.name]);
  const label = resourceLabel(NETWORK_POLICY);
  return (resource, namespace) => (resourceLabel(resource) === label ? (byNs.get(namespace) ?? []) : []);
}
