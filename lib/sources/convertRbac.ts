import type { AggregationRule, ClusterRole, ClusterRoleBinding, LabelSelector, PolicyRule, Role, RoleBinding, RoleRef, Subject, Warning } from '../model';
import { parseLabelSelector, readLabels } from './labelSelector';
import { isRawMap, where } from './raw';
import type { RawMap, RawObject } from './types';

function meta(o: RawMap): RawMap {
  return isRawMap(o.metadata) ? o.metadata : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** PolicyRules with absent lists read as empty; `rules: null` is no rules. */
function rules(v: unknown): PolicyRule[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRawMap).map((r) => ({
    verbs: strings(r.verbs),
    apiGroups: strings(r.apiGroups),
    resources: strings(r.resources),
    resourceNames: strings(r.resourceNames),
    nonResourceURLs: strings(r.nonResourceURLs),
  }));
}

export function convertRole(raw: RawObject, namespace: string, name: string): Role {
  const m = meta(raw.object);
  return { namespace, name, labels: readLabels(m.labels), rules: rules(raw.object.rules), origin: raw.origin };
}

export function convertClusterRole(raw: RawObject, name: string): { role: ClusterRole; warnings: Warning[] } {
  const m = meta(raw.object);
  const warnings: Warning[] = [];
  let aggregationRule: AggregationRule | undefined;
  const ar = raw.object.aggregationRule;
  if (isRawMap(ar)) {
    const selectors: LabelSelector[] = [];
    (Array.isArray(ar.clusterRoleSelectors) ? ar.clusterRoleSelectors : []).forEach((s: unknown, i: number) => {
      const r = parseLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`);
      if (r.ok) selectors.push(r.selector);
      else
        warnings.push({
          code: 'invalid-selector',
          severity: 'error',
          message: `${where(raw.origin)}: ClusterRole ${name}: ${r.error}; that aggregation selector is ignored`,
          origin: raw.origin,
          object: { kind: 'ClusterRole', name },
        });
    });
    aggregationRule = { clusterRoleSelectors: selectors };
  }
  return {
    role: { name, labels: readLabels(m.labels), rules: rules(raw.object.rules), ...(aggregationRule ? { aggregationRule } : {}), origin: raw.origin },
    warnings,
  };
}

function roleRef(raw: RawObject, allowed: readonly RoleRef['kind'][]): RoleRef | string {
  const r = raw.object.roleRef;
  if (!isRawMap(r)) return 'has no roleRef';
  const kind = r.kind;
  const name = r.name;
  if (typeof name !== 'string' || name === '') return 'roleRef has no name';
  if (typeof kind !== 'string' || !(allowed as readonly string[]).includes(kind)) return `roleRef.kind ${JSON.stringify(kind)} must be ${allowed.join(' or ')}`;
  return { kind: kind as RoleRef['kind'], name };
}

/**
 * One subject, or why it cannot be used. A ServiceAccount subject without namespace takes the binding's namespace
 * (as the authorizer does for RoleBindings); in a ClusterRoleBinding the API server rejects it.
 */
function readSubject(s: unknown, bindingNamespace: string | undefined): Subject | string {
  if (!isRawMap(s)) return 'is not a map';
  const { kind, name } = s;
  if (kind !== 'User' && kind !== 'Group' && kind !== 'ServiceAccount') return `has kind ${JSON.stringify(kind)}, not User, Group or ServiceAccount`;
  if (typeof name !== 'string' || name === '') return 'has no name';
  if (kind !== 'ServiceAccount') return { kind, name };
  const namespace = typeof s.namespace === 'string' && s.namespace !== '' ? s.namespace : bindingNamespace;
  if (namespace === undefined) return `(ServiceAccount ${name}) has no namespace, which a ClusterRoleBinding requires`;
  return { kind, name, namespace };
}

function subjects(raw: RawObject, what: string, bindingNamespace: string | undefined, warnings: Warning[]): Subject[] {
  const list = Array.isArray(raw.object.subjects) ? raw.object.subjects : [];
  const out: Subject[] = [];
  list.forEach((s: unknown, i: number) => {
    const r = readSubject(s, bindingNamespace);
    if (typeof r !== 'string') out.push(r);
    else warnings.push({ code: 'invalid-subject', severity: 'warning', message: `${where(raw.origin)}: ${what}: subjects[${i}] ${r}; subject ignored`, origin: raw.origin });
  });
  return out;
}

export function convertRoleBinding(raw: RawObject, namespace: string, name: string): { binding?: RoleBinding; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const what = `RoleBinding ${namespace}/${name}`;
  const ref = roleRef(raw, ['Role', 'ClusterRole']);
  if (typeof ref === 'string') {
    warnings.push({ code: 'invalid-binding', severity: 'error', message: `${where(raw.origin)}: ${what} ${ref}; binding dropped`, origin: raw.origin, object: { kind: 'RoleBinding', namespace, name } });
    return { warnings };
  }
  const binding: RoleBinding = { namespace, name, labels: readLabels(meta(raw.object).labels), roleRef: ref, subjects: subjects(raw, what, namespace, warnings), origin: raw.origin };
  return { binding, warnings };
}

export function convertClusterRoleBinding(raw: RawObject, name: string): { binding?: ClusterRoleBinding; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const what = `ClusterRoleBinding ${name}`;
  // A ClusterRoleBinding may only reference a ClusterRole (ValidateClusterRoleBinding).
  const ref = roleRef(raw, ['ClusterRole']);
  if (typeof ref === 'string') {
    warnings.push({ code: 'invalid-binding', severity: 'error', message: `${where(raw.origin)}: ${what} ${ref}; binding dropped`, origin: raw.origin, object: { kind: 'ClusterRoleBinding', name } });
    return { warnings };
  }
  const binding: ClusterRoleBinding = { name, labels: readLabels(meta(raw.object).labels), roleRef: ref, subjects: subjects(raw, what, undefined, warnings), origin: raw.origin };
  return { binding, warnings };
}
