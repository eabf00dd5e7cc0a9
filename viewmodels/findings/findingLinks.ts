import type { Finding } from '@/lib/findings/index';
import type { ObjectRef, Subject } from '@/lib/model/index';
import { CHANGE_VERBS, NETWORK_POLICY, resourceLabel, subjectKey } from '@/lib/rbac/index';
import { isSodRule, matrixQuery, parseMatrixParams, type MatrixParams } from '@/viewmodels/access/matrixModel';

/** The subject page of a subject. */
export function subjectHref(s: Subject): string {
  return `/access/subject?s=${encodeURIComponent(subjectKey(s))}`;
}

/** A page for an object, when there is one: a NetworkPolicy's, a namespace's policies, a subject's access; else undefined. */
export function objectHref(r: ObjectRef): string | undefined {
  if (r.kind === 'NetworkPolicy' && r.namespace) return `/policies/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`;
  if (r.kind === 'Namespace') return `/policies?ns=${encodeURIComponent(r.name)}`;
  // A pod opens Explain with it as the source (its deep link: /explain?from=ns/name).
  if (r.kind === 'Pod' && r.namespace) return `/explain?from=${encodeURIComponent(`${r.namespace}/${r.name}`)}`;
  if (r.kind === 'User' || r.kind === 'Group') return subjectHref({ kind: r.kind, name: r.name });
  if (r.kind === 'ServiceAccount' && r.namespace) return subjectHref({ kind: 'ServiceAccount', namespace: r.namespace, name: r.name });
  return undefined;
}

/**
 * The matrix cell that shows a separation-of-duties finding: NetworkPolicies in the finding's namespace (verbs × one
 * namespace), or one verb × every namespace for a cluster-wide finding; the subject's row and the first change verb
 * `allowed` says it holds. Undefined for other rules.
 */
export function sodMatrixHref(f: Finding, allowed: (params: MatrixParams, subject: string, col: string) => boolean): string | undefined {
  if (!isSodRule(f.ruleId) || !f.subject) return undefined;
  const key = subjectKey(f.subject);
  const resource = resourceLabel(NETWORK_POLICY);
  if (f.namespace !== undefined) {
    const params = parseMatrixParams({ mode: 'verbs', ns: f.namespace, resource }, f.namespace);
    const col = CHANGE_VERBS.find((v) => allowed(params, key, v)) ?? 'patch';
    return `/access${matrixQuery(params, { focus: key, col })}`;
  }
  const params = parseMatrixParams({ mode: 'namespaces', resource }, '');
  const verb = CHANGE_VERBS.find((v) => allowed({ ...params, mode: 'verbs', namespace: '' }, key, v)) ?? 'patch';
  return `/access${matrixQuery({ ...params, verb }, { focus: key })}`;
}
